/**
 * The screener's steps and what each needs before Continue: which steps a person sees follows from
 * the center's instrument set and their own answers (the healthcare-professional module, the rest of
 * the AUDIT). Answers are one flat record whose keys are also the submitted answer keys.
 */
import {
  askedItems,
  instruments,
  needsFullAudit,
  scoreAll,
  safetyLevel,
  type Answers,
  type InstrumentId,
  type InstrumentScore,
  type Sex,
} from './instruments.js';
import { screeningResult, type ResultOutcome, type ResultThresholds, type WithdrawalHistory, type YesNoUnsure } from './screening-result.js';

export type AnswerValue = string | number | readonly string[];
export type IntakeAnswers = Readonly<Record<string, AnswerValue | undefined>>;

export type StepId =
  | 'welcome'
  | 'about'
  | 'profession'
  | 'hcp'
  | 'audit-c'
  | 'audit'
  | 'audit-rest'
  | 'dast-10'
  | 'phq-9'
  | 'gad-7'
  | 'asq'
  | 'withdrawal'
  | 'practical'
  | 'contact'
  | 'review';

export const healthcareProfessions = ['nurse', 'physician', 'pharmacist', 'other-healthcare'] as const;

/** Every step the person will see, in order, for the answers so far. */
export function stepsFor(set: readonly InstrumentId[], answers: IntakeAnswers): StepId[] {
  const steps: StepId[] = ['welcome', 'about', 'profession'];
  if (isHealthcareProfessional(answers)) steps.push('hcp');
  for (const id of set) {
    steps.push(id);
    if (id === 'audit-c' && needsFullAudit(itemAnswers(answers), sexOf(answers))) steps.push('audit-rest');
  }
  steps.push('withdrawal', 'practical', 'contact', 'review');
  return steps;
}

export function isHealthcareProfessional(answers: IntakeAnswers): boolean {
  return (healthcareProfessions as readonly string[]).includes(String(answers.profession));
}

/** Instrument item answers only (numbers). */
export function itemAnswers(answers: IntakeAnswers): Answers {
  return Object.fromEntries(Object.entries(answers).filter((entry): entry is [string, number] => typeof entry[1] === 'number'));
}

export function sexOf(answers: IntakeAnswers): Sex | undefined {
  const sex = answers.sex;
  return sex === 'female' || sex === 'male' || sex === 'not-said' ? sex : undefined;
}

/** The instrument items a step asks, in order. */
export function stepItems(step: StepId, answers: IntakeAnswers) {
  const items = itemAnswers(answers);
  if (step === 'audit-rest') return askedItems(instruments.audit, items).slice(3);
  if (step === 'audit-c' || step === 'audit' || step === 'dast-10' || step === 'phq-9' || step === 'gad-7' || step === 'asq') {
    return askedItems(instruments[step], items);
  }
  return [];
}

/** The fields of a step that must be answered, with the error code to show. */
export interface StepError {
  field: string;
  code: 'required' | 'phone-format' | 'email-format' | 'phone-required' | 'email-required';
}

const phonePattern = /^\+?[0-9 ().-]{7,20}$/;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const blank = (value: AnswerValue | undefined) => value === undefined || (typeof value === 'string' && !value.trim()) || (Array.isArray(value) && !value.length);

export function stepErrors(step: StepId, answers: IntakeAnswers): StepError[] {
  const required = (fields: readonly string[]) => fields.filter((field) => blank(answers[field])).map((field): StepError => ({ field, code: 'required' }));
  switch (step) {
    case 'welcome':
      return required(['consent']);
    case 'about':
      return required(['for', 'age-group']);
    case 'profession':
      return required(['profession']);
    case 'hcp':
      return required(['hcp-monitoring', 'hcp-fmla']);
    case 'audit-c':
    case 'audit':
      return required(['sex', ...stepItems(step, answers).map((item) => item.id)]);
    case 'audit-rest':
    case 'dast-10':
    case 'phq-9':
    case 'gad-7':
    case 'asq':
      return required(stepItems(step, answers).map((item) => item.id));
    case 'withdrawal':
      return required(['withdrawal-seizures', 'withdrawal-recent', 'withdrawal-daily']);
    case 'practical':
      return required(['times', 'format', 'payment']);
    case 'contact':
      return contactErrors(answers);
    case 'review':
      return [];
  }
}

