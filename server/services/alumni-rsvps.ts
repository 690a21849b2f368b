/** Alumni sessions with per-occurrence counts, RSVPs with capacity and a waitlist, and cancel by token. */
import type { AlumniSession, AlumniSessionList, AlumniSessionQuery, Rsvp, RsvpRequest } from '../../src/api/schemas.js';
import type { Queryable } from '../db/database.js';
import { decideSeat, promotable } from '../domain/rsvp-capacity.js';
import { occursOn, ruleDatesBetween } from '../../src/domain/session-recurrence.js';
import { daysBetween, wallTimeToInstant } from '../../src/domain/zoned-time.js';
import { invalidField, notFound, ProblemError } from '../http/problem.js';
import { newRecordId, newToken, secretsEqual, sha256Hex } from '../security/secrets.js';
import { loadCenter } from './center-catalog.js';
import type { ServiceDeps } from './service-deps.js';

const MAX_RANGE_DAYS = 400;

type SessionDetails = Omit<AlumniSession, 'id' | 'timeZone' | 'counts' | 'capacity'>;

interface SessionRow {
  id: string;
  details: SessionDetails;
  capacity: number | null;
  join_url: string | null;
}

async function loadSessions(db: Queryable, id?: string): Promise<SessionRow[]> {
  const columns = 'SELECT id, details, capacity, join_url FROM alumni_sessions';
  return id === undefined
    ? db.query<SessionRow & Record<string, unknown>>(`${columns} ORDER BY sort_order`)
    : db.query<SessionRow & Record<string, unknown>>(`${columns} WHERE id = $1`, [id]);
}

export async function listAlumniSessions(deps: ServiceDeps, query: AlumniSessionQuery): Promise<AlumniSessionList> {
  const span = daysBetween(query.from, query.to);
  if (span < 0) throw invalidField('/to', 'The end date must not be before the start date.');
  if (span >= MAX_RANGE_DAYS) throw invalidField('/to', `Ask for at most ${MAX_RANGE_DAYS} days at a time.`);
  const center = await loadCenter(deps.db);
  const counts = await deps.db.query<{ session_id: string; occurrence_date: string; confirmed: number; waitlisted: number }>(
    `SELECT session_id, occurrence_date,
            coalesce(sum(seats) FILTER (WHERE status = 'confirmed'), 0)::int AS confirmed,
            coalesce(sum(seats) FILTER (WHERE status = 'waitlisted'), 0)::int AS waitlisted
       FROM rsvps
      WHERE occurrence_date >= $1 AND occurrence_date <= $2 AND status <> 'cancelled'
      GROUP BY session_id, occurrence_date ORDER BY occurrence_date`,
    [query.from, query.to],
  );
  const sessions = (await loadSessions(deps.db))
    .filter((row) => ruleDatesBetween(row.details.recurrence, query.from, query.to).some((date) => !row.details.exceptions.includes(date)))
    .map(
      (row): AlumniSession => ({
        ...row.details,
        id: row.id,
        timeZone: center.timeZone,
        capacity: row.capacity,
        counts: counts
          .filter((count) => count.session_id === row.id)
          .map((count) => ({ date: count.occurrence_date, confirmed: count.confirmed, waitlisted: count.waitlisted })),
      }),
    );
  return { timeZone: center.timeZone, sessions };
}

