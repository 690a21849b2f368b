/**
 * The API contract: every wire shape the widgets and the reference server exchange.
 *
 * Written with `zod/mini` because this module ships to browsers: the same schemas cost ~15 KB with
 * the mini build and ~90 KB with classic zod. The server imports this file too, so there is one
 * source of truth for every request and response. `openapi.json` is generated from it.
 */
import * as z from 'zod/mini';
import { CARD_PHOTO_MAX_BYTES } from '../domain/card-photo.js';
import { isCalendarDay, isNotZero } from './refinements.js';

// zod probes `new Function` at start-up unless told not to; that probe is an `unsafe-eval`
// violation under a strict Content-Security-Policy.
z.config({ jitless: true });

// ---------------------------------------------------------------------------------------------
// Scalars
// ---------------------------------------------------------------------------------------------

/** A whole number; typed `integer` in openapi.json. Cheaper in the bundle than `wholeNumber()`. */
const wholeNumber = () =>
  z.number().check(z.refine(Number.isInteger, 'Expected a whole number')).register(z.globalRegistry, { type: 'integer' });

export const Id = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/));
/** A receipt's reference to read out on the phone: Crockford base32, three groups of three, the last symbol a check (src/domain/reference-code.ts). */
export const ReferenceCode = z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}$/));

// Formats are plain regular expressions rather than zod's iso/email/url schemas: each of those adds
// its own code to every page (about 2.5 KB brotli together), and a pattern says the same here.
const month = '(?:0[1-9]|1[0-2])';
const day = '(?:0[1-9]|[12]\\d|3[01])';
// Calendar dates are years 1900-2999: wide enough for any date of birth or booking, and bounded so
// that no date arithmetic on a syntactically valid query runs off the calendar (year 9999 + 1 day
// answered 500). Instants may reach 3999, so a late session on 2999-12-31 still has its UTC start.
const dateBody = `(?:19|2\\d)\\d{2}-${month}-${day}`;
const instantDateBody = `(?:19|[23]\\d)\\d{2}-${month}-${day}`;
/** An instant with an explicit offset, e.g. `2026-03-08T16:00:00Z`. */
export const Instant = z.string().check(
  z.regex(new RegExp(`^${instantDateBody}T(?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d{1,9})?)?(?:Z|[+-](?:[01]\\d|2[0-3]):[0-5]\\d)$`)),
  z.refine(isCalendarDay, 'Not a calendar date'),
).register(z.globalRegistry, { format: 'date-time' });
/** A calendar date, e.g. `2026-03-08`. */
export const CalendarDate = z
  .string()
  .check(z.regex(new RegExp(`^${dateBody}$`)), z.refine(isCalendarDay, 'Not a calendar date'))
  .register(z.globalRegistry, { format: 'date' });
