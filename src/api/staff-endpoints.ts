/**
 * The staff API's routes with their shapes and one line each, for openapi.json. Who may call each
 * route is the server's table (`STAFF_ACCESS` in server/staff/staff-routes.ts); the generator joins
 * the two and fails when either names a route the other does not.
 */
import type * as z from 'zod/mini';
import * as a from './attendance-schemas.js';
import * as cs from './settings-schemas.js';
import * as s from './staff-schemas.js';

export interface StaffEndpoint {
  readonly summary: string;
  readonly query?: z.ZodMiniType;
  readonly body?: z.ZodMiniType;
  readonly response?: z.ZodMiniType;
  /** A response that is not JSON (an image, a download, an event stream). */
  readonly media?: string;
  readonly success: number;
  /** Reads or returns health data: every call leaves an audit row. */
  readonly personal?: boolean;
  /** Statuses of the route's own rules, e.g. 409 for a stale settings save. */
  readonly problems?: readonly number[];
}

export const staffEndpoints: Record<string, StaffEndpoint> = {
  'GET setup': { summary: 'Whether the console still needs its first administrator.', response: s.SetupStatus, success: 200 },
  'POST enrol/options': { summary: 'Start enrolling a passkey with a single-use invitation token.', body: s.EnrolOptionsRequest, response: s.CeremonyOptions, success: 200 },
  'POST enrol/verify': { summary: 'Finish enrolment: creates the account, uses up the invitation, starts a session (cookie).', body: s.CeremonyAnswer, response: s.StaffPrincipal, success: 200 },
  'POST sign-in/options': { summary: 'Start a passkey sign-in (discoverable credentials).', response: s.CeremonyOptions, success: 200 },
  'POST sign-in/verify': { summary: 'Finish a passkey sign-in and start a session (HttpOnly, SameSite=Strict cookie; idle 15 min, at most 12 h).', body: s.CeremonyAnswer, response: s.StaffPrincipal, success: 200 },
  'GET session': { summary: 'Who is calling.', response: s.StaffPrincipal, success: 200 },
  'POST sign-out': { summary: 'End this session.', success: 204 },
  'POST sign-out-everywhere': { summary: "End every session of the signed-in person.", success: 204 },
  'GET queue': { summary: 'The work queue, urgent first then oldest. Viewers get QueueSummary (counts and statuses only).', query: s.QueueQuery, response: s.Queue, success: 200, personal: true },
  'GET queue/events': { summary: 'Server-sent events: `queue-ready` then `queue-changed` with a change number (no record data).', media: 'text/event-stream', success: 200 },
  'GET colleagues': { summary: 'People a record can be assigned to.', response: s.ColleagueList, success: 200 },
  'GET records/{kind}/{id}': { summary: 'One record, decrypted, with screening scores, coverage, notes and history.', response: s.RecordView, success: 200, personal: true },
  'POST records/{kind}/{id}/status': { summary: 'Move a record through the workflow.', body: s.StatusRequest, success: 204 },
  'POST records/{kind}/{id}/assignee': { summary: 'Assign a record to a colleague (null: nobody).', body: s.AssigneeRequest, success: 204 },
  'POST records/{kind}/{id}/notes': { summary: 'Add a staff note (encrypted at rest).', body: s.NoteRequest, success: 204, personal: true },
  'GET records/intakes/{id}/questionnaire-response': { summary: 'The FHIR R4 QuestionnaireResponse of an intake, as a download.', media: 'application/fhir+json', success: 200, personal: true },
  'GET records/eligibility-checks/{id}/card-photos/{photoId}': { summary: 'One insurance-card photo, decrypted.', media: 'image/*', success: 200, personal: true },
  'GET accounts': { summary: 'Staff accounts.', response: s.StaffAccountList, success: 200 },
  'POST accounts/{id}/disable': { summary: 'Disable an account and end its sessions.', success: 204 },
  'POST invites': { summary: 'A single-use enrolment link (72 h) for a role.', body: s.InviteRequest, response: s.Invite, success: 201 },
  'GET tokens': { summary: 'API tokens for integrations (never the secrets).', response: s.ApiTokenList, success: 200 },
  'POST tokens': { summary: 'Issue an API token scoped to a role; the secret is in this answer only.', body: s.ApiTokenRequest, response: s.IssuedApiToken, success: 201 },
  'DELETE tokens/{id}': { summary: 'Revoke an API token.', success: 204 },
  'GET audit': { summary: 'The audit trail, newest first, filtered.', query: s.AuditQuery, response: s.AuditList, success: 200 },
  'GET audit/export': { summary: 'The audit trail as FHIR R4 AuditEvent NDJSON (IHE BALP) or CSV.', query: s.AuditExportQuery, media: 'application/fhir+ndjson', success: 200 },
  // Proof of attendance: the facilitator's desk (server/attendance/attendance-routes.ts).
  'GET attendance/sessions/{id}/code': { summary: "The occurrence's current check-in code (rotates every step), with its window.", query: a.OccurrenceQuery, response: a.CheckInCode, success: 200 },
  'GET attendance/sessions/{id}/roster': { summary: 'Who RSVPed to an occurrence and their attendance.', query: a.OccurrenceQuery, response: a.Roster, success: 200, personal: true },
  'POST attendance/sessions/{id}/marks': { summary: 'Mark arrival, leaving or not attended by hand.', body: a.AttendanceMark, response: a.AttendanceRecord, success: 200, personal: true },
  'GET attendance/letters': { summary: 'Attendance letters issued.', response: a.IssuedLetterList, success: 200 },
  // A center's own setup (issue 12): admin only; every save audited and versioned (server/settings/).
  'GET settings': { summary: "Whether the center is configured, the setup revision and each section's version.", response: cs.SettingsOverview, success: 200 },
  'POST settings/first-run': { summary: 'First-run setup of an unconfigured center (409 center-already-configured otherwise).', body: cs.FirstRunRequest, response: cs.SettingsOverview, success: 201, problems: [409] },
  'GET settings/history': { summary: 'Saved versions of the settings, newest first: who, when, how, and the value saved.', query: cs.SettingsHistoryQuery, response: cs.SettingsHistory, success: 200 },
  'GET settings/profile': { summary: 'Center profile and self-pay prices.', response: cs.ProfileState, success: 200 },
  'PUT settings/profile': { summary: 'Save the center profile (409 settings-version-conflict when the version moved).', body: cs.ProfileSave, response: cs.ProfileState, success: 200, problems: [409] },
  'GET settings/programs': { summary: 'Programs and tracks.', response: cs.ProgramsState, success: 200 },
  'PUT settings/programs': { summary: 'Save programs and tracks.', body: cs.ProgramsSave, response: cs.ProgramsState, success: 200, problems: [409] },
  'GET settings/availability': { summary: 'Assessment availability: weekly windows, date overrides, minimum notice, booking horizon.', response: cs.AvailabilityState, success: 200 },
  'PUT settings/availability': { summary: 'Save assessment availability.', body: cs.AvailabilitySave, response: cs.AvailabilityState, success: 200, problems: [409] },
  'POST settings/availability/preview': { summary: 'The next 14 days of slots an unsaved availability draft would offer.', body: cs.AvailabilityPreviewRequest, response: cs.AvailabilityPreview, success: 200 },
  'GET settings/payers': { summary: 'The in-network list: payers, aliases, member-id rules.', response: cs.PayersState, success: 200 },
  'PUT settings/payers': { summary: 'Save the payer list.', body: cs.PayersSave, response: cs.PayersState, success: 200, problems: [409] },
  'GET settings/sessions': { summary: 'Alumni, family and peer sessions.', response: cs.SessionsState, success: 200 },
  'PUT settings/sessions': { summary: 'Save the sessions.', body: cs.SessionsSave, response: cs.SessionsState, success: 200, problems: [409] },
  'GET settings/screener': { summary: 'Screener instruments, result thresholds, crisis lines, quick-exit address.', response: cs.ScreenerState, success: 200 },
  'PUT settings/screener': { summary: 'Save the screener settings.', body: cs.ScreenerSave, response: cs.ScreenerState, success: 200, problems: [409] },
  'GET settings/embedding': { summary: 'Allowed embedding origins (and whether IOP_ALLOWED_ORIGINS overrides them) and the webhook endpoint.', response: cs.EmbeddingState, success: 200 },
  'PUT settings/embedding': { summary: 'Save the allowed origins and the webhook endpoint (takes effect without a restart).', body: cs.EmbeddingSave, response: cs.EmbeddingState, success: 200, problems: [409] },
  'GET settings/export': { summary: 'The whole setup as one JSON document (a download).', response: cs.CenterSetup, success: 200 },
  'POST settings/import/preview': { summary: 'Validate a setup document: the changes it would make, or 422 with the path of every problem.', body: cs.ImportPreviewRequest, response: cs.ImportPreview, success: 200 },
  'POST settings/import': { summary: 'Apply a setup document in one transaction; 409 when the revision moved, 422 when invalid (nothing changed).', body: cs.ImportRequest, response: cs.ImportResult, success: 200, problems: [409] },
  'GET {kind}': { summary: 'Deprecated (previous release): list records of one kind.', query: s.StaffListQuery, response: s.StaffRecordList, success: 200, personal: true },
  'GET {kind}/{id}': { summary: 'Deprecated (previous release): one record, decrypted.', response: s.StaffRecord, success: 200, personal: true },
  'GET eligibility-checks/{id}/card-photos/{photoId}': { summary: 'Deprecated (previous release): one card photo.', media: 'image/*', success: 200, personal: true },
  'POST {kind}/{id}/handled': { summary: 'Deprecated (previous release): mark a record handled (status closed).', response: s.StaffRecordSummary, success: 200 },
};
