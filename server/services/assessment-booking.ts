/**
 * Assessment slots, holds and bookings. "Booked once" rests on the unique index on
 * bookings.slot_id; holds and the checks here only make the common path polite.
 */
import { AssessmentSlotList } from '../../src/api/schemas.js';
import type { AssessmentSlot, AssessmentSlotQuery, Booking, BookingRequest, Hold, HoldRequest } from '../../src/api/schemas.js';
import type { Queryable } from '../db/database.js';
import {
  alternativesSearchRange,
  findSlot,
  generateSlots,
  nearestSlots,
  slotLeadsToTrack,
  type Availability,
  type AvailabilityWindow,
  type DateException,
  type GeneratedSlot,
} from '../domain/assessment-slots.js';
import { addDays, daysBetween } from '../../src/domain/zoned-time.js';
import { markContractChecked } from '../http/endpoint-route.js';
import { invalidField, notFound, ProblemError } from '../http/problem.js';
import { newReferenceCode } from '../../src/domain/reference-code.js';
import { newRecordId, newToken, sha256Hex } from '../security/secrets.js';
import { centerToday, loadCenter } from './center-catalog.js';
import type { ServiceDeps } from './service-deps.js';

const MAX_RANGE_DAYS = 92;
const ALTERNATIVES = 3;
const ALTERNATIVES_SEARCH_DAYS = 7;

/** The weekly windows and the date overrides (holidays, extra hours). */
export async function loadAvailability(db: Queryable): Promise<Availability> {
  const [windows, overrides] = await Promise.all([
    loadWindows(db),
    db.query<{ date: string; closed: boolean; extra_hours: DateException['extraHours'] }>('SELECT date, closed, extra_hours FROM assessment_overrides ORDER BY date'),
  ]);
  return { windows, overrides: overrides.map((row) => ({ date: row.date, closed: row.closed, extraHours: row.extra_hours })) };
}

/** The center's minimum notice and booking horizon; null columns keep the server's defaults. */
export interface SlotRules {
  readonly minimumNoticeMinutes: number;
  /** The last date (center's zone) that may be booked; null: no limit. */
  readonly lastBookableDate: string | null;
}

export async function loadSlotRules(deps: ServiceDeps, timeZone: string): Promise<SlotRules> {
  const [row] = await deps.db.query<{ minimum_notice_minutes: number | null; booking_horizon_days: number | null }>(
    'SELECT minimum_notice_minutes, booking_horizon_days FROM center WHERE id = 1',
  );
  const horizon = row?.booking_horizon_days ?? null;
  return {
    minimumNoticeMinutes: row?.minimum_notice_minutes ?? deps.rules.minimumNoticeMinutes,
    lastBookableDate: horizon === null ? null : addDays(centerToday({ timeZone }, deps.now()), horizon),
  };
}

async function loadWindows(db: Queryable): Promise<AvailabilityWindow[]> {
  const rows = await db.query<{ id: string; weekday: number; start_time: string; end_time: string; mode: AvailabilityWindow['mode']; slot_minutes: number; track_ids: string[] }>(
    'SELECT id, weekday, start_time, end_time, mode, slot_minutes, track_ids FROM assessment_windows ORDER BY id',
  );
  return rows.map((row) => ({
    id: row.id,
    day: row.weekday,
    start: row.start_time,
    end: row.end_time,
    mode: row.mode,
    slotMinutes: row.slot_minutes,
    trackIds: row.track_ids,
  }));
}

function toWire(slot: GeneratedSlot): AssessmentSlot {
  return { id: slot.id, start: slot.start.toISOString(), end: slot.end.toISOString(), mode: slot.mode, trackIds: [...slot.trackIds] };
}

export function bookable(now: Date, rules: SlotRules, slot: GeneratedSlot): boolean {
  return slot.start.getTime() >= now.getTime() + rules.minimumNoticeMinutes * 60_000 && (rules.lastBookableDate === null || slot.date <= rules.lastBookableDate);
}

/** Slots not booked, not held by anyone, far enough ahead and within the booking horizon. */
async function freeAmong(deps: ServiceDeps, slots: GeneratedSlot[], rules: SlotRules): Promise<GeneratedSlot[]> {
  const first = slots[0];
  const last = slots[slots.length - 1];
  if (!first || !last) return [];
  const [booked, held] = await Promise.all([
    deps.db.query<{ slot_id: string }>('SELECT slot_id FROM bookings WHERE start_at >= $1 AND start_at <= $2', [first.start, last.start]),
    deps.db.query<{ slot_id: string }>('SELECT slot_id FROM slot_holds WHERE expires_at > $1', [deps.now()]),
  ]);
  const taken = new Set([...booked, ...held].map((row) => row.slot_id));
  const now = deps.now();
  return slots.filter((slot) => !taken.has(slot.id) && bookable(now, rules, slot));
}