export async function createRsvp(deps: ServiceDeps, sessionId: string, request: RsvpRequest): Promise<Rsvp> {
  const [session] = await loadSessions(deps.db, sessionId);
  if (!session) throw notFound('There is no such session.');
  const { recurrence, exceptions, durationMinutes, format } = session.details;
  if (!occursOn(recurrence, exceptions, request.occurrenceDate)) throw invalidField('/occurrenceDate', 'The session does not meet on this date.');
  const center = await loadCenter(deps.db);
  const start = wallTimeToInstant(request.occurrenceDate, recurrence.start, center.timeZone, 'shift-forward');
  const now = deps.now();
  if (!start || start.getTime() + durationMinutes * 60_000 <= now.getTime()) {
    throw invalidField('/occurrenceDate', 'This session has already taken place.');
  }

  const id = newRecordId();
  const token = newToken();
  const seats = 1 + request.familyMembers;
  const contactSealed = await deps.cipher.seal(JSON.stringify(request), `rsvps:${id}`);
  const tokenHash = await sha256Hex(token);
  const decision = await deps.db.transaction(async (tx) => {
    // Serialises RSVPs to one session so two cannot both take the last seat.
    const [locked] = await tx.query<{ capacity: number | null }>('SELECT capacity FROM alumni_sessions WHERE id = $1 FOR UPDATE', [sessionId]);
    const [load] = await tx.query<{ confirmed: number; waitlisted: number }>(
      `SELECT coalesce(sum(seats) FILTER (WHERE status = 'confirmed'), 0)::int AS confirmed,
              count(*) FILTER (WHERE status = 'waitlisted')::int AS waitlisted
         FROM rsvps WHERE session_id = $1 AND occurrence_date = $2`,
      [sessionId, request.occurrenceDate],
    );
    const seat = decideSeat({ capacity: locked?.capacity ?? null, confirmedSeats: load?.confirmed ?? 0, waitlisted: load?.waitlisted ?? 0 }, seats);
    await tx.query(
      `INSERT INTO rsvps (id, session_id, occurrence_date, seats, status, contact_sealed, token_hash, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [id, sessionId, request.occurrenceDate, seats, seat.status, contactSealed, tokenHash, now],
    );
    await deps.notifier.notify({ type: 'rsvp.created', id }, tx);
    return seat;
  });
  const revealLink = decision.status === 'confirmed' && format !== 'in-person' && session.join_url !== null;
  return {
    id,
    sessionId,
    occurrenceDate: request.occurrenceDate,
    status: decision.status,
    ...(decision.status === 'waitlisted' ? { waitlistPosition: decision.position } : {}),
    token,
    ...(revealLink && session.join_url ? { joinUrl: session.join_url } : {}),
  };
}

/** Cancelling twice is fine (DELETE is idempotent); a freed place goes to the waitlist in order. */
export async function cancelRsvp(deps: ServiceDeps, id: string, bearerToken: string | undefined): Promise<void> {
  if (!bearerToken) throw new ProblemError({ status: 401, code: 'unauthorized', detail: 'Send the token the RSVP returned.', headers: { 'www-authenticate': 'Bearer' } });
  const [rsvp] = await deps.db.query<{ session_id: string; occurrence_date: string; token_hash: string }>(
    'SELECT session_id, occurrence_date, token_hash FROM rsvps WHERE id = $1',
    [id],
  );
  if (!rsvp) throw notFound('There is no such RSVP.');
  if (!(await secretsEqual(await sha256Hex(bearerToken), rsvp.token_hash))) {
    throw new ProblemError({ status: 401, code: 'unauthorized', detail: 'This token does not match the RSVP.', headers: { 'www-authenticate': 'Bearer error="invalid_token"' } });
  }
  await deps.db.transaction(async (tx) => {
    const [session] = await tx.query<{ capacity: number | null }>('SELECT capacity FROM alumni_sessions WHERE id = $1 FOR UPDATE', [rsvp.session_id]);
    const cancelled = await tx.query(
      `UPDATE rsvps SET status = 'cancelled', cancelled_at = $2 WHERE id = $1 AND status <> 'cancelled' RETURNING id`,
      [id, deps.now()],
    );
    if (cancelled.length === 0) return;
    const [load] = await tx.query<{ confirmed: number }>(
      `SELECT coalesce(sum(seats), 0)::int AS confirmed FROM rsvps WHERE session_id = $1 AND occurrence_date = $2 AND status = 'confirmed'`,
      [rsvp.session_id, rsvp.occurrence_date],
    );
    const queue = await tx.query<{ id: string; seats: number }>(
      `SELECT id, seats FROM rsvps WHERE session_id = $1 AND occurrence_date = $2 AND status = 'waitlisted' ORDER BY arrival`,
      [rsvp.session_id, rsvp.occurrence_date],
    );
    for (const promotedId of promotable(session?.capacity ?? null, load?.confirmed ?? 0, queue)) {
      await tx.query(`UPDATE rsvps SET status = 'confirmed' WHERE id = $1`, [promotedId]);
    }
  });
}
