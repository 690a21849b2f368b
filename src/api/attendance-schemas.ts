/**
 * Proof of attendance on the wire (issue 18): check-in with a rotating code, a person's own
 * attendance, attendance letters, and the facilitator's view in the console. zod/mini: the alumni
 * browser and the console ship these to browsers.
 */
import * as z from 'zod/mini';
import { CalendarDate, Id, Instant, Locale } from './schemas.js';

z.config({ jitless: true });

const RsvpToken = z.string().check(z.minLength(16), z.maxLength(128));

/** Six digits as the facilitator shows them; spaces or a dash from reading it out are allowed. */
export const CheckInRequest = z.object({ code: z.string().check(z.regex(/^[\d\s-]{6,9}$/)) });

/** One person's attendance at one occurrence, as that person (or the facilitator) sees it. */
export const AttendanceRecord = z.object({
  rsvpId: Id,
  sessionId: Id,
  occurrenceDate: CalendarDate,
  status: z.enum(['present', 'not-recorded']),
  arrivedAt: z.nullable(Instant),
  leftAt: z.nullable(Instant),
  /** How it was recorded: the participant's code, or by hand by the facilitator. */
  method: z.nullable(z.enum(['code', 'facilitator'])),
});

export const LetterTitlesChoice = z.enum(['discreet', 'real']);

export const AttendanceLetterRequest = z.object({
  /** The RSVPs this device keeps, each with its token: proof that they are the person's own. */
  rsvps: z.array(z.object({ id: Id, token: RsvpToken })).check(z.minLength(1), z.maxLength(500)),
  from: CalendarDate,
  to: CalendarDate,
  titles: LetterTitlesChoice,
  /** The name to print, as the person's monitor knows them (RSVPs carry first names or initials only). */
  participantName: z.string().check(z.minLength(1), z.maxLength(80)),
  locale: Locale,
});

export const AttendanceLetter = z.object({
  id: Id,
  verificationCode: z.string().check(z.regex(/^[0-9A-Z]{4}(?:-[0-9A-Z]{4}){3}$/)),
  /** Where a monitor checks the letter (the code is typed there, never carried in the address). */
  verificationUrl: z.string(),
  issuedAt: Instant,
  sessions: z.number(),
  /** The PDF itself, base64: it is made once, and its digest is what the server signs. */
  pdfBase64: z.string(),
});

// ---- the facilitator (console) ----------------------------------------------------------------

export const OccurrenceQuery = z.object({ date: CalendarDate });

/** The code to show now; `expiresAt` is when the next one replaces it. */
export const CheckInCode = z.object({ code: z.string(), expiresAt: Instant, stepSeconds: z.number(), opensAt: Instant, closesAt: Instant });

export const RosterEntry = z.extend(AttendanceRecord, {
  /** The first name or initials the person gave with their RSVP. */
  name: z.string(),
  rsvpStatus: z.enum(['confirmed', 'waitlisted']),
});
export const Roster = z.object({ sessionId: Id, occurrenceDate: CalendarDate, title: z.string(), entries: z.array(RosterEntry) });

export const AttendanceMark = z.object({ date: CalendarDate, rsvpId: Id, mark: z.enum(['arrived', 'left', 'not-attended']) });

export const IssuedLetter = z.object({
  id: Id,
  issuedAt: Instant,
  periodFrom: CalendarDate,
  periodTo: CalendarDate,
  sessions: z.number(),
  titles: LetterTitlesChoice,
  verifications: z.number(),
  lastVerifiedAt: z.nullable(Instant),
});
export const IssuedLetterList = z.object({ letters: z.array(IssuedLetter) });

export type CheckInRequest = z.infer<typeof CheckInRequest>;
export type AttendanceRecord = z.infer<typeof AttendanceRecord>;
export type AttendanceLetterRequest = z.infer<typeof AttendanceLetterRequest>;
export type AttendanceLetter = z.infer<typeof AttendanceLetter>;
export type CheckInCode = z.infer<typeof CheckInCode>;
export type Roster = z.infer<typeof Roster>;
export type RosterEntry = z.infer<typeof RosterEntry>;
export type AttendanceMark = z.infer<typeof AttendanceMark>;
export type IssuedLetter = z.infer<typeof IssuedLetter>;
