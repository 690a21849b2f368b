/** Turns the screener's answers into the contract's shapes (`Contact`, `IntakeRequest`). */
import type { Contact, IntakeRequest } from '../../api/schemas.js';
import { Contact as ContactSchema } from '../../api/contract-validators.js';
import type { InstrumentId } from '../../domain/instruments.js';
import { evaluate, withoutHiddenAnswers, type IntakeAnswers } from '../../domain/intake-flow.js';
import { questionnaireResponse } from '../../domain/questionnaire-response.js';
import type { ResultThresholds } from '../../domain/screening-result.js';
import type { Locale } from '../../i18n/locale.js';

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/** The contact step as the contract's `Contact`, or undefined while it does not validate. */
export function contactOf(answers: IntakeAnswers): Contact | undefined {
  const candidate = {
    name: text(answers['contact-name']),
    phone: text(answers['contact-phone']),
    email: text(answers['contact-email']),
    preferred: answers['contact-preferred'],
    voicemailOk: answers['contact-voicemail'] === 'yes',
    safeTimes: text(answers['contact-safe-times']),
  };
  const parsed = ContactSchema.safeParse(Object.fromEntries(Object.entries(candidate).filter(([, value]) => value !== undefined)));
  return parsed.success ? parsed.data : undefined;
}

/** Contact details and consent travel in their own fields, not among the answers. */
const notAnAnswer = (key: string) => key.startsWith('contact-') || key === 'consent';

export function intakeRequestOf(options: {
  set: readonly InstrumentId[];
  answers: IntakeAnswers;
  locale: Locale;
  thresholds?: ResultThresholds;
  now: Date;
}): IntakeRequest | undefined {
  const contact = contactOf(options.answers);
  if (!contact) return undefined;
  const visible = withoutHiddenAnswers(options.set, options.answers);
  const { scores, result, urgent } = evaluate(options.set, visible, options.thresholds);
  const answers = Object.fromEntries(
    Object.entries(visible)
      .filter((entry): entry is [string, string | number | readonly string[]] => entry[1] !== undefined && !notAnAnswer(entry[0]))
      .map(([key, value]) => [key, Array.isArray(value) ? [...value] : value] as [string, string | number | string[]]),
  );
  return {
    locale: options.locale,
    urgent,
    result,
    answers,
    scores,
    questionnaireResponse: questionnaireResponse({ set: options.set, answers: Object.fromEntries(Object.entries(answers).filter((e): e is [string, number] => typeof e[1] === 'number')), scores, locale: options.locale, authored: options.now }),
    contact,
    consent: true,
    ...(options.thresholds ? { thresholds: { ...options.thresholds } } : {}),
  };
}
