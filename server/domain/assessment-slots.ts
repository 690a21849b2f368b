/**
 * Assessment slots, generated from the center's weekly availability in its own time zone.
 *
 * Slots are not stored: a slot id names its availability window, date and wall time, so any id can
 * be checked by generating that one day again. Bookings and holds reference these ids.
 */
import { addDays, datesFrom, minutesOfDay, steadyOffsetMsOn, timeFromMinutes, wallTimeToInstant, weekdayOf } from '../../src/domain/zoned-time.js';

export type AssessmentMode = 'phone' | 'video' | 'in-person';

export interface AvailabilityWindow {
  /** Letters, digits and dashes only: it is part of slot ids. */
  readonly id: string;
  /** Sunday = 0. */
  readonly day: number;
  /** Wall times in the center's zone; the last slot ends at or before `end`. */
  readonly start: string;
  readonly end: string;
  readonly mode: AssessmentMode;
  readonly slotMinutes: number;
  /** Tracks an assessment in this window can lead to; empty means any. */
  readonly trackIds: readonly string[];
}

/** Extra hours on one date: a window without a weekday. */
export type ExtraHoursWindow = Omit<AvailabilityWindow, 'day'>;

/** One date that differs from the weekly windows: closed (a holiday) and/or extra hours. */
export interface DateException {
  readonly date: string;
  readonly closed: boolean;
  readonly extraHours: readonly ExtraHoursWindow[];
}

/** The weekly windows and the dates that differ from them. */
export interface Availability {
  readonly windows: readonly AvailabilityWindow[];
  readonly overrides: readonly DateException[];
}

/** The windows that apply on one date: the weekly ones unless the date is closed, plus its extra hours. */
export function windowsOnDate(availability: Availability, date: string): AvailabilityWindow[] {
  const day = weekdayOf(date);
  const override = availability.overrides.find((o) => o.date === date);
  const weekly = override?.closed ? [] : availability.windows.filter((w) => w.day === day);
  return [...weekly, ...(override?.extraHours ?? []).map((extra) => ({ ...extra, day }))];
}

export interface GeneratedSlot {
  readonly id: string;
  readonly windowId: string;
  /** The wall date and time in the center's zone. */
  readonly date: string;
  readonly time: string;
  readonly start: Date;
  readonly end: Date;
  readonly mode: AssessmentMode;
  readonly trackIds: readonly string[];
}

export function slotId(windowId: string, date: string, time: string): string {
  return `${windowId}_${date.replaceAll('-', '')}_${time.replace(':', '')}`;
}

export function parseSlotId(id: string): { windowId: string; date: string; time: string } | null {
  const match = /^([A-Za-z0-9-]{1,40})_(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})$/.exec(id);
  if (!match) return null;
  const [, windowId = '', y, mo, d, h, mi] = match;
  return { windowId, date: `${y}-${mo}-${d}`, time: `${h}:${mi}` };
}

function slotsOfWindowOnDate(window: AvailabilityWindow, date: string, timeZone: string): GeneratedSlot[] {
  const slots: GeneratedSlot[] = [];
  const last = minutesOfDay(window.end) - window.slotMinutes;
  // Most days the zone's offset is the same all day: one lookup for the day, arithmetic per slot.
  const steadyOffsetMs = steadyOffsetMsOn(date, timeZone);
  const midnightWallMs = Date.parse(`${date}T00:00:00Z`);
  const compactDate = date.replaceAll('-', '');
  for (let minutes = minutesOfDay(window.start); minutes <= last; minutes += window.slotMinutes) {
    const time = timeFromMinutes(minutes);
    // A wall time inside a spring-forward gap does not exist that day: no slot, rather than a
    // shifted one that would collide with the next slot.
    const start =
      steadyOffsetMs === undefined ? wallTimeToInstant(date, time, timeZone, 'reject') : new Date(midnightWallMs + minutes * 60_000 - steadyOffsetMs);
    if (!start) continue;
    slots.push({
      id: `${window.id}_${compactDate}_${time.slice(0, 2)}${time.slice(3)}`,
      windowId: window.id,
      date,
      time,
      start,
      end: new Date(start.getTime() + window.slotMinutes * 60_000),
      mode: window.mode,
      trackIds: window.trackIds,
    });
  }
  return slots;
}

const asAvailability = (source: readonly AvailabilityWindow[] | Availability): Availability =>
  'windows' in source ? source : { windows: source, overrides: [] };

/**
 * Every slot whose wall date lies between `from` and `to` (inclusive), in start order. A closed
 * date offers only its extra hours; an extra window may overlap a weekly one (both are offered).
 */
export function generateSlots(source: readonly AvailabilityWindow[] | Availability, from: string, to: string, timeZone: string): GeneratedSlot[] {
  const availability = asAvailability(source);
  const slots: GeneratedSlot[] = [];
  for (const date of datesFrom(from, to)) {
    for (const window of windowsOnDate(availability, date)) slots.push(...slotsOfWindowOnDate(window, date, timeZone));
  }
  return slots.sort((a, b) => a.start.getTime() - b.start.getTime() || (a.mode < b.mode ? -1 : a.mode > b.mode ? 1 : 0));
}

/** The slot an id names, or null when no availability window produces it (a holiday closes its date). */
export function findSlot(source: readonly AvailabilityWindow[] | Availability, id: string, timeZone: string): GeneratedSlot | null {
  const parsed = parseSlotId(id);
  if (!parsed) return null;
  const window = windowsOnDate(asAvailability(source), parsed.date).find((w) => w.id === parsed.windowId);
  if (!window) return null;
  return slotsOfWindowOnDate(window, parsed.date, timeZone).find((slot) => slot.id === id) ?? null;
}

export function slotLeadsToTrack(slot: GeneratedSlot, trackId: string): boolean {
  return slot.trackIds.length === 0 || slot.trackIds.includes(trackId);
}

/**
 * The free slots closest in time to `target`, offered when it was just taken: same mode first
 * on equal distance, then returned in start order.
 */
export function nearestSlots(free: readonly GeneratedSlot[], target: GeneratedSlot, count: number): GeneratedSlot[] {
  const distance = (slot: GeneratedSlot) => Math.abs(slot.start.getTime() - target.start.getTime());
  return free
    .filter((slot) => slot.id !== target.id)
    .sort((a, b) => distance(a) - distance(b) || Number(b.mode === target.mode) - Number(a.mode === target.mode))
    .slice(0, count)
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** The dates around a slot to search for alternatives in. */
export function alternativesSearchRange(slot: GeneratedSlot, days: number): { from: string; to: string } {
  return { from: addDays(slot.date, -days), to: addDays(slot.date, days) };
}
