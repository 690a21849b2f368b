/**
 * A center's own setup (issue 12): the admin settings API under `/api/iop/staff/settings/`, its
 * import/export document and the public screener settings. zod/mini: the console ships these to
 * browsers, and the server validates every save and import with the same schemas.
 *
 * Every section is saved whole with the version it edits (`{ version, value }`): a save naming an
 * older version is refused with 409 `settings-version-conflict`, so two admins never overwrite
 * each other silently. Each save is one audit row and one history entry (who, when, what).
 */
import * as z from 'zod/mini';
import {
  AssessmentMode,
  Audience,
  CalendarDate,
  Format,
  Id,
  Instant,
  Locale,
  MemberIdRule,
  Price,
  ProgramKind,
  ProgramTranslation,
  PublicScreenerSettings,
  SafeUrl,
  SelfPay,
  SessionPlan,
  TimeZone,
  TrackTranslation,
  WallTime,
  Weekday,
} from './schemas.js';

z.config({ jitless: true });

const wholeNumber = () =>
  z.number().check(z.refine(Number.isInteger, 'Expected a whole number')).register(z.globalRegistry, { type: 'integer' });
const Text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const ShortText = Text(200);
const Phone = z.string().check(z.regex(/^\+?[0-9 ().-]{7,20}$/));

/** A website origin allowed to embed the widgets: scheme, host and optional port, nothing after. */
export const WebOrigin = z.string().check(z.regex(/^https?:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?$/), z.maxLength(300));

/** Where webhook deliveries go: https, or http to this machine only (a development receiver). */
export const WebhookUrl = z
  .string()
  .check(z.regex(/^(?:https:\/\/[A-Za-z0-9.-]+|http:\/\/(?:127\.0\.0\.1|localhost|\[::1\]))(?::\d{1,5})?(?:\/[^\s]*)?$/), z.maxLength(2000))
  .register(z.globalRegistry, { format: 'uri' });

/** Sections of the setup; each is read and saved on its own route (`settings/<section>`). */
export const SettingsSection = z.enum(['profile', 'programs', 'availability', 'payers', 'sessions', 'screener', 'embedding']);

/** Who saved a version; null for the demo seed or an import by the command line. */
export const SettingsAuthor = z.object({ id: z.nullable(z.string()), label: z.nullable(z.string()) });

// ---- sections ------------------------------------------------------------------------------------

/** Center profile and self-pay prices. `selfPay.translations.es.summary` is the Spanish text. */
export const ProfileSettings = z.object({
  name: ShortText,
  phone: Phone,
  timeZone: TimeZone,
  /** Title in calendar files; discreet by default ("Appointment", no center name). */
  calendarTitle: z.optional(ShortText),
  selfPay: z.optional(SelfPay),
});

export const MeetingSetting = z.object({ day: Weekday, start: WallTime, end: WallTime });

/** A track as the center writes it: the wire Track without what the server computes (zone, start dates, seats left). */
export const TrackSetting = z.object({
  id: Id,
  name: ShortText,
  audience: Audience,
  meetings: z.array(MeetingSetting),
  weeks: wholeNumber().check(z.gte(1), z.lte(104)),
  hoursPerWeek: z.number().check(z.gte(0), z.lte(60)),
  format: Format,
  languages: z.array(Locale),
  /** Cohorts start on this weekday (Sunday = 0); the next few dates are listed publicly. */
  startWeekday: Weekday,
  /** Seats open for new admissions; null: not capped. */
  seatCapacity: z.nullable(wholeNumber().check(z.gte(0), z.lte(10_000))),
  price: z.optional(Price),
  description: z.optional(Text(2000)),
  location: z.optional(ShortText),
  translations: z.optional(z.object({ es: z.optional(TrackTranslation) })),
});

export const ProgramSetting = z.object({
  id: Id,
  name: ShortText,
  kind: ProgramKind,
  description: z.optional(Text(2000)),
  translations: z.optional(z.object({ es: z.optional(ProgramTranslation) })),
  tracks: z.array(TrackSetting),
});

/** Programs and tracks in display order. A track that bookings name cannot be removed (422 names it). */
export const ProgramsSettings = z.object({ programs: z.array(ProgramSetting).check(z.maxLength(50)) });

const WindowId = z.string().check(z.regex(/^[A-Za-z0-9-]{1,40}$/));

/** Hours on one weekday for one mode (and, optionally, only some tracks). Slots of `slotMinutes` fill it. */
export const AvailabilityWindowSetting = z.object({
  /** Letters, digits and dashes: it is part of slot ids, so keep it when editing hours. */
  id: WindowId,
  day: Weekday,
  start: WallTime,
  end: WallTime,
  mode: AssessmentMode,
  slotMinutes: wholeNumber().check(z.gte(15), z.lte(240)),
  /** Tracks an assessment in this window can lead to; empty: any. */
  trackIds: z.array(Id),
});

