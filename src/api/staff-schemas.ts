/**
 * The staff API contract (the center console and integrations): every wire shape under
 * `/api/iop/staff/`. zod/mini because the console ships to browsers; the reference server parses
 * every staff answer with these same schemas, and openapi.json is generated from them.
 */
import * as z from 'zod/mini';
import { CardPhotoMediaType, CardSide, Id, Instant, InstrumentScore, ReferenceCode, ScreeningResult } from './schemas.js';

z.config({ jitless: true });

export const StaffRole = z.enum(['admin', 'intake', 'alumni', 'viewer']);
export const RecordKind = z.enum(['intakes', 'bookings', 'eligibility-checks', 'callback-requests', 'rsvps']);
export const WorkStatus = z.enum(['new', 'contacted', 'scheduled', 'admitted', 'referred-elsewhere', 'closed']);
const Name = z.string().check(z.minLength(1), z.maxLength(120));

// ---- identity -------------------------------------------------------------------------------------

/** Who is signed in (or which token is calling). */
export const StaffPrincipal = z.object({
  kind: z.enum(['staff', 'api-token', 'legacy-token']),
  id: z.string(),
  displayName: z.string(),
  role: StaffRole,
  /** Absolute end of the session (12 h after sign-in); null for tokens. */
  expiresAt: z.nullable(Instant),
  idleMinutes: z.nullable(z.number()),
});

/** The invite token comes from the enrolment link's fragment; the display name is the person's choice. */
export const EnrolOptionsRequest = z.object({ inviteToken: z.string().check(z.minLength(20), z.maxLength(100)), displayName: z.optional(Name) });
/** WebAuthn options JSON for @simplewebauthn/browser, and the ceremony the answer belongs to. */
export const CeremonyOptions = z.object({ ceremonyId: Id, options: z.record(z.string(), z.unknown()) });
export const CeremonyAnswer = z.object({ ceremonyId: Id, response: z.record(z.string(), z.unknown()) });
export const SetupStatus = z.object({
  needsFirstAdmin: z.boolean(),
  /** False on a fresh production database until an administrator completes first-run setup (POST settings/first-run). */
  centerConfigured: z.boolean(),
});

export const StaffAccount = z.object({
  id: Id,
  displayName: z.string(),
  role: StaffRole,
  createdAt: Instant,
  disabledAt: z.nullable(Instant),
  passkeys: z.number(),
});
export const StaffAccountList = z.object({ accounts: z.array(StaffAccount) });
/** Colleagues a record can be assigned to (no roles or dates: anyone who works records may see it). */
export const Colleague = z.object({ id: Id, displayName: z.string() });
export const ColleagueList = z.object({ colleagues: z.array(Colleague) });

export const InviteRequest = z.object({ role: StaffRole, displayName: z.optional(Name) });
/** The link is shown once; only its hash is stored. */
export const Invite = z.object({ id: Id, role: StaffRole, expiresAt: Instant, enrolmentPath: z.string() });

export const ApiTokenRequest = z.object({ name: Name, role: StaffRole });
export const ApiToken = z.object({
  id: Id,
  name: z.string(),
  role: StaffRole,
  createdAt: Instant,
  lastUsedAt: z.nullable(Instant),
  revokedAt: z.nullable(Instant),
});
export const ApiTokenList = z.object({ tokens: z.array(ApiToken) });
/** `token` is shown once, at creation. */
export const IssuedApiToken = z.extend(ApiToken, { token: z.string() });

// ---- audit ---------------------------------------------------------------------------------------

export const AuditAction = z.enum([
  'sign-in',
  'sign-in-failed',
  'sign-out',
  'list',
  'read-record',
  'read-card-photo',
  'export',
  'change-status',
  'assign',
  'add-note',
  'change-settings',
  'token-issued',
  'token-revoked',
  // Proof of attendance (issue 18).
  'check-in',
  'mark-attendance',
  'letter-issued',
  'letter-verified',
]);
export const AuditEntry = z.object({
  seq: z.number(),
  at: Instant,
  actorKind: z.enum(['staff', 'api-token', 'legacy-token', 'anonymous']),
  actorId: z.nullable(z.string()),
  actorLabel: z.nullable(z.string()),
  sourceAddress: z.nullable(z.string()),
  action: AuditAction,
  outcome: z.enum(['success', 'failure']),
  recordKind: z.nullable(z.string()),
  recordId: z.nullable(z.string()),
  detail: z.nullable(z.string()),
});
export const AuditList = z.object({ entries: z.array(AuditEntry) });
export const AuditQuery = z.object({
  action: z.optional(AuditAction),
  actorId: z.optional(z.string().check(z.maxLength(64))),
  recordId: z.optional(z.string().check(z.maxLength(64))),
  from: z.optional(Instant),
  to: z.optional(Instant),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(1000)), 200),
});
export const AuditExportQuery = z.extend(AuditQuery, { format: z.enum(['fhir', 'csv']) });

