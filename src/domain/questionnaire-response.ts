/**
 * A FHIR R4 QuestionnaireResponse of the instruments, for a center's EHR. R4 items carry no `code`, so
 * we follow the LHC-Forms convention: a LOINC-coded item's linkId is its LOINC path
 * (`/44249-1/44260-8`), and each instrument group ends with its LOINC total. Items LOINC does not
 * code (DAST-10 and ASQ items, ASQ as a whole) keep our own ids. Item text, answer displays and
 * `language` are those of the wording the person answered (Spanish answers carry the Spanish
 * items), so the record says what was asked; the LOINC codes give every clinician the same meaning.
 * Every coding names its system: LOINC where LOINC publishes an answer code, else the item score
 * in `answerScoreSystem`.
 */
import type { Locale } from '../i18n/locale.js';
import { askedItems, instruments, type Answers, type InstrumentId, type InstrumentItem, type InstrumentScore, type Instrument } from './instruments.js';

const loincSystem = 'http://loinc.org';
/** Answers LOINC does not code: the code is the item's score as the instrument's authors define it. */
export const answerScoreSystem = 'urn:iop-widgets:fhir:answer-score';

export interface FhirCoding {
  system: string;
  code: string;
  display: string;
}
export type FhirAnswer = { valueCoding: FhirCoding } | { valueInteger: number } | { valueBoolean: boolean };
export interface FhirItem {
  linkId: string;
  text?: string;
  answer?: FhirAnswer[];
  item?: FhirItem[];
}
// A type alias, not an interface: it must fit the contract's open-ended (index-signature) FHIR object.
export type QuestionnaireResponse = {
  resourceType: 'QuestionnaireResponse';
  status: 'completed';
  authored: string;
  language: Locale;
  item: FhirItem[];
};

function itemLinkId(instrument: Instrument, item: InstrumentItem): string {
  return instrument.panelLoinc && item.loinc ? `/${instrument.panelLoinc}/${item.loinc}` : item.id;
}

function answerOf(item: InstrumentItem, score: number, locale: Locale): FhirAnswer[] {
  const option = item.options.find((candidate) => candidate.score === score);
  if (!option) return [];
  const display = option.label[locale];
  return [{ valueCoding: option.loinc ? { system: loincSystem, code: option.loinc, display } : { system: answerScoreSystem, code: String(score), display } }];
}

const totalText: Readonly<Record<Locale, string>> = { en: 'total score', es: 'puntuación total' };

function group(instrument: Instrument, answers: Answers, score: InstrumentScore | undefined, locale: Locale): FhirItem {
  const items: FhirItem[] = askedItems(instrument, answers)
    .filter((item) => answers[item.id] !== undefined)
    .map((item) => ({ linkId: itemLinkId(instrument, item), text: item.text[locale], answer: answerOf(item, answers[item.id]!, locale) }));
  if (score) {
    items.push({
      linkId: instrument.panelLoinc && instrument.totalLoinc ? `/${instrument.panelLoinc}/${instrument.totalLoinc}` : `${instrument.id}-total`,
      text: `${instrument.title[locale]}: ${totalText[locale]}`,
      answer: [{ valueInteger: score.total }],
    });
  }
  return { linkId: instrument.panelLoinc ? `/${instrument.panelLoinc}` : instrument.id, text: instrument.title[locale], item: items };
}

/** One group per instrument answered; AUDIT-C followed by the full AUDIT when its remaining items were asked. */
export function questionnaireResponse(options: {
  set: readonly InstrumentId[];
  answers: Answers;
  scores: readonly InstrumentScore[];
  locale: Locale;
  authored: Date;
}): QuestionnaireResponse {
  const scoreOf = (id: InstrumentScore['instrument']) => options.scores.find((score) => score.instrument === id);
  const groups: FhirItem[] = [];
  for (const id of options.set) {
    if (id === 'audit-c' || id === 'audit') {
      groups.push(group(instruments['audit-c'], options.answers, scoreOf('audit-c'), options.locale));
      if (scoreOf('audit')) groups.push(group(instruments.audit, options.answers, scoreOf('audit'), options.locale));
    } else {
      groups.push(group(instruments[id], options.answers, scoreOf(id), options.locale));
    }
  }
  return { resourceType: 'QuestionnaireResponse', status: 'completed', authored: options.authored.toISOString(), language: options.locale, item: groups };
}

export interface ResponseProblem {
  /** JSON Pointer inside the QuestionnaireResponse. */
  readonly pointer: string;
  readonly detail: string;
}

const FHIR_STATUSES = ['in-progress', 'completed', 'amended', 'entered-in-error', 'stopped'];
const TOP_LEVEL_KEYS = new Set(['resourceType', 'id', 'meta', 'language', 'status', 'authored', 'questionnaire', 'item']);
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown, max: number) => typeof value === 'string' && value.length > 0 && value.length <= max;

