/**
 * Assessment slots laid out as a person reads a calendar: grouped by the local day in a chosen
 * zone (the center's, or the visitor's), in week or month grids, moved through with the keys of the
 * ARIA date-picker pattern, and the nearest free times when the one they wanted was just taken.
 * Slots are instants on the wire; the day a slot belongs to depends on the zone, never on the device.
 */
import { addDays, daysInMonth, instantToWallClock, weekdayOf } from './zoned-time.js';

export interface CalendarSlot {
  readonly id: string;
  /** ISO instant. */
  readonly start: string;
  readonly mode: string;
  readonly trackIds: readonly string[];
}

export type CalendarView = 'week' | 'month';

/** Slots by their local `YYYY-MM-DD` in `timeZone`, each day in start order. */
export function groupSlotsByDay<S extends CalendarSlot>(slots: readonly S[], timeZone: string): Map<string, S[]> {
  const days = new Map<string, S[]>();
  const sorted = [...slots].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  for (const slot of sorted) {
    const { date } = instantToWallClock(new Date(slot.start), timeZone);
    const day = days.get(date);
    if (day) day.push(slot);
    else days.set(date, [slot]);
  }
  return days;
}

/** Slots by local day, each day worked out when first asked for. */
export interface SlotDays<S> {
  /** The slots on `date` (`YYYY-MM-DD` in the zone), in start order; empty when none. */
  on(date: string): readonly S[];
  /** The first day holding a slot on or after `date` (strictly after, with `after`); undefined when none. */
  firstFrom(date: string, after?: boolean): string | undefined;
}

const MS_PER_DAY = 86_400_000;

/**
 * The same answers as groupSlotsByDay, worked out only for the days asked about: a calendar shows
 * one week or month of 90 days, and finding a slot's local day is an Intl call per slot.
 * No zone is a day or more from UTC, so a slot on a local date starts within a day either side of
 * that date's UTC span; binary search over start instants finds those candidates.
 */
export function indexSlotsByDay<S extends CalendarSlot>(slots: readonly S[], timeZone: string): SlotDays<S> {
  const sorted = slots.map((slot) => ({ slot, at: Date.parse(slot.start) })).sort((a, b) => a.at - b.at);
  const dates: (string | undefined)[] = [];
  const days = new Map<string, S[]>();
  const dateAt = (i: number): string => (dates[i] ??= instantToWallClock(new Date(sorted[i]!.at), timeZone).date);
  const firstAtOrAfter = (ms: number): number => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (sorted[mid]!.at < ms) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  const utcStartOf = (date: string) => Date.parse(`${date}T00:00:00Z`);
  return {
    on(date) {
      let day = days.get(date);
      if (!day) {
        day = [];
        const until = utcStartOf(date) + 2 * MS_PER_DAY;
        for (let i = firstAtOrAfter(utcStartOf(date) - MS_PER_DAY); i < sorted.length && sorted[i]!.at < until; i += 1) if (dateAt(i) === date) day.push(sorted[i]!.slot);
        days.set(date, day);
      }
      return day;
    },
    firstFrom(date, after = false) {
      // Start order, as groupSlotsByDay's keys are: the day of the first slot that qualifies.
      for (let i = firstAtOrAfter(utcStartOf(date) - MS_PER_DAY); i < sorted.length; i += 1) {
        const day = dateAt(i);
        if (after ? day > date : day >= date) return day;
      }
      return undefined;
    },
  };
}

/** Slots that can lead to `trackId` (an empty list means any track) in one of `modes` (none chosen: all). */
export function slotsFor<S extends CalendarSlot>(slots: readonly S[], trackId: string | undefined, modes: readonly string[]): S[] {
  return slots.filter(
    (slot) => (!trackId || !slot.trackIds.length || slot.trackIds.includes(trackId)) && (!modes.length || modes.includes(slot.mode)),
  );
}

/** The Sunday that starts the week holding `date` (Meeting Guide convention, Sunday = 0). */
export function startOfWeek(date: string): string {
  return addDays(date, -weekdayOf(date));
}

export function weekDates(date: string): string[] {
  const first = startOfWeek(date);
  return Array.from({ length: 7 }, (_, i) => addDays(first, i));
}

/** Whole weeks covering the month of `date`; days of the neighbouring months fill the edges. */
export function monthWeeks(date: string): string[][] {
  const first = `${date.slice(0, 8)}01`;
  const last = `${date.slice(0, 8)}${String(daysInMonth(date)).padStart(2, '0')}`;
  const weeks: string[][] = [];
  for (let start = startOfWeek(first); start <= last; start = addDays(start, 7)) weeks.push(weekDates(start));
  return weeks;
}

/** The same day of the month `months` away, clamped to that month's length (31 Jan + 1 -> 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1 + months;
  const targetYear = year + Math.floor(month / 12);
  const targetMonth = ((month % 12) + 12) % 12;
  const prefix = `${String(targetYear).padStart(4, '0')}-${String(targetMonth + 1).padStart(2, '0')}-`;
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(`${prefix}01`));
  return `${prefix}${String(day).padStart(2, '0')}`;
}

/**
 * The day focus moves to for a key in a calendar grid (WAI-ARIA APG date picker): arrows by a day
 * or a week, Home/End to the week's ends, PageUp/PageDown by a week (week view) or a month.
 * Undefined for keys the grid does not handle.
 */
export function moveFocus(date: string, key: string, view: CalendarView): string | undefined {
  switch (key) {
    case 'ArrowLeft':
      return addDays(date, -1);
    case 'ArrowRight':
      return addDays(date, 1);
    case 'ArrowUp':
      return addDays(date, -7);
    case 'ArrowDown':
      return addDays(date, 7);
    case 'Home':
      return startOfWeek(date);
    case 'End':
      return addDays(startOfWeek(date), 6);
    case 'PageUp':
      return view === 'week' ? addDays(date, -7) : addMonths(date, -1);
    case 'PageDown':
      return view === 'week' ? addDays(date, 7) : addMonths(date, 1);
    default:
      return undefined;
  }
}

export function clampDate(date: string, first: string, last: string): string {
  return date < first ? first : date > last ? last : date;
}

/**
 * The free slots closest in time to `target` (excluding it), the same mode first when equally
 * close, returned in start order: what to offer when a time was just taken.
 */
export function nearestFreeSlots<S extends CalendarSlot>(free: readonly S[], target: { id: string; start: string; mode: string }, count = 3): S[] {
  const at = Date.parse(target.start);
  const distance = (slot: S) => Math.abs(Date.parse(slot.start) - at);
  return free
    .filter((slot) => slot.id !== target.id)
    .sort((a, b) => distance(a) - distance(b) || Number(b.mode === target.mode) - Number(a.mode === target.mode))
    .slice(0, count)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}