/** Extra hours on one date, in addition to (or, on a closed date, instead of) the weekly windows. */
export const ExtraHours = z.object({
  id: WindowId,
  start: WallTime,
  end: WallTime,
  mode: AssessmentMode,
  slotMinutes: wholeNumber().check(z.gte(15), z.lte(240)),
  trackIds: z.array(Id),
});

/**
 * One date's exception to the weekly windows: `closed` (a holiday: no weekly slots that day) and/or
 * `extraHours` (slots in addition). A closed date with extra hours offers only the extra hours.
 */
export const DateOverride = z.object({
  date: CalendarDate,
  closed: z.boolean(),
  extraHours: z.array(ExtraHours),
  /** Staff's own note ("Thanksgiving"); never shown to patients. */
  note: z.optional(z.string().check(z.maxLength(120))),
});

export const AvailabilitySettings = z.object({
  windows: z.array(AvailabilityWindowSetting).check(z.maxLength(200)),
  overrides: z.array(DateOverride).check(z.maxLength(400)),
  /** Nobody can book a slot starting sooner than this many hours from now. */
  minimumNoticeHours: z.number().check(z.gte(0), z.lte(336)),
  /** How many days ahead people may book (counted from the center's today); null: no limit. */
  bookingHorizonDays: z.nullable(wholeNumber().check(z.gte(1), z.lte(365))),
});

/** The center's in-network list: the wire Payer. */
export const PayerSetting = z.object({
  id: Id,
  name: ShortText,
  aliases: z.array(ShortText),
  memberIdRule: MemberIdRule,
  /** The center's own contract status; null: unknown (people are told the center will confirm). */
  inNetwork: z.nullable(z.boolean()),
});
export const PayersSettings = z.object({ payers: z.array(PayerSetting).check(z.maxLength(500)) });

export const SessionSetting = z.extend(SessionPlan, {
  /** Online sessions: revealed only in an RSVP's answer, never in the public list. */
  joinUrl: z.optional(SafeUrl),
});
/** Alumni, family and peer sessions. A session that RSVPs name cannot be removed (422 names it). */
export const SessionsSettings = z.object({ sessions: z.array(SessionSetting).check(z.maxLength(200)) });

/** The screener section: the same shape the public `GET screener-settings` answers. */
export const ScreenerSettings = z.extend(PublicScreenerSettings, {});

/** Allowed embedding origins and the webhook endpoint. The webhook's secret is never in settings or exports (environment only). */
export const EmbeddingSettings = z.object({
  allowedOrigins: z.array(WebOrigin).check(z.maxLength(100)),
  /** The CRM webhook endpoint; null: none (IOP_WEBHOOK_URL, if set, is used then). */
  webhookUrl: z.nullable(WebhookUrl),
});

// ---- reading and saving a section ----------------------------------------------------------------

const versionOf = () => wholeNumber().check(z.gte(0));

/** A section as read: its value, its version (0: never saved), who saved it and when. */
const sectionState = <T extends z.ZodMiniType>(value: T) =>
  z.object({ version: versionOf(), changedAt: z.nullable(Instant), changedBy: z.nullable(SettingsAuthor), value });
/** A save: the whole section and the version it edits (as read). */
const sectionSave = <T extends z.ZodMiniType>(value: T) => z.object({ version: versionOf(), value });

export const ProfileState = sectionState(ProfileSettings);
export const ProfileSave = sectionSave(ProfileSettings);
export const ProgramsState = sectionState(ProgramsSettings);
export const ProgramsSave = sectionSave(ProgramsSettings);
export const AvailabilityState = sectionState(AvailabilitySettings);
export const AvailabilitySave = sectionSave(AvailabilitySettings);
export const PayersState = sectionState(PayersSettings);
export const PayersSave = sectionSave(PayersSettings);
export const SessionsState = sectionState(SessionsSettings);
export const SessionsSave = sectionSave(SessionsSettings);
export const ScreenerState = sectionState(ScreenerSettings);
export const ScreenerSave = sectionSave(ScreenerSettings);
/** Also says whether IOP_ALLOWED_ORIGINS overrides the saved origins, and which origins are in force. */
export const EmbeddingState = z.extend(sectionState(EmbeddingSettings), {
  /** True when the IOP_ALLOWED_ORIGINS environment variable is set: it wins over the saved list. */
  originsFromEnvironment: z.boolean(),
  /** The origins the API accepts right now. */
  effectiveOrigins: z.array(z.string()),
  /** Whether a webhook secret is configured (the secret itself is never shown). */
  webhookSecretConfigured: z.boolean(),
});
export const EmbeddingSave = sectionSave(EmbeddingSettings);

