/**
 * Check-in and attendance marks. Attendance is sealed at rest (arrival, leaving, how it was recorded,
 * who marked it); refusals say plainly why, and every check-in and mark leaves one audit row.
 */
import type { AttendanceMark, AttendanceRecord, CheckInCode, Roster } from '../../src/api/attendance-schemas.js';
import { checkInTiming, checkInWindow, codeStep, normaliseCheckInCode, stepEndsAt, CODE_STEP_SECONDS, type CheckInWindow } from '../../src/domain/attendance.js';
import { occursOn } from '../../src/domain/session-recurrence.js';
import { wallTimeToInstant } from '../../src/domain/zoned-time.js';
import type { Queryable } from '../db/database.js';
import { notFound, ProblemError } from '../http/problem.js';
import type { DataCipher } from '../security/data-cipher.js';
import { base64UrlDecode, base64UrlEncode } from '../security/encoding.js';
import { secretsEqual, sha256Hex } from '../security/secrets.js';
import { loadCenter } from '../services/center-catalog.js';
import { codeAccepted, currentCode } from './check-in-codes.js';

/** After this many wrong codes for one RSVP, only the facilitator can check the person in. */
export const MAX_CODE_FAILURES = 10;

export interface AttendanceDeps {
  readonly db: Queryable & { transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> };
  readonly cipher: DataCipher;
  readonly now: () => Date;
}

interface SealedAttendance {
  arrivedAt: string | null;
  leftAt: string | null;
  method: 'code' | 'facilitator';
  markedBy: string | null;
}

interface RsvpRow {
  id: string;
  session_id: string;
  occurrence_date: string;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  token_hash: string;
  contact_sealed: string;
}

export interface OccurrenceInfo {
  readonly title: string;
  readonly window: CheckInWindow;
}

const refusal = (status: number, code: 'check-in-outside-window' | 'check-in-wrong-code' | 'check-in-already-done' | 'check-in-no-rsvp', detail: string) =>
  new ProblemError({ status, code, detail });

/** The occurrence's title and check-in window; null when the session does not meet that day. */
export async function occurrenceInfo(db: Queryable, sessionId: string, date: string): Promise<OccurrenceInfo | null> {
  const [session] = await db.query<{ details: { title: string; recurrence: Parameters<typeof occursOn>[0]; exceptions: string[]; durationMinutes: number } }>(
    'SELECT details FROM alumni_sessions WHERE id = $1',
    [sessionId],
  );
  if (!session || !occursOn(session.details.recurrence, session.details.exceptions, date)) return null;
  const center = await loadCenter(db);
  const start = wallTimeToInstant(date, session.details.recurrence.start, center.timeZone, 'shift-forward');
  if (!start) return null;
  return { title: session.details.title, window: checkInWindow(start, session.details.durationMinutes) };
}

async function occurrenceSecret(deps: AttendanceDeps, sessionId: string, date: string): Promise<Uint8Array> {
  const context = `attendance_occurrences:${sessionId}:${date}`;
  const sealed = await deps.cipher.seal(base64UrlEncode(crypto.getRandomValues(new Uint8Array(32))), context);
  await deps.db.query(
    `INSERT INTO attendance_occurrences (session_id, occurrence_date, secret_sealed, created_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (session_id, occurrence_date) DO NOTHING`,
    [sessionId, date, sealed, deps.now()],
  );
  const [row] = await deps.db.query<{ secret_sealed: string }>('SELECT secret_sealed FROM attendance_occurrences WHERE session_id = $1 AND occurrence_date = $2', [sessionId, date]);
  return base64UrlDecode(await deps.cipher.open(row!.secret_sealed, context));
}

async function readAttendance(deps: AttendanceDeps, rsvpId: string): Promise<SealedAttendance | null> {
  const [row] = await deps.db.query<{ record_sealed: string }>('SELECT record_sealed FROM attendance_records WHERE rsvp_id = $1', [rsvpId]);
  return row ? (JSON.parse(await deps.cipher.open(row.record_sealed, `attendance_records:${rsvpId}`)) as SealedAttendance) : null;
}