interface CheckedSlot {
  readonly slot: GeneratedSlot;
  readonly wire: AssessmentSlot;
}

/**
 * Generated slots by availability, range and zone, in wire form and parsed through the contract
 * once: every visitor of the same weeks asks for the same list, and only bookings and holds differ.
 */
const generatedSlots = new Map<string, readonly CheckedSlot[]>();
const GENERATED_SLOTS_KEPT = 32;

function checkedSlots(availability: Availability, from: string, to: string, timeZone: string): readonly CheckedSlot[] {
  const key = JSON.stringify([from, to, timeZone, availability]);
  const cached = generatedSlots.get(key);
  if (cached) {
    // Re-inserted: the map's order is then least recently used first.
    generatedSlots.delete(key);
    generatedSlots.set(key, cached);
    return cached;
  }
  const slots = generateSlots(availability, from, to, timeZone);
  const wire = AssessmentSlotList.parse({ timeZone, slots: slots.map(toWire) }).slots;
  const checked = slots.map((slot, i) => ({ slot, wire: wire[i]! }));
  generatedSlots.set(key, checked);
  if (generatedSlots.size > GENERATED_SLOTS_KEPT) generatedSlots.delete(generatedSlots.keys().next().value!);
  return checked;
}

export async function listAssessmentSlots(deps: ServiceDeps, query: AssessmentSlotQuery): Promise<AssessmentSlotList> {
  const span = daysBetween(query.from, query.to);
  if (span < 0) throw invalidField('/to', 'The end date must not be before the start date.');
  if (span >= MAX_RANGE_DAYS) throw invalidField('/to', `Ask for at most ${MAX_RANGE_DAYS} days at a time.`);
  const center = await loadCenter(deps.db);
  const trackId = query.trackId;
  const candidates = checkedSlots(await loadAvailability(deps.db), query.from, query.to, center.timeZone).filter(
    ({ slot }) => trackId === undefined || slotLeadsToTrack(slot, trackId),
  );
  const free = new Set(await freeAmong(deps, candidates.map(({ slot }) => slot), await loadSlotRules(deps, center.timeZone)));
  // Every slot was parsed through the contract when generated, and the zone with them.
  return markContractChecked({ timeZone: center.timeZone, slots: candidates.filter(({ slot }) => free.has(slot)).map(({ wire }) => wire) });
}

async function slotTaken(deps: ServiceDeps, slot: GeneratedSlot, code: 'slot-taken' | 'hold-expired', availability: Availability, timeZone: string, rules: SlotRules): Promise<ProblemError> {
  const range = alternativesSearchRange(slot, ALTERNATIVES_SEARCH_DAYS);
  const free = await freeAmong(deps, generateSlots(availability, range.from, range.to, timeZone), rules);
  return new ProblemError({
    status: 409,
    code,
    detail: code === 'hold-expired' ? 'Your hold on this time ran out and someone else has it now.' : 'That time was just taken.',
    extensions: { alternatives: nearestSlots(free, slot, ALTERNATIVES).map(toWire) },
  });
}

export async function holdAssessmentSlot(deps: ServiceDeps, slotId: string, request: HoldRequest): Promise<Hold> {
  const center = await loadCenter(deps.db);
  const windows = await loadAvailability(deps.db);
  const rules = await loadSlotRules(deps, center.timeZone);
  const slot = findSlot(windows, slotId, center.timeZone);
  if (!slot) throw notFound('This time is not offered.');
  if (!bookable(deps.now(), rules, slot)) throw await slotTaken(deps, slot, 'slot-taken', windows, center.timeZone, rules);

  const now = deps.now();
  const expiresAt = new Date(now.getTime() + deps.rules.holdMinutes * 60_000);
  // Re-sending a lapsed token while the slot is still free simply renews it.
  const token = request.holdToken ?? newToken();
  const tokenHash = await sha256Hex(token);
  const holdId = await deps.db.transaction(async (tx) => {
    if ((await tx.query('SELECT 1 FROM bookings WHERE slot_id = $1', [slot.id])).length > 0) return null;
    await tx.query('DELETE FROM slot_holds WHERE slot_id = $1 AND expires_at <= $2', [slot.id, now]);
    const extended = await tx.query<{ id: string }>('UPDATE slot_holds SET expires_at = $3 WHERE slot_id = $1 AND token_hash = $2 RETURNING id', [slot.id, tokenHash, expiresAt]);
    if (extended[0]) return extended[0].id;
    const created = await tx.query<{ id: string }>(
      'INSERT INTO slot_holds (slot_id, id, token_hash, expires_at) VALUES ($1, $2, $3, $4) ON CONFLICT (slot_id) DO NOTHING RETURNING id',
      [slot.id, newRecordId(), tokenHash, expiresAt],
    );
    return created[0]?.id ?? null;
  });
  if (holdId === null) throw await slotTaken(deps, slot, 'slot-taken', windows, center.timeZone, rules);
  return { id: holdId, slotId: slot.id, token, expiresAt: expiresAt.toISOString() };
}

