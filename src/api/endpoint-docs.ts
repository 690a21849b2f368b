/**
 * What openapi.json says of each endpoint beyond its shapes. Kept apart from `endpoints.ts`, which ships
 * to browsers, so the words cost pages nothing; the type makes a new endpoint impossible to leave undocumented.
 */
import type { EndpointName } from './endpoints.js';

export interface EndpointDocs {
  readonly summary: string;
}

export const endpointDocs: Record<EndpointName, EndpointDocs> = {
  listPrograms: { summary: 'The center, its programs and their tracks.' },
  listAssessmentSlots: { summary: 'Free assessment times between two dates (inclusive, in the center zone).' },
  holdAssessmentSlot: { summary: 'Hold a slot for a few minutes, or extend a hold by sending its token.' },
  createBooking: { summary: 'Book an assessment. 409 with code slot-taken when someone else got the slot.' },
  createIntake: { summary: 'Submit a pre-admission screening (a 42 CFR Part 2 record).' },
  listPayers: { summary: 'Insurers, with the center contract status, filtered by name.' },
  createEligibilityCheck: { summary: 'Check benefits. 200 with a result, or 202 with Location to poll.' },
  getEligibilityCheck: { summary: 'Poll an eligibility check that answered 202.' },
  uploadCardPhoto: {
    summary: 'Attach a photo of one side of the insurance card to a check (base64 of at most 300 KB, metadata stripped); a new photo of a side replaces the old one.',
  },
  createCallbackRequest: { summary: 'Ask the center to call back.' },
  listAlumniSessions: { summary: 'Alumni, family and peer sessions with recurrence rules, exceptions and counts in range.' },
  createRsvp: { summary: 'RSVP to one occurrence; waitlisted when full.' },
  cancelRsvp: { summary: 'Cancel an RSVP with the token it returned (Authorization: Bearer <token>).' },
  getScreenerSettings: { summary: "The center's screener settings: instruments, result thresholds (validated cut-offs only), crisis lines, quick-exit address." },
  checkIn: {
    summary: 'Check in to the RSVP\'s occurrence with the code the facilitator shows (from 15 minutes before the start to the end). Refusals: check-in-outside-window, check-in-wrong-code, check-in-already-done, check-in-no-rsvp.',
  },
  getAttendance: { summary: 'The attendance recorded for this RSVP (Authorization: Bearer <token>).' },
  requestAttendanceLetter: {
    summary: 'An attendance letter (PDF, base64) over a date range for the RSVPs whose tokens are sent, with a verification code; session titles discreet or real.',
  },
};
