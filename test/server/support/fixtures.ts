/** Valid request bodies, built fresh per test; `canary` marks values that must never leak. */
import type { BookingRequest, CallbackRequest, EligibilityRequest, IntakeRequest, RsvpRequest } from '../../../src/api/schemas.js';
import { evaluate, itemAnswers, type IntakeAnswers } from '../../../src/domain/intake-flow.js';
import type { InstrumentId } from '../../../src/domain/instruments.js';
import { questionnaireResponse } from '../../../src/domain/questionnaire-response.js';
import type { Locale } from '../../../src/i18n/locale.js';

export function uniqueCanary(label: string): string {
  return `Canary${label}${Math.random().toString(36).slice(2, 10)}`;
}

export function contact(name = 'Alex Example') {
  return { name, phone: '+1 303-555-0199', email: 'alex@example.org', preferred: 'phone' as const, voicemailOk: false, safeTimes: 'Weekday evenings' };
}

export function bookingRequest(slotId: string, overrides: Partial<BookingRequest> = {}): BookingRequest {
  return { slotId, contact: contact(), consent: true, locale: 'en', visitorTimeZone: 'America/Chicago', ...overrides };
}

/** What the screener sends for these answers: scores, result and QuestionnaireResponse from the domain code. */
export function screenedIntake(set: readonly InstrumentId[], answers: IntakeAnswers, locale: Locale, canary = uniqueCanary('Intake')): IntakeRequest {
  const { scores, result, urgent } = evaluate(set, answers);
  return {
    locale,
    urgent,
    result,
    answers: { ...answers, 'free-text': canary } as IntakeRequest['answers'],
    scores,
    questionnaireResponse: questionnaireResponse({ set, answers: itemAnswers(answers), scores, locale, authored: new Date('2026-03-02T17:00:00Z') }),
    contact: contact(canary),
    consent: true,
  };
}

export function intakeRequest(canary = uniqueCanary('Intake')): IntakeRequest {
  return screenedIntake(['audit-c'], { sex: 'male', 'audit-1': 3, 'audit-2': 2, 'audit-3': 1, 'audit-4': 0, 'audit-5': 0, 'audit-6': 0, 'audit-7': 1, 'audit-8': 0, 'audit-9': 0, 'audit-10': 0 }, 'en', canary);
}

/** `payerId` null: the person typed an insurer that is not listed. */
export function eligibilityRequest(memberId: string, payerId: string | null = 'aetna', lastName = 'Example'): EligibilityRequest {
  return {
    ...(payerId === null ? { payerName: 'Some Local Plan' } : { payerId }),
    memberId,
    patient: { firstName: 'Alex', lastName, dateOfBirth: '1984-05-17' },
    relationship: 'self',
    locale: 'en',
  };
}

export function callbackRequest(overrides: Partial<CallbackRequest> = {}): CallbackRequest {
  return { phone: '+1 303-555-0177', bestTimes: 'After 5 pm', voicemailOk: true, consent: true, topic: 'insurance', locale: 'en', ...overrides };
}

export function rsvpRequest(occurrenceDate: string, overrides: Partial<RsvpRequest> = {}): RsvpRequest {
  return { occurrenceDate, name: 'A. E.', email: 'ae@example.org', familyMembers: 0, locale: 'en', ...overrides };
}