function contactErrors(answers: IntakeAnswers): StepError[] {
  const errors: StepError[] = [];
  const text = (field: string) => String(answers[field] ?? '').trim();
  if (!text('contact-name')) errors.push({ field: 'contact-name', code: 'required' });
  if (blank(answers['contact-preferred'])) errors.push({ field: 'contact-preferred', code: 'required' });
  const wantsPhone = answers['contact-preferred'] === 'phone' || answers['contact-preferred'] === 'text';
  if (text('contact-phone') && !phonePattern.test(text('contact-phone'))) errors.push({ field: 'contact-phone', code: 'phone-format' });
  else if (wantsPhone && !text('contact-phone')) errors.push({ field: 'contact-phone', code: 'phone-required' });
  if (text('contact-email') && !emailPattern.test(text('contact-email'))) errors.push({ field: 'contact-email', code: 'email-format' });
  else if (answers['contact-preferred'] === 'email' && !text('contact-email')) errors.push({ field: 'contact-email', code: 'email-required' });
  if (blank(answers['contact-voicemail'])) errors.push({ field: 'contact-voicemail', code: 'required' });
  return errors;
}

/**
 * Drops answers nobody is asked any more (the rest of the AUDIT after AUDIT-C turned negative, ASQ item 5
 * after every "yes" became "no", the healthcare module after the profession changed), so that hidden
 * answers are neither scored nor sent.
 */
export function withoutHiddenAnswers(set: readonly InstrumentId[], answers: IntakeAnswers): IntakeAnswers {
  const steps = stepsFor(set, answers);
  const asked = new Set(steps.flatMap((step) => stepItems(step, answers).map((item) => item.id)));
  return Object.fromEntries(
    Object.entries(answers).filter(([key]) => {
      if (/^(audit|dast-10|phq-9|gad-7|asq)-\d+$/.test(key)) return asked.has(key);
      if (key.startsWith('hcp-')) return steps.includes('hcp');
      return true;
    }),
  );
}

const yesNoUnsure = (value: AnswerValue | undefined): YesNoUnsure | undefined =>
  value === 'yes' || value === 'no' || value === 'unsure' ? value : undefined;

export function withdrawalOf(answers: IntakeAnswers): WithdrawalHistory {
  return {
    seizuresOrDts: yesNoUnsure(answers['withdrawal-seizures']),
    recentSymptoms: yesNoUnsure(answers['withdrawal-recent']),
    dailyUse: yesNoUnsure(answers['withdrawal-daily']),
  };
}

export interface Evaluation extends ResultOutcome {
  scores: InstrumentScore[];
}

/** Scores and the result for the visible answers. */
export function evaluate(set: readonly InstrumentId[], answers: IntakeAnswers, thresholds?: ResultThresholds): Evaluation {
  const visible = withoutHiddenAnswers(set, answers);
  const items = itemAnswers(visible);
  const scores = scoreAll(set, items, sexOf(visible));
  return { scores, ...screeningResult({ scores, safety: safetyLevel(items), answers: items, withdrawal: withdrawalOf(visible) }, thresholds) };
}

const instrumentOrder: readonly InstrumentId[] = ['audit-c', 'dast-10', 'phq-9', 'gad-7', 'asq'];

/**
 * The instrument set a submission was answered with, read from its item answers: what the server
 * recomputes with. Answers to AUDIT items 4-10 mean the full AUDIT was asked (scored the same as
 * AUDIT-C followed by the rest when AUDIT-C is positive).
 */
export function instrumentSetOfAnswers(answers: IntakeAnswers): InstrumentId[] {
  const keys = Object.keys(itemAnswers(answers));
  const answered = (id: InstrumentId) => instruments[id].items.some((item) => keys.includes(item.id));
  return instrumentOrder
    .filter(answered)
    .map((id) => (id === 'audit-c' && keys.some((key) => /^audit-(?:[4-9]|10)$/.test(key)) ? 'audit' : id));
}

/** Keys of item answers that are not one of the item's scores. */
export function invalidItemAnswers(answers: IntakeAnswers): string[] {
  const items = new Map(Object.values(instruments).flatMap((instrument) => instrument.items.map((item) => [item.id, item] as const)));
  return Object.entries(answers)
    .filter(([key, value]) => {
      const item = items.get(key);
      return item !== undefined && !(typeof value === 'number' && item.options.some((option) => option.score === value));
    })
    .map(([key]) => key);
}