type BookingOutcome = { kind: 'booked'; id: string } | { kind: 'slot-taken' } | { kind: 'hold-expired' } | { kind: 'track-full' };

export async function createBooking(deps: ServiceDeps, request: BookingRequest): Promise<Booking> {
  const center = await loadCenter(deps.db);
  const windows = await loadAvailability(deps.db);
  const rules = await loadSlotRules(deps, center.timeZone);
  const slot = findSlot(windows, request.slotId, center.timeZone);
  if (!slot) throw invalidField('/slotId', 'This time is not offered.');
  if (request.trackId !== undefined) {
    const track = await deps.db.query('SELECT 1 FROM tracks WHERE id = $1', [request.trackId]);
    if (track.length === 0) throw invalidField('/trackId', 'This track does not exist.');
    if (!slotLeadsToTrack(slot, request.trackId)) throw invalidField('/trackId', 'This time is not for assessments for this track.');
  }
  if (!bookable(deps.now(), rules, slot)) throw await slotTaken(deps, slot, 'slot-taken', windows, center.timeZone, rules);

  const now = deps.now();
  const id = newRecordId();
  const reference = newReferenceCode();
  const sealedContact = await deps.cipher.seal(
    JSON.stringify({ contact: request.contact, locale: request.locale, visitorTimeZone: request.visitorTimeZone ?? null }),
    `bookings:${id}`,
  );
  const tokenHash = request.holdToken ? await sha256Hex(request.holdToken) : null;

  const outcome = await deps.db.transaction(async (tx): Promise<BookingOutcome> => {
    if (request.trackId !== undefined) {
      const [track] = await tx.query<{ seat_capacity: number | null }>('SELECT seat_capacity FROM tracks WHERE id = $1 FOR UPDATE', [request.trackId]);
      if (track && track.seat_capacity !== null) {
        const [held] = await tx.query<{ seats: number }>('SELECT count(*)::int AS seats FROM bookings WHERE track_id = $1 AND handled_at IS NULL', [request.trackId]);
        if ((held?.seats ?? 0) >= track.seat_capacity) return { kind: 'track-full' };
      }
    }
    const [hold] = await tx.query<{ token_hash: string; expires_at: Date }>('SELECT token_hash, expires_at FROM slot_holds WHERE slot_id = $1 FOR UPDATE', [slot.id]);
    if (hold && hold.expires_at.getTime() > now.getTime() && hold.token_hash !== tokenHash) {
      return { kind: tokenHash ? 'hold-expired' : 'slot-taken' };
    }
    const inserted = await tx.query<{ id: string }>(
      `INSERT INTO bookings (id, slot_id, start_at, end_at, mode, track_id, contact_sealed, created_at, reference)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (slot_id) DO NOTHING RETURNING id`,
      [id, slot.id, slot.start, slot.end, slot.mode, request.trackId ?? null, sealedContact, now, reference],
    );
    if (inserted.length === 0) return { kind: 'slot-taken' };
    await tx.query('DELETE FROM slot_holds WHERE slot_id = $1', [slot.id]);
    await deps.notifier.notify({ type: 'booking.created', id }, tx);
    return { kind: 'booked', id };
  });

  switch (outcome.kind) {
    case 'track-full':
      throw new ProblemError({ status: 409, code: 'track-full', detail: 'This track has no seats left for new admissions.' });
    case 'slot-taken':
    case 'hold-expired':
      throw await slotTaken(deps, slot, outcome.kind, windows, center.timeZone, rules);
    case 'booked':
      return {
        id: outcome.id,
        reference,
        status: 'confirmed',
        slotId: slot.id,
        start: slot.start.toISOString(),
        end: slot.end.toISOString(),
        mode: slot.mode,
        timeZone: center.timeZone,
      };
  }
}
