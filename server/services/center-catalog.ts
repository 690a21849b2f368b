/** The center, its programs and tracks, and its payer contract list. */
import type { Center, Payer, Program, ProgramList, Track } from '../../src/api/schemas.js';
import type { Queryable } from '../db/database.js';
import { addDays, instantToWallClock, weekdayOf } from '../../src/domain/zoned-time.js';
import { ProblemError } from '../http/problem.js';
import type { ServiceDeps } from './service-deps.js';

/** How many upcoming cohort start dates a track lists. */
const START_DATES_LISTED = 4;

interface CenterRow {
  name: string;
  phone: string;
  time_zone: string;
  calendar_title: string | null;
  self_pay: Center['selfPay'] | null;
}

export async function loadCenter(db: Queryable): Promise<Center> {
  const [row] = await db.query<CenterRow & Record<string, unknown>>('SELECT name, phone, time_zone, calendar_title, self_pay FROM center WHERE id = 1');
  if (!row) throw centerNotConfigured();
  return {
    name: row.name,
    phone: row.phone,
    timeZone: row.time_zone,
    ...(row.calendar_title ? { calendarTitle: row.calendar_title } : {}),
    ...(row.self_pay ? { selfPay: row.self_pay } : {}),
  };
}

/** A production database before first-run setup: the widgets say the center is not ready, staff see why. */
export const centerNotConfigured = (): ProblemError =>
  new ProblemError({
    status: 503,
    code: 'center-not-configured',
    detail: 'This center has not finished setting up yet. An administrator completes the first-run setup in the center console.',
    headers: { 'retry-after': '300' },
  });

/** The center's "today", which is what calendar rules are relative to. */
export function centerToday(center: { readonly timeZone: string }, now: Date): string {
  return instantToWallClock(now, center.timeZone).date;
}

function nextWeekdays(from: string, weekday: number, count: number): string[] {
  const first = addDays(from, (weekday - weekdayOf(from) + 7) % 7);
  return Array.from({ length: count }, (_, i) => addDays(first, i * 7));
}

type TrackDetails = Omit<Track, 'id' | 'timeZone' | 'startDates' | 'seatsLeft'>;

export async function listPrograms(deps: ServiceDeps): Promise<ProgramList> {
  const center = await loadCenter(deps.db);
  const today = centerToday(center, deps.now());
  const programs = await deps.db.query<{ id: string; kind: 'iop' | 'family' | 'alumni'; name: string; description: string | null; translations: Program['translations'] | null }>(
    'SELECT id, kind, name, description, translations FROM programs ORDER BY sort_order',
  );
  const tracks = await deps.db.query<{
    id: string;
    program_id: string;
    details: TrackDetails;
    start_weekday: number;
    seat_capacity: number | null;
    seats_held: number;
  }>(
    `SELECT t.id, t.program_id, t.details, t.start_weekday, t.seat_capacity,
            (SELECT count(*)::int FROM bookings b WHERE b.track_id = t.id AND b.handled_at IS NULL) AS seats_held
       FROM tracks t ORDER BY t.sort_order`,
  );
  return {
    center,
    programs: programs.map((program) => ({
      id: program.id,
      name: program.name,
      kind: program.kind,
      ...(program.description ? { description: program.description } : {}),
      ...(program.translations ? { translations: program.translations } : {}),
      tracks: tracks
        .filter((track) => track.program_id === program.id)
        .map((track) => ({
          ...track.details,
          id: track.id,
          timeZone: center.timeZone,
          // Tomorrow at the earliest: nobody starts a program the day they find it.
          startDates: nextWeekdays(addDays(today, 1), track.start_weekday, START_DATES_LISTED),
          seatsLeft: track.seat_capacity === null ? null : Math.max(0, track.seat_capacity - track.seats_held),
        })),
    })),
  };
}

interface PayerRow {
  id: string;
  name: string;
  aliases: string[];
  member_id_rule: Payer['memberIdRule'];
  in_network: boolean | null;
}

export function payerFromRow(row: PayerRow): Payer {
  return { id: row.id, name: row.name, aliases: row.aliases, memberIdRule: row.member_id_rule, inNetwork: row.in_network };
}

export async function findPayer(db: Queryable, id: string): Promise<Payer | null> {
  const [row] = await db.query<PayerRow & Record<string, unknown>>('SELECT id, name, aliases, member_id_rule, in_network FROM payers WHERE id = $1', [id]);
  return row ? payerFromRow(row) : null;
}

/** Case-insensitive match on the name or any alias; the list is small enough to filter here. */
export async function listPayers(deps: ServiceDeps, q: string | undefined): Promise<{ payers: Payer[] }> {
  await loadCenter(deps.db);
  // Sorted here, not in SQL, so the order does not depend on the database's collation.
  const rows = await deps.db.query<PayerRow & Record<string, unknown>>('SELECT id, name, aliases, member_id_rule, in_network FROM payers');
  rows.sort((a, b) => a.name.localeCompare(b.name, 'en'));
  const needle = q?.trim().toLowerCase() ?? '';
  const payers = rows.map(payerFromRow).filter((payer) => !needle || [payer.name, ...payer.aliases].some((name) => name.toLowerCase().includes(needle)));
  return { payers };
}