/** A wall-clock time `HH:MM` in the center's time zone (Meeting Guide convention). */
export const WallTime = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/));
/** An IANA time-zone name such as `America/Denver`. */
export const TimeZone = z.string().check(z.regex(/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/), z.maxLength(64));
/** Day of week, Sunday = 0 (Meeting Guide convention). */
export const Weekday = wholeNumber().check(z.gte(0), z.lte(6));
export const Locale = z.enum(['en', 'es']);
export const Format = z.enum(['in-person', 'online', 'hybrid']);
export const Cents = wholeNumber().check(z.gte(0));
export const Currency = z.string().check(z.regex(/^[A-Z]{3}$/));
/** Links from server data are shown to people: only these schemes are allowed. */
export const SafeUrl = z.string().check(z.regex(/^(?:https:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?(?:[/?#][^\s]*)?|mailto:[^\s@]+@[^\s@]+|tel:\+?[0-9().\s-]{3,30})$/), z.maxLength(2000)).register(z.globalRegistry, { format: 'uri' });
const Text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const ShortText = Text(200);
const Phone = z.string().check(z.regex(/^\+?[0-9 ().-]{7,20}$/));
/** Something @ something . something, as GOV.UK checks: stricter rules turn away real addresses. */
const Email = z
  .string()
  .check(z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/), z.maxLength(254))
  .register(z.globalRegistry, { format: 'email' });

// ---------------------------------------------------------------------------------------------
// Errors: RFC 9457 problem details
// ---------------------------------------------------------------------------------------------

/** Machine-readable codes the widgets branch on; `type` stays a URI as RFC 9457 asks. */
export const ProblemCode = z.enum([
  'validation',
  'not-found',
  'slot-taken',
  'hold-expired',
  'track-full',
  'idempotency-mismatch',
  'idempotency-in-progress',
  'idempotency-key-required',
  'rate-limited',
  'payload-too-large',
  'unauthorized',
  'internal',
  // The staff console (issue 11): signed in, but this role may not do that; or a request without CSRF proof.
  'forbidden',
  // Proof of attendance (issue 18): why a check-in was refused.
  'check-in-outside-window',
  'check-in-wrong-code',
  'check-in-already-done',
  'check-in-no-rsvp',
  // A center's own setup (issue 12): an empty production database answers public reads with this
  // until an administrator completes first-run setup; a stale settings save; first-run run twice.
  'center-not-configured',
  'settings-version-conflict',
  'center-already-configured',
]);

export const FieldError = z.object({
  /** JSON Pointer (RFC 6901) into the request body. */
  pointer: z.string(),
  detail: z.string(),
});

export const Problem = z.looseObject({
  type: z._default(z.string(), 'about:blank'),
  title: z.string(),
  status: wholeNumber().check(z.gte(400), z.lte(599)),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  code: z.optional(ProblemCode),
  errors: z.optional(z.array(FieldError)),
});

// ---------------------------------------------------------------------------------------------
// Programs and tracks
// ---------------------------------------------------------------------------------------------

export const Audience = z.enum(['general', 'healthcare-professionals', 'young-adults', 'family', 'alumni', 'everyone']);

export const Meeting = z.object({
  day: Weekday,
  start: WallTime,
  end: WallTime,
});

export const Price = z.object({
  /** What one day of programming is billed at before insurance. */
  perDayCents: Cents,
  currency: Currency,
});

/**
 * What the center wrote for patients, in Spanish: every field optional, so a widget in `locale="es"`
 * shows the Spanish text where given and the English text otherwise. Public answers carry it through.
 */
export const TrackTranslation = z.object({ name: z.optional(ShortText), description: z.optional(Text(2000)), location: z.optional(ShortText) });
export const ProgramTranslation = z.object({ name: z.optional(ShortText), description: z.optional(Text(2000)) });
export const SessionTranslation = z.object({
  title: z.optional(ShortText),
  description: z.optional(Text(4000)),
  topics: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(60)))),
  location: z.optional(ShortText),
});
export const SelfPayTranslation = z.object({ summary: z.optional(Text(2000)) });

export const Track = z.object({
  id: Id,
  name: ShortText,
  audience: Audience,
  /** Weekly meetings in the center's time zone. */
  meetings: z.array(Meeting),
  timeZone: TimeZone,
  weeks: wholeNumber().check(z.gte(1), z.lte(104)),
  hoursPerWeek: z.number().check(z.gte(0), z.lte(60)),
  format: Format,
  languages: z.array(Locale),
  startDates: z.array(CalendarDate),
  /** Null when the center does not cap this track. */
  seatsLeft: z.nullable(wholeNumber().check(z.gte(0))),
  price: z.optional(Price),
  description: z.optional(Text(2000)),
  location: z.optional(ShortText),
  translations: z.optional(z.object({ es: z.optional(TrackTranslation) })),
});

export const ProgramKind = z.enum(['iop', 'family', 'alumni']);

export const Program = z.object({
  id: Id,
  name: ShortText,
  kind: ProgramKind,
  description: z.optional(Text(2000)),
  translations: z.optional(z.object({ es: z.optional(ProgramTranslation) })),
  tracks: z.array(Track),
});

export const SelfPay = z.object({
  summary: Text(2000),
  discountPercent: z.optional(z.number().check(z.gte(0), z.lte(100))),
  paymentPlans: z.boolean(),
  translations: z.optional(z.object({ es: z.optional(SelfPayTranslation) })),
});

export const Center = z.object({
  name: ShortText,
  phone: Phone,
  timeZone: TimeZone,
  /** Title used in calendar files; discreet by default ("Appointment", no center name). */
  calendarTitle: z.optional(ShortText),
  selfPay: z.optional(SelfPay),
});

export const ProgramList = z.object({
  center: Center,
  programs: z.array(Program),
});

// ---------------------------------------------------------------------------------------------
// Assessments: slots, holds, bookings
// ---------------------------------------------------------------------------------------------

export const AssessmentMode = z.enum(['phone', 'video', 'in-person']);

export const AssessmentSlot = z.object({
  id: Id,
  start: Instant,
  end: Instant,
  mode: AssessmentMode,
  /** Tracks this assessment can lead to; empty means any. */
  trackIds: z.array(Id),
});

export const AssessmentSlotQuery = z.object({
  from: CalendarDate,
  to: CalendarDate,
  trackId: z.optional(Id),
});

export const AssessmentSlotList = z.object({
  timeZone: TimeZone,
  slots: z.array(AssessmentSlot),
});

export const HoldRequest = z.object({
  /** Present to extend a hold this visitor already has on the slot. */
  holdToken: z.optional(z.string().check(z.minLength(16), z.maxLength(128))),
});

export const Hold = z.object({
  id: Id,
  slotId: Id,
  token: z.string().check(z.minLength(16), z.maxLength(128)),
  expiresAt: Instant,
});

export const ContactPreference = z.enum(['phone', 'text', 'email']);

export const Contact = z.object({
  name: ShortText,
  phone: z.optional(Phone),
  email: z.optional(Email),
  preferred: ContactPreference,
  /** May the center leave a voicemail or message that names it? */
  voicemailOk: z.boolean(),
  safeTimes: z.optional(Text(200)),
});

export const BookingRequest = z.object({
  slotId: Id,
  holdToken: z.optional(z.string().check(z.minLength(16), z.maxLength(128))),
  trackId: z.optional(Id),
  contact: Contact,
  consent: z.literal(true),
  locale: Locale,
  /** The visitor's zone, so staff can say times in it on the phone. */
  visitorTimeZone: z.optional(TimeZone),
});

export const Booking = z.object({
  id: Id,
  /** What the person reads out on the phone (see ReferenceCode). */
  reference: z.optional(ReferenceCode),
  status: z.enum(['confirmed']),
  slotId: Id,
  start: Instant,
  end: Instant,
  mode: AssessmentMode,
  timeZone: TimeZone,
  manageUrl: z.optional(SafeUrl),
});

// ---------------------------------------------------------------------------------------------
// Intakes (pre-admission screening): health data
// ---------------------------------------------------------------------------------------------

export const AnswerValue = z.union([z.string().check(z.maxLength(2000)), z.number(), z.boolean(), z.null(), z.array(z.string().check(z.maxLength(200)))]);

export const InstrumentScore = z.object({
  instrument: z.enum(['audit-c', 'audit', 'dast-10', 'phq-9', 'phq-2', 'gad-7', 'asq']),
  total: z.number(),
  band: z.string().check(z.maxLength(40)),
  positive: z.boolean(),
});

export const ScreeningResult = z.enum(['iop-fit', 'withdrawal-evaluation', 'higher-level', 'get-help-now']);

export const IntakeRequest = z.object({
  locale: Locale,
  urgent: z.boolean(),
  result: ScreeningResult,
  answers: z.record(z.string().check(z.regex(/^[a-z0-9-]{1,64}$/)), AnswerValue),
  scores: z.array(InstrumentScore),
  /** FHIR R4 QuestionnaireResponse with LOINC codes; kept loose because FHIR is open-ended. */
  questionnaireResponse: z.looseObject({ resourceType: z.literal('QuestionnaireResponse') }),
  contact: Contact,
  consent: z.literal(true),
  /**
   * The center's result thresholds the widget used (its `thresholds` attribute), so the server
   * recomputes the same result; the server's defaults otherwise. They cannot lower urgency: safety
   * flags come from the answers alone.
   */
  thresholds: z.optional(z.record(z.string().check(z.regex(/^[A-Za-z0-9]{1,40}$/)), z.union([z.number(), z.boolean(), z.null()]))),
});

export const IntakeReceipt = z.object({
  id: Id,
  reference: z.optional(ReferenceCode),
  status: z.enum(['received']),
  receivedAt: Instant,
});

// ---------------------------------------------------------------------------------------------
// Insurance
// ---------------------------------------------------------------------------------------------

export const MemberIdRule = z.enum(['medicare-mbi', 'bcbs', 'generic']);

export const Payer = z.object({
  id: Id,
  name: ShortText,
  aliases: z.array(ShortText),
  memberIdRule: MemberIdRule,
  /** The center's own contract status with this payer; null when unknown. */
  inNetwork: z.nullable(z.boolean()),
});

export const PayerQuery = z.object({ q: z.optional(z.string().check(z.maxLength(100))) });
export const PayerList = z.object({ payers: z.array(Payer) });

export const Person = z.object({
  firstName: ShortText,
  lastName: ShortText,
  dateOfBirth: CalendarDate,
});

export const EligibilityRequest = z.object({
  /** A known payer, or free text when the person's insurer is not listed. */
  payerId: z.optional(Id),
  payerName: z.optional(ShortText),
  memberId: z.string().check(z.regex(/^[A-Za-z0-9-]{2,30}$/)),
  groupNumber: z.optional(z.string().check(z.regex(/^[A-Za-z0-9 -]{1,30}$/))),
  patient: Person,
  relationship: z.enum(['self', 'spouse', 'child', 'other']),
  /** Only when the relationship is not `self`. */
  subscriber: z.optional(Person),
  trackId: z.optional(Id),
  locale: Locale,
});

export const AmountWithRemaining = z.object({ totalCents: Cents, remainingCents: Cents });

export const Coverage = z.object({
  active: z.boolean(),
  planName: z.optional(ShortText),
  /** From the center's contract list, never the payer's network flag (EB12). */
  inNetwork: z.nullable(z.boolean()),
  deductible: z.optional(AmountWithRemaining),
  outOfPocket: z.optional(AmountWithRemaining),
  coinsurancePercent: z.optional(z.number().check(z.gte(0), z.lte(100))),
  copayCents: z.optional(Cents),
  priorAuthorization: z.enum(['yes', 'no', 'unknown']),
  /** False when the payer did not return behavioural-health cost details (CAQH CORE allows it). */
  behavioralHealthDetails: z.boolean(),
  planBegin: z.optional(CalendarDate),
  planEnd: z.optional(CalendarDate),
  familyDeductible: z.optional(AmountWithRemaining),
  familyOutOfPocket: z.optional(AmountWithRemaining),
  /** Behavioural-health visits a year the plan allows, and how many are left when the payer says. */
  visitLimit: z.optional(z.object({ visits: wholeNumber().check(z.gte(0)), remaining: z.optional(wholeNumber().check(z.gte(0))) })),
  /** The payer's own network flag (EB12) for these benefits: its statement only, never whether this center is in network. */
  payerNetworkStatement: z.optional(z.enum(['in-network', 'out-of-network', 'unknown', 'not-applicable'])),
  /** Behavioural-health benefits carved out to another administrator, named so staff know whom to call. */
  behavioralHealthAdministrator: z.optional(z.object({ name: ShortText, phone: z.optional(z.string().check(z.maxLength(30))) })),
  /** Figures the payer did not share, which the center will confirm by phone (never shown as zero). */
  confirmByPhone: z.optional(z.array(z.enum(['deductible', 'out-of-pocket', 'cost-share', 'prior-authorization']))),
});

export const EligibilityOutcome = z.enum(['active', 'inactive', 'not-found', 'details-missing', 'payer-unavailable', 'manual', 'correction-needed']);

export const EligibilityCheck = z.object({
  id: Id,
  status: z.enum(['pending', 'complete', 'callback']),
  outcome: z.optional(EligibilityOutcome),
  coverage: z.optional(Coverage),
  /** For `correction-needed` and `not-found`: the detail the payer could not match, to check and send again. */
  correction: z.optional(z.enum(['member-id', 'date-of-birth', 'name'])),
  /** For `pending`: when to ask again. */
  retryAfterSeconds: z.optional(wholeNumber().check(z.gte(1), z.lte(300))),
  checkedAt: Instant,
});

export const CardSide = z.enum(['front', 'back']);
/** What the widget's canvas re-encoding produces: formats that carry no metadata once redrawn. */
export const CardPhotoMediaType = z.enum(['image/jpeg', 'image/webp']);

/** Padded standard base64 (RFC 4648 section 4): 4 characters for every 3 bytes. */
const BASE64_PATTERN = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** One side of the insurance card, re-encoded in the browser (metadata stripped), at most 300 KB. */
export const CardPhotoUpload = z.object({
  side: CardSide,
  mediaType: CardPhotoMediaType,
  dataBase64: z
    .string()
    .check(z.minLength(4), z.maxLength(Math.ceil(CARD_PHOTO_MAX_BYTES / 3) * 4), z.regex(BASE64_PATTERN))
    .register(z.globalRegistry, { contentEncoding: 'base64' }),
});

export const CardPhotoReceipt = z.object({ id: Id, side: CardSide });

export const CallbackRequest = z.object({
  phone: Phone,
  bestTimes: z.optional(Text(200)),
  voicemailOk: z.boolean(),
  consent: z.literal(true),
  topic: z.enum(['insurance', 'scheduling', 'intake', 'alumni']),
  eligibilityCheckId: z.optional(Id),
  locale: Locale,
});

export const CallbackReceipt = z.object({ id: Id, reference: z.optional(ReferenceCode), status: z.enum(['received']) });

// ---------------------------------------------------------------------------------------------
// Alumni, family and peer sessions
// ---------------------------------------------------------------------------------------------

export const Recurrence = z.union([
  z.object({
    kind: z.literal('weekly'),
    /** 1 = every week, 2 = every other week. */
    interval: wholeNumber().check(z.gte(1), z.lte(4)),
    day: Weekday,
    start: WallTime,
    startDate: CalendarDate,
    until: z.optional(CalendarDate),
  }),
  z.object({
    kind: z.literal('monthly-nth'),
    /** 1-5 for "first" to "fifth"; -1 for "last". */
    nth: wholeNumber().check(z.gte(-1), z.lte(5), z.refine(isNotZero, 'nth cannot be 0')),
    day: Weekday,
    start: WallTime,
    startDate: CalendarDate,
    until: z.optional(CalendarDate),
  }),
  z.object({
    kind: z.literal('monthly-day'),
    /** Day of the month, 1-31; a month without that day (the 31st in June) has no meeting. */
    dayOfMonth: wholeNumber().check(z.gte(1), z.lte(31)),
    start: WallTime,
    startDate: CalendarDate,
    until: z.optional(CalendarDate),
  }),
  z.object({
    kind: z.literal('once'),
    date: CalendarDate,
    start: WallTime,
  }),
]);

export const OccurrenceCount = z.object({
  date: CalendarDate,
  confirmed: wholeNumber().check(z.gte(0)),
  waitlisted: wholeNumber().check(z.gte(0)),
});

/** A session as the center plans it: its settings (settings-schemas.ts) and the public list share this. */
export const SessionPlan = z.object({
  id: Id,
  title: ShortText,
  description: z.optional(Text(4000)),
  topics: z.array(z.string().check(z.minLength(1), z.maxLength(60))),
  audience: Audience,
  format: Format,
  language: Locale,
  facilitator: z.object({ firstName: z.string().check(z.minLength(1), z.maxLength(40)), role: ShortText }),
  /** In-person address; online sessions share their link only after an RSVP. */
  location: z.optional(ShortText),
  translations: z.optional(z.object({ es: z.optional(SessionTranslation) })),
  durationMinutes: wholeNumber().check(z.gte(15), z.lte(480)),
  recurrence: Recurrence,
  /** Dates (in the center's zone) on which a recurring session does not meet. */
  exceptions: z.array(CalendarDate),
  /** Null when the room has no cap. */
  capacity: z.nullable(wholeNumber().check(z.gte(1))),
});

export const AlumniSession = z.extend(SessionPlan, {
  timeZone: TimeZone,
  counts: z.array(OccurrenceCount),
});

export const AlumniSessionQuery = z.object({ from: CalendarDate, to: CalendarDate });
export const AlumniSessionList = z.object({ timeZone: TimeZone, sessions: z.array(AlumniSession) });

export const RsvpRequest = z.object({
  occurrenceDate: CalendarDate,
  /** First name or initials only. */
  name: z.string().check(z.minLength(1), z.maxLength(40)),
  email: z.optional(Email),
  phone: z.optional(Phone),
  familyMembers: wholeNumber().check(z.gte(0), z.lte(10)),
  locale: Locale,
});

export const Rsvp = z.object({
  id: Id,
  sessionId: Id,
  occurrenceDate: CalendarDate,
  status: z.enum(['confirmed', 'waitlisted']),
  waitlistPosition: z.optional(wholeNumber().check(z.gte(1))),
  /** Keep this to cancel; it is the only proof of ownership. */
  token: z.string().check(z.minLength(16), z.maxLength(128)),
  joinUrl: z.optional(SafeUrl),
});


// ---------------------------------------------------------------------------------------------
// Screener settings (issue 12): the center's choices, public (no health data)
// ---------------------------------------------------------------------------------------------

export const ScreenerInstrument = z.enum(['audit-c', 'audit', 'dast-10', 'phq-9', 'gad-7', 'asq']);

/**
 * The screener's result thresholds. Only the validated cut-offs (DOMAIN.md) are choices, never an
 * arbitrary number; null switches a rule off. Safety flags (ASQ acuity) come from the answers alone.
 */
export const ScreenerThresholds = z.object({
  /** PHQ-9 item 9 above 0 (the published safety path) also means "please get help now"; null: ASQ acuity alone. */
  getHelpNowPhq9Item9: z.nullable(z.literal(1)),
  withdrawalOnSeizuresOrDts: z.boolean(),
  withdrawalOnRecentSymptoms: z.boolean(),
  withdrawalOnDailyUse: z.boolean(),
  /** AUDIT item 6 ("drink first thing in the morning") at least: 1 less than monthly, 2 monthly, 3 weekly, 4 daily. */
  withdrawalAuditMorningDrink: z.nullable(z.literal([1, 2, 3, 4])),
  /** AUDIT risk zones II, III, IV start at 8, 16, 20. */
  higherLevelAudit: z.nullable(z.literal([8, 16, 20])),
  /** DAST-10 moderate 3, substantial 6, severe 9. */
  higherLevelDast10: z.nullable(z.literal([3, 6, 9])),
  /** PHQ-9 mild 5, moderate 10, moderately severe 15, severe 20. */
  higherLevelPhq9: z.nullable(z.literal([5, 10, 15, 20])),
  /** GAD-7 mild 5, moderate 10, severe 15. */
  higherLevelGad7: z.nullable(z.literal([5, 10, 15])),
  higherLevelOnSafetyConcern: z.boolean(),
});

/** A crisis line the center adds to the screener's "get help now" page (988 is always shown). */
export const CrisisLine = z.object({
  name: ShortText,
  phone: z.optional(Phone),
  /** A number that takes text messages, when different or text-only; short codes (741741) too. */
  text: z.optional(z.string().check(z.regex(/^\+?[0-9 ().-]{3,20}$/))),
  url: z.optional(SafeUrl),
  translations: z.optional(z.object({ es: z.optional(z.object({ name: z.optional(ShortText) })) })),
});

/** `GET screener-settings`: what the intake screener needs of the center (defaults until an admin saves them). */
export const PublicScreenerSettings = z.object({
  /** Which instruments the screener asks, in order. */
  instruments: z.array(ScreenerInstrument).check(z.minLength(1), z.maxLength(6)),
  thresholds: ScreenerThresholds,
  crisisLines: z.array(CrisisLine).check(z.maxLength(10)),
  /** Where the quick-exit button goes (https only). */
  quickExitUrl: SafeUrl,
});
export type ScreenerThresholds = z.infer<typeof ScreenerThresholds>;
export type PublicScreenerSettings = z.infer<typeof PublicScreenerSettings>;

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

export type Problem = z.infer<typeof Problem>;
export type ProblemCode = z.infer<typeof ProblemCode>;
export type Locale = z.infer<typeof Locale>;
export type Format = z.infer<typeof Format>;
export type Audience = z.infer<typeof Audience>;
export type Track = z.infer<typeof Track>;
export type Program = z.infer<typeof Program>;
export type Center = z.infer<typeof Center>;
export type ProgramList = z.infer<typeof ProgramList>;
export type AssessmentSlot = z.infer<typeof AssessmentSlot>;
export type AssessmentSlotQuery = z.infer<typeof AssessmentSlotQuery>;
export type AssessmentSlotList = z.infer<typeof AssessmentSlotList>;
export type HoldRequest = z.infer<typeof HoldRequest>;
export type Hold = z.infer<typeof Hold>;
export type Contact = z.infer<typeof Contact>;
export type BookingRequest = z.infer<typeof BookingRequest>;
export type Booking = z.infer<typeof Booking>;
export type IntakeRequest = z.infer<typeof IntakeRequest>;
export type IntakeReceipt = z.infer<typeof IntakeReceipt>;
export type Payer = z.infer<typeof Payer>;
export type PayerList = z.infer<typeof PayerList>;
export type EligibilityRequest = z.infer<typeof EligibilityRequest>;
export type EligibilityCheck = z.infer<typeof EligibilityCheck>;
export type Coverage = z.infer<typeof Coverage>;
export type CardSide = z.infer<typeof CardSide>;
export type CardPhotoMediaType = z.infer<typeof CardPhotoMediaType>;
export type CardPhotoUpload = z.infer<typeof CardPhotoUpload>;
export type CardPhotoReceipt = z.infer<typeof CardPhotoReceipt>;
export type CallbackRequest = z.infer<typeof CallbackRequest>;
export type CallbackReceipt = z.infer<typeof CallbackReceipt>;
export type Recurrence = z.infer<typeof Recurrence>;
export type AlumniSession = z.infer<typeof AlumniSession>;
export type AlumniSessionQuery = z.infer<typeof AlumniSessionQuery>;
export type AlumniSessionList = z.infer<typeof AlumniSessionList>;
export type RsvpRequest = z.infer<typeof RsvpRequest>;
export type Rsvp = z.infer<typeof Rsvp>;

/**
 * `GET origin-check`: whether the API accepts the calling page's origin (IOP_ALLOWED_ORIGINS), for
 * a widget to tell a web admin what to fix instead of "you seem to be offline". Answered to any
 * origin, with no data beyond the origin itself. Not in the endpoint table: no widget flow uses it.
 */
export const OriginCheck = z.object({
  /** The `Origin` the browser sent; null when it sent none (same origin). */
  origin: z.nullable(z.string().check(z.maxLength(300))),
  allowed: z.boolean(),
});
export type OriginCheck = z.infer<typeof OriginCheck>;