async function writeAttendance(deps: AttendanceDeps, rsvp: Pick<RsvpRow, 'id' | 'session_id' | 'occurrence_date'>, value: SealedAttendance): Promise<void> {
  const sealed = await deps.cipher.seal(JSON.stringify(value), `attendance_records:${rsvp.id}`);
  await deps.db.query(
    `INSERT INTO attendance_records (rsvp_id, session_id, occurrence_date, record_sealed, updated_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (rsvp_id) DO UPDATE SET record_sealed = excluded.record_sealed, updated_at = excluded.updated_at`,
    [rsvp.id, rsvp.session_id, rsvp.occurrence_date, sealed, deps.now()],
  );
}

function toRecord(rsvp: Pick<RsvpRow, 'id' | 'session_id' | 'occurrence_date'>, value: SealedAttendance | null): AttendanceRecord {
  return {
    rsvpId: rsvp.id,
    sessionId: rsvp.session_id,
    occurrenceDate: rsvp.occurrence_date,
    status: value?.arrivedAt ? 'present' : 'not-recorded',
    arrivedAt: value?.arrivedAt ?? null,
    leftAt: value?.leftAt ?? null,
    method: value?.arrivedAt ? value.method : null,
  };
}

/** The RSVP, if the token is its own; a wrong token is a 401 like cancelling. */
export async function ownRsvp(db: Queryable, rsvpId: string, token: string | undefined): Promise<RsvpRow> {
  if (!token) throw new ProblemError({ status: 401, code: 'unauthorized', detail: 'Send the token the RSVP returned.', headers: { 'www-authenticate': 'Bearer' } });
  const [rsvp] = await db.query<RsvpRow & Record<string, unknown>>('SELECT id, session_id, occurrence_date, status, token_hash, contact_sealed FROM rsvps WHERE id = $1', [rsvpId]);
  if (!rsvp) throw refusal(404, 'check-in-no-rsvp', 'There is no RSVP for this session on this device. Please RSVP first, or ask the facilitator to check you in.');
  if (!(await secretsEqual(await sha256Hex(token), rsvp.token_hash))) {
    throw new ProblemError({ status: 401, code: 'unauthorized', detail: 'This token does not match the RSVP.', headers: { 'www-authenticate': 'Bearer error="invalid_token"' } });
  }
  return rsvp;
}

export type CheckInOutcome = { record: AttendanceRecord } | { refused: ProblemError; reason: string };

/** A participant checks in with the code the facilitator shows. Never throws a refusal: it returns it, so the caller audits it. */
export async function checkIn(deps: AttendanceDeps, rsvp: RsvpRow, typedCode: string): Promise<CheckInOutcome> {
  if (rsvp.status === 'cancelled') {
    return { refused: refusal(409, 'check-in-no-rsvp', 'This RSVP was cancelled, so there is no RSVP to check in with. Please ask the facilitator.'), reason: 'no-rsvp' };
  }
  const info = await occurrenceInfo(deps.db, rsvp.session_id, rsvp.occurrence_date);
  const now = deps.now();
  const timing = info ? checkInTiming(info.window, now) : 'closed';
  if (timing !== 'open') {
    const detail =
      timing === 'too-early'
        ? 'Check-in opens 15 minutes before the session starts. Please try again then.'
        : 'Check-in for this session has closed. If you attended, please ask the facilitator to record it.';
    return { refused: refusal(422, 'check-in-outside-window', detail), reason: `outside-window:${timing}` };
  }
  const existing = await readAttendance(deps, rsvp.id);
  if (existing?.arrivedAt) {
    return { refused: refusal(409, 'check-in-already-done', 'You are already checked in to this session; each RSVP checks in once.'), reason: 'already-checked-in' };
  }
  const [failures] = await deps.db.query<{ failures: number }>('SELECT failures FROM attendance_code_failures WHERE rsvp_id = $1', [rsvp.id]);
  const code = normaliseCheckInCode(typedCode);
  const secret = await occurrenceSecret(deps, rsvp.session_id, rsvp.occurrence_date);
  if ((failures?.failures ?? 0) >= MAX_CODE_FAILURES || !code || !(await codeAccepted(secret, code, now))) {
    await deps.db.query(
      `INSERT INTO attendance_code_failures (rsvp_id, failures) VALUES ($1, 1) ON CONFLICT (rsvp_id) DO UPDATE SET failures = attendance_code_failures.failures + 1`,
      [rsvp.id],
    );
    return {
      refused: refusal(422, 'check-in-wrong-code', 'That code is not the one shown right now. Codes change every minute: please type the code on the screen again, or ask the facilitator.'),
      reason: 'wrong-code',
    };
  }
  const value: SealedAttendance = { arrivedAt: now.toISOString(), leftAt: null, method: 'code', markedBy: null };
  await writeAttendance(deps, rsvp, value);
  return { record: toRecord(rsvp, value) };
}

