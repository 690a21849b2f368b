/**
 * The rules of the insurance form: which answers are missing or wrong, and how long to wait
 * between polls of a pending check. Field names match the widget's fields; problems are codes the
 * widget words in the person's language.
 */
import { checkMemberId, type MemberIdProblem, type MemberIdRule } from './member-id.js';

export type Relationship = 'self' | 'spouse' | 'child' | 'other';

export interface PersonAnswers {
  firstName: string;
  lastName: string;
  /** `YYYY-MM-DD` from a date input; empty when not given. */
  dateOfBirth: string;
}

export interface MemberAnswers {
  memberId: string;
  groupNumber: string;
  patient: PersonAnswers;
  relationship: Relationship | '';
  subscriber: PersonAnswers;
}

export type FieldProblem = 'required' | 'too-long' | 'characters' | 'date-invalid' | 'date-future' | 'date-too-old' | MemberIdProblem;

export type MemberField =
  | 'memberId'
  | 'groupNumber'
  | 'patientFirstName'
  | 'patientLastName'
  | 'patientDateOfBirth'
  | 'relationship'
  | 'subscriberFirstName'
  | 'subscriberLastName'
  | 'subscriberDateOfBirth';

export type MemberProblems = Partial<Record<MemberField, FieldProblem>>;

function nameProblem(value: string): FieldProblem | undefined {
  const trimmed = value.trim();
  if (!trimmed) return 'required';
  return trimmed.length > 200 ? 'too-long' : undefined;
}

/** `today` is `YYYY-MM-DD` in the person's zone. */
export function dateOfBirthProblem(value: string, today: string): FieldProblem | undefined {
  if (!value) return 'required';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return 'date-invalid';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return 'date-invalid';
  if (value > today) return 'date-future';
  if (year < Number(today.slice(0, 4)) - 120) return 'date-too-old';
  return undefined;
}

export function memberProblems(answers: MemberAnswers, rule: MemberIdRule, today: string): MemberProblems {
  const problems: MemberProblems = {};
  const memberId = checkMemberId(answers.memberId, rule);
  if (!memberId.ok) problems.memberId = memberId.problem === 'empty' ? 'required' : memberId.problem;
  const group = answers.groupNumber.trim();
  if (group && !/^[A-Za-z0-9 -]{1,30}$/.test(group)) problems.groupNumber = group.length > 30 ? 'too-long' : 'characters';
  const set = (field: MemberField, problem: FieldProblem | undefined) => {
    if (problem) problems[field] = problem;
  };
  set('patientFirstName', nameProblem(answers.patient.firstName));
  set('patientLastName', nameProblem(answers.patient.lastName));
  set('patientDateOfBirth', dateOfBirthProblem(answers.patient.dateOfBirth, today));
  if (!answers.relationship) problems.relationship = 'required';
  if (answers.relationship && answers.relationship !== 'self') {
    set('subscriberFirstName', nameProblem(answers.subscriber.firstName));
    set('subscriberLastName', nameProblem(answers.subscriber.lastName));
    set('subscriberDateOfBirth', dateOfBirthProblem(answers.subscriber.dateOfBirth, today));
  }
  return problems;
}

export interface CallbackAnswers {
  phone: string;
  bestTimes: string;
  voicemailOk: 'yes' | 'no' | '';
  consent: boolean;
}

export type CallbackField = 'phone' | 'bestTimes' | 'voicemailOk' | 'consent';
export type CallbackProblems = Partial<Record<CallbackField, FieldProblem>>;

export function callbackProblems(answers: CallbackAnswers): CallbackProblems {
  const problems: CallbackProblems = {};
  const phone = answers.phone.trim();
  if (!phone) problems.phone = 'required';
  else if (!/^\+?[0-9 ().-]{7,20}$/.test(phone) || phone.replace(/\D/g, '').length < 7) problems.phone = 'characters';
  if (answers.bestTimes.trim().length > 200) problems.bestTimes = 'too-long';
  if (!answers.voicemailOk) problems.voicemailOk = 'required';
  if (!answers.consent) problems.consent = 'required';
  return problems;
}

/** A contact's single name field split for the card: the last word is taken as the family name. */
export function splitName(name: string): { firstName: string; lastName: string } {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) return { firstName: words[0] ?? '', lastName: '' };
  return { firstName: words.slice(0, -1).join(' '), lastName: words[words.length - 1]! };
}

/** Polls give up (and offer a call back) after this many answers of "still pending". */
export const MAX_PENDING_POLLS = 8;

/**
 * Waits at least what the server asked (`Retry-After`), growing by half each poll up to 30 s, so a
 * slow payer is not asked dozens of times while the person waits.
 */
export function nextPollDelayMs(pollsSoFar: number, retryAfterSeconds: number | undefined): number {
  const growing = Math.min(30_000, 2_000 * 1.5 ** Math.max(0, pollsSoFar));
  return Math.max((retryAfterSeconds ?? 0) * 1000, growing);
}