/** `GET staff/settings`: whether the center is configured, and each section's version. */
export const SettingsOverview = z.object({
  configured: z.boolean(),
  /** Grows by one with every save of any section: what an import names as the setup it replaces. */
  revision: versionOf(),
  sections: z.record(SettingsSection, z.object({ version: versionOf(), changedAt: z.nullable(Instant), changedBy: z.nullable(SettingsAuthor) })),
});

/** `POST staff/settings/first-run`: what a production center needs before its widgets can answer. */
export const FirstRunRequest = z.object({
  name: ShortText,
  phone: Phone,
  timeZone: TimeZone,
  calendarTitle: z.optional(ShortText),
  allowedOrigins: z.array(WebOrigin).check(z.maxLength(100)),
});

export const SettingsHistoryQuery = z.object({
  section: z.optional(SettingsSection),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(200)), 50),
});
export const SettingsHistoryEntry = z.object({
  section: SettingsSection,
  version: versionOf(),
  changedAt: Instant,
  changedBy: SettingsAuthor,
  /** `save`, `first-run`, `import` or `seed`. */
  how: z.enum(['save', 'first-run', 'import', 'seed']),
  /** The section as saved. */
  value: z.unknown(),
});
export const SettingsHistory = z.object({ entries: z.array(SettingsHistoryEntry) });

/** `POST staff/settings/availability/preview`: an unsaved draft, and optionally one track. */
export const AvailabilityPreviewRequest = z.object({ draft: AvailabilitySettings, trackId: z.optional(Id) });
export const PreviewSlot = z.object({ start: Instant, end: Instant, mode: AssessmentMode, trackIds: z.array(Id) });
/** The next 14 days of slots the draft would offer (bookings and holds not subtracted), as instants plus the center's zone. */
export const AvailabilityPreview = z.object({ timeZone: TimeZone, from: CalendarDate, to: CalendarDate, slots: z.array(PreviewSlot) });

// ---- import and export ---------------------------------------------------------------------------

export const CENTER_SETUP_FORMAT = 'iop-widgets/center-setup';

/** The whole setup as one JSON document: `GET staff/settings/export`, and what import takes. */
export const CenterSetup = z.object({
  format: z.literal(CENTER_SETUP_FORMAT),
  /** The document's format version (1). */
  version: z.literal(1),
  exportedAt: z.optional(Instant),
  profile: ProfileSettings,
  programs: ProgramsSettings,
  availability: AvailabilitySettings,
  payers: PayersSettings,
  sessions: SessionsSettings,
  screener: ScreenerSettings,
  embedding: EmbeddingSettings,
});

export const ImportPreviewRequest = z.object({ setup: CenterSetup });
export const SetupChange = z.object({
  /** JSON Pointer into the setup document. */
  path: z.string(),
  /** Absent when added. */
  before: z.optional(z.unknown()),
  /** Absent when removed. */
  after: z.optional(z.unknown()),
});
/** Valid: what would change. An invalid document is answered 422 with a JSON Pointer (`/setup/...`) for every problem. */
export const ImportPreview = z.object({ revision: versionOf(), changes: z.array(SetupChange) });
/** Applies in one transaction; refused (nothing changed) with 409 when `revision` is not the current one. */
export const ImportRequest = z.object({ revision: versionOf(), setup: CenterSetup });
export const ImportResult = z.object({ revision: versionOf(), changes: wholeNumber().check(z.gte(0)) });

export type SettingsSection = z.infer<typeof SettingsSection>;
export type SettingsAuthor = z.infer<typeof SettingsAuthor>;
export type ProfileSettings = z.infer<typeof ProfileSettings>;
export type TrackSetting = z.infer<typeof TrackSetting>;
export type ProgramSetting = z.infer<typeof ProgramSetting>;
export type ProgramsSettings = z.infer<typeof ProgramsSettings>;
export type AvailabilityWindowSetting = z.infer<typeof AvailabilityWindowSetting>;
export type DateOverride = z.infer<typeof DateOverride>;
export type AvailabilitySettings = z.infer<typeof AvailabilitySettings>;
export type PayersSettings = z.infer<typeof PayersSettings>;
export type SessionSetting = z.infer<typeof SessionSetting>;
export type SessionsSettings = z.infer<typeof SessionsSettings>;
export type ScreenerSettings = z.infer<typeof ScreenerSettings>;
export type EmbeddingSettings = z.infer<typeof EmbeddingSettings>;
export type SettingsOverview = z.infer<typeof SettingsOverview>;
export type FirstRunRequest = z.infer<typeof FirstRunRequest>;
export type SettingsHistoryEntry = z.infer<typeof SettingsHistoryEntry>;
export type AvailabilityPreview = z.infer<typeof AvailabilityPreview>;
export type CenterSetup = z.infer<typeof CenterSetup>;
export type SetupChange = z.infer<typeof SetupChange>;
export type ImportPreview = z.infer<typeof ImportPreview>;