export async function attendanceOf(deps: AttendanceDeps, rsvp: RsvpRow): Promise<AttendanceRecord> {
  return toRecord(rsvp, await readAttendance(deps, rsvp.id));
}

/** The code to show now for an occurrence (the facilitator's screen). */
export async function codeToShow(deps: AttendanceDeps, sessionId: string, date: string): Promise<CheckInCode> {
  const info = await occurrenceInfo(deps.db, sessionId, date);
  if (!info) throw notFound('The session does not meet on this date.');
  const now = deps.now();
  const secret = await occurrenceSecret(deps, sessionId, date);
  return {
    code: await currentCode(secret, now),
    expiresAt: stepEndsAt(codeStep(now)).toISOString(),
    stepSeconds: CODE_STEP_SECONDS,
    opensAt: info.window.opensAt.toISOString(),
    closesAt: info.window.closesAt.toISOString(),
  };
}

export async function roster(deps: AttendanceDeps, sessionId: string, date: string): Promise<Roster> {
  const info = await occurrenceInfo(deps.db, sessionId, date);
  if (!info) throw notFound('The session does not meet on this date.');
  const rsvps = await deps.db.query<RsvpRow & Record<string, unknown>>(
    `SELECT id, session_id, occurrence_date, status, token_hash, contact_sealed FROM rsvps
      WHERE session_id = $1 AND occurrence_date = $2 AND status <> 'cancelled' ORDER BY arrival`,
    [sessionId, date],
  );
  const entries = await Promise.all(
    rsvps.map(async (rsvp) => {
      const contact = JSON.parse(await deps.cipher.open(rsvp.contact_sealed, `rsvps:${rsvp.id}`)) as { name: string };
      return { ...toRecord(rsvp, await readAttendance(deps, rsvp.id)), name: contact.name, rsvpStatus: rsvp.status as 'confirmed' | 'waitlisted' };
    }),
  );
  return { sessionId, occurrenceDate: date, title: info.title, entries };
}

/** The facilitator marks arrival, leaving, or takes a mark back; times are the moment of marking. */
export async function markAttendance(deps: AttendanceDeps, sessionId: string, mark: AttendanceMark, markedBy: string): Promise<AttendanceRecord> {
  const [rsvp] = await deps.db.query<RsvpRow & Record<string, unknown>>(
    `SELECT id, session_id, occurrence_date, status, token_hash, contact_sealed FROM rsvps WHERE id = $1 AND session_id = $2 AND occurrence_date = $3 AND status <> 'cancelled'`,
    [mark.rsvpId, sessionId, mark.date],
  );
  if (!rsvp) throw notFound('There is no such RSVP for this session on this date.');
  const now = deps.now().toISOString();
  const before = await readAttendance(deps, rsvp.id);
  let value: SealedAttendance;
  if (mark.mark === 'arrived') value = { arrivedAt: before?.arrivedAt ?? now, leftAt: null, method: before?.arrivedAt ? before.method : 'facilitator', markedBy };
  else if (mark.mark === 'left') value = { arrivedAt: before?.arrivedAt ?? now, leftAt: now, method: before?.arrivedAt ? before.method : 'facilitator', markedBy };
  else value = { arrivedAt: null, leftAt: null, method: 'facilitator', markedBy };
  await writeAttendance(deps, rsvp, value);
  return toRecord(rsvp, value);
}