/** The group and item linkIds this code writes for each instrument, and which item each stands for. */
function knownGroups(): Map<string, { instrument: Instrument; items: Map<string, InstrumentItem | 'total'> }> {
  const groups = new Map<string, { instrument: Instrument; items: Map<string, InstrumentItem | 'total'> }>();
  for (const instrument of Object.values(instruments)) {
    const items = new Map<string, InstrumentItem | 'total'>(instrument.items.map((item) => [itemLinkId(instrument, item), item]));
    items.set(instrument.panelLoinc && instrument.totalLoinc ? `/${instrument.panelLoinc}/${instrument.totalLoinc}` : `${instrument.id}-total`, 'total');
    groups.set(instrument.panelLoinc ? `/${instrument.panelLoinc}` : instrument.id, { instrument, items });
  }
  return groups;
}

function answerProblems(answers: unknown, target: InstrumentItem | 'total', at: string): ResponseProblem[] {
  if (!Array.isArray(answers) || answers.length !== 1) return [{ pointer: `${at}/answer`, detail: 'Each item has exactly one answer.' }];
  const answer: unknown = answers[0];
  const pointer = `${at}/answer/0`;
  if (!isRecord(answer) || Object.keys(answer).length !== 1) return [{ pointer, detail: 'An answer has one value.' }];
  if (target === 'total') {
    return Number.isInteger(answer.valueInteger) && (answer.valueInteger as number) >= 0 ? [] : [{ pointer, detail: 'A total is a whole number.' }];
  }
  const coding = answer.valueCoding;
  if (!isRecord(coding) || !isText(coding.system, 200) || !isText(coding.code, 40) || (coding.display !== undefined && !isText(coding.display, 200))) {
    return [{ pointer, detail: 'The answer is a coding with a system and a code.' }];
  }
  const known = target.options.some((option) =>
    option.loinc ? coding.system === loincSystem && coding.code === option.loinc : coding.system === answerScoreSystem && coding.code === String(option.score),
  );
  return known ? [] : [{ pointer, detail: 'The answer is not one of the item’s answers.' }];
}

/**
 * Checks a QuestionnaireResponse against the instruments this code knows: FHIR R4's required
 * fields, only groups and items these instruments have, one coded answer per item from the item's
 * own answer list. An empty list means it is one this product could have written.
 */
export function questionnaireResponseProblems(value: unknown): ResponseProblem[] {
  if (!isRecord(value)) return [{ pointer: '', detail: 'Send a QuestionnaireResponse object.' }];
  const problems: ResponseProblem[] = [];
  for (const key of Object.keys(value)) if (!TOP_LEVEL_KEYS.has(key)) problems.push({ pointer: `/${key}`, detail: 'This field is not part of the response.' });
  if (value.resourceType !== 'QuestionnaireResponse') problems.push({ pointer: '/resourceType', detail: 'Must be QuestionnaireResponse.' });
  if (!FHIR_STATUSES.includes(value.status as string)) problems.push({ pointer: '/status', detail: 'A FHIR QuestionnaireResponse status is required.' });
  if (value.authored !== undefined && (typeof value.authored !== 'string' || Number.isNaN(Date.parse(value.authored)))) {
    problems.push({ pointer: '/authored', detail: 'Must be a date and time.' });
  }
  if (value.language !== undefined && value.language !== 'en' && value.language !== 'es') problems.push({ pointer: '/language', detail: 'Must be en or es.' });
  if (!Array.isArray(value.item) || value.item.length === 0) return [...problems, { pointer: '/item', detail: 'The response has one group per instrument.' }];
  const groups = knownGroups();
  value.item.forEach((group: unknown, g) => {
    const at = `/item/${g}`;
    const known = isRecord(group) ? groups.get(group.linkId as string) : undefined;
    if (!isRecord(group) || !known) return problems.push({ pointer: `${at}/linkId`, detail: 'Not an instrument this screener asks.' });
    if (group.text !== undefined && !isText(group.text, 200)) problems.push({ pointer: `${at}/text`, detail: 'Text is a short string.' });
    if (!Array.isArray(group.item)) return problems.push({ pointer: `${at}/item`, detail: 'A group lists its items.' });
    group.item.forEach((item: unknown, i) => {
      const itemAt = `${at}/item/${i}`;
      const target = isRecord(item) ? known.items.get(item.linkId as string) : undefined;
      if (!isRecord(item) || !target) return problems.push({ pointer: `${itemAt}/linkId`, detail: `Not an item of ${known.instrument.title.en}.` });
      for (const key of Object.keys(item)) if (!['linkId', 'text', 'answer'].includes(key)) problems.push({ pointer: `${itemAt}/${key}`, detail: 'This field is not part of an item.' });
      if (item.text !== undefined && !isText(item.text, 400)) problems.push({ pointer: `${itemAt}/text`, detail: 'Text is a string.' });
      problems.push(...answerProblems(item.answer, target, itemAt));
      return undefined;
    });
    return undefined;
  });
  return problems;
}