// ---- work queue ----------------------------------------------------------------------------------

/** What a viewer sees of a record: counts and statuses, never health data (not even urgency). */
export const QueueSummaryItem = z.object({ id: Id, kind: RecordKind, receivedAt: Instant, status: WorkStatus });
/** What people who work records see in the queue: still no names or answers (the list is on screen). */
export const QueueItem = z.extend(QueueSummaryItem, {
  urgent: z.boolean(),
  assignedTo: z.nullable(Colleague),
  statusChangedAt: z.nullable(Instant),
});
export const QueueCounts = z.record(z.string(), z.number());
export const Queue = z.object({ items: z.array(QueueItem), counts: QueueCounts, seq: z.number() });
export const QueueSummary = z.object({ items: z.array(QueueSummaryItem), counts: QueueCounts, seq: z.number() });
export const QueueQuery = z.object({
  status: z._default(z.enum(['open', 'all', ...WorkStatus.options]), 'open'),
  kind: z.optional(RecordKind),
  /** The start of a record's reference (its id), as read out by the person on the phone. */
  q: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/))),
});

export const StatusChange = z.object({ status: WorkStatus, changedAt: Instant, changedBy: Colleague });
export const StaffNote = z.object({ id: Id, text: z.string(), createdAt: Instant, author: Colleague });
export const AnsweredItem = z.object({ itemId: z.string(), value: z.union([z.number(), z.string(), z.boolean(), z.null()]) });
/** Answers grouped by instrument, scored again by the domain code (staff see this; patients never do). */
export const InstrumentGroup = z.object({ instrument: z.string(), answers: z.array(AnsweredItem), score: z.nullable(InstrumentScore) });
export const ScreeningView = z.object({ result: ScreeningResult, urgent: z.boolean(), groups: z.array(InstrumentGroup) });
export const CardPhotoRef = z.object({ id: Id, side: CardSide, mediaType: CardPhotoMediaType, receivedAt: Instant });

export const RecordView = z.extend(QueueItem, {
  /** A phone number fit for a `tel:` link, when the person left one. */
  phone: z.nullable(z.string()),
  displayName: z.nullable(z.string()),
  history: z.array(StatusChange),
  notes: z.array(StaffNote),
  screening: z.nullable(ScreeningView),
  /** The eligibility answer (coverage) as the payer sent it, for eligibility checks. */
  coverage: z.nullable(z.record(z.string(), z.unknown())),
  cardPhotos: z.array(CardPhotoRef),
  /** Everything the person sent, decrypted. */
  data: z.record(z.string(), z.unknown()),
});

export const StatusRequest = z.object({ status: WorkStatus });
export const AssigneeRequest = z.object({ accountId: z.nullable(Id) });
export const NoteRequest = z.object({ text: z.string().check(z.minLength(1), z.maxLength(4000)) });

// ---- the previous release's routes (kept one release for integrations) ---------------------------

export const StaffRecordKind = z.enum(['intakes', 'bookings', 'eligibility-checks', 'callback-requests']);
export const StaffRecordSummary = z.object({
  id: Id,
  kind: StaffRecordKind,
  /** The reference on the person's receipt; null for records made before references existed. */
  reference: z.nullable(ReferenceCode),
  createdAt: Instant,
  handledAt: z.nullable(Instant),
});
export const StaffRecordList = z.object({ records: z.array(StaffRecordSummary) });
/** `data` is the decrypted record as the person sent it (plus, for eligibility, the payer's answer). */
export const StaffRecord = z.extend(StaffRecordSummary, { data: z.record(z.string(), z.unknown()) });
/** Listed in an eligibility check's `data.cardPhotos`. */
export const StaffCardPhoto = CardPhotoRef;
export const StaffListQuery = z.object({
  status: z._default(z.enum(['open', 'handled', 'all']), 'open'),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(500)), 100),
  /** A receipt's reference as the person reads it out: any case, with or without dashes. */
  reference: z.optional(z.string().check(z.maxLength(40))),
});

export type StaffRole = z.infer<typeof StaffRole>;
export type RecordKind = z.infer<typeof RecordKind>;
export type WorkStatus = z.infer<typeof WorkStatus>;
export type StaffPrincipal = z.infer<typeof StaffPrincipal>;
export type AuditAction = z.infer<typeof AuditAction>;
export type AuditEntry = z.infer<typeof AuditEntry>;
export type QueueItem = z.infer<typeof QueueItem>;
export type QueueSummaryItem = z.infer<typeof QueueSummaryItem>;
export type RecordView = z.infer<typeof RecordView>;
export type StaffAccount = z.infer<typeof StaffAccount>;
export type ApiToken = z.infer<typeof ApiToken>;
export type StaffRecordKind = z.infer<typeof StaffRecordKind>;
export type StaffRecordSummary = z.infer<typeof StaffRecordSummary>;
export type StaffCardPhoto = z.infer<typeof StaffCardPhoto>;
