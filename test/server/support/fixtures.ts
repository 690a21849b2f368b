/** Valid request bodies, built fresh per test; `canary` marks values that must never leak. */
import type { BookingRequest, CallbackRequest, EligibilityRequest, IntakeRequest, RsvpRequest } from '../../../src/api/schemas.js';

export function uniqueCanary(label: string): string {
  return `Canary${label}${Math.random().toString(36).slice(2, 10)}`;
}

export function contact(name = 'Alex Example') {
  return { name, phone: '+1 303-555-0199', email: 'alex@example.org', preferred: 'phone' as const, voicemailOk: false, safeTimes: 'Weekday evenings' };
}

export function bookingRequest(slotId: string, overrides: Partial<BookingRequest> = {}): BookingRequest {
  return { slotId, contact: contact(), consent: true, locale: 'en', visitorTimeZone: 'America/Chicago', ...overrides };
}

export function intakeRequest(canary = uniqueCanary('Intake')): IntakeRequest {
  return {
    locale: 'en',
    urgent: false,
    result: 'iop-fit',
    answers: { 'audit-c-1': 3, 'audit-c-2': 2, 'audit-c-3': 1, 'free-text': canary },
    scores: [{ instrument: 'audit-c', total: 6, band: 'positive', positive: true }],
    questionnaireResponse: { resourceType: 'QuestionnaireResponse', status: 'completed', note: canary },
    contact: contact(canary),
    consent: true,
  };
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
