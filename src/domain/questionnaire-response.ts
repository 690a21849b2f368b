/**
 * A FHIR R4 QuestionnaireResponse of the instruments, for a center's EHR. R4 items carry no `code`, so
 * we follow the LHC-Forms convention: a LOINC-coded item's linkId is its LOINC path
 * (`/44249-1/44260-8`), and each instrument group ends with its LOINC total. Items LOINC does not
 * code (DAST-10 and ASQ items, ASQ as a whole) keep our own ids. Text is English whatever the
 * person's language, so that every clinician reads the same words; `locale` says what they saw.
 */
import type { Locale } from '../i18n/locale.js';
import { askedItems, instruments, type Answers, type InstrumentId, type InstrumentItem, type InstrumentScore, type Instrument } from './instruments.js';

const loincSystem = 'http://loinc.org';

export interface FhirCoding {
  system?: string;
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

function answerOf(item: InstrumentItem, score: number): FhirAnswer[] {
  const option = item.options.find((candidate) => candidate.score === score);
  if (!option) return [];
  return [{ valueCoding: option.loinc ? { system: loincSystem, code: option.loinc, display: option.label.en } : { code: String(score), display: option.label.en } }];
}

function group(instrument: Instrument, answers: Answers, score: InstrumentScore | undefined): FhirItem {
  const items: FhirItem[] = askedItems(instrument, answers)
    .filter((item) => answers[item.id] !== undefined)
    .map((item) => ({ linkId: itemLinkId(instrument, item), text: item.text.en, answer: answerOf(item, answers[item.id]!) }));
  if (score) {
    items.push({
      linkId: instrument.panelLoinc && instrument.totalLoinc ? `/${instrument.panelLoinc}/${instrument.totalLoinc}` : `${instrument.id}-total`,
      text: `${instrument.title.en}: total score`,
      answer: [{ valueInteger: score.total }],
    });
  }
  return { linkId: instrument.panelLoinc ? `/${instrument.panelLoinc}` : instrument.id, text: instrument.title.en, item: items };
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
      groups.push(group(instruments['audit-c'], options.answers, scoreOf('audit-c')));
      if (scoreOf('audit')) groups.push(group(instruments.audit, options.answers, scoreOf('audit')));
    } else {
      groups.push(group(instruments[id], options.answers, scoreOf(id)));
    }
  }
  return { resourceType: 'QuestionnaireResponse', status: 'completed', authored: options.authored.toISOString(), language: options.locale, item: groups };
}
