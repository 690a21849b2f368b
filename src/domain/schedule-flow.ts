/**
 * Rules of the schedule picker's time step that need no browser: the times of a day grouped into
 * morning, afternoon and evening, and how many of each group show before "Show more", so that a
 * day with thirty free times still fits one phone screen.
 */
import { instantToWallClock } from './zoned-time.js';

export type DayPart = 'morning' | 'afternoon' | 'evening';
export const dayParts: readonly DayPart[] = ['morning', 'afternoon', 'evening'];

/** Two rows of three compact buttons per group: three groups stay within one phone screen. */
export const TIMES_SHOWN_PER_PART = 6;

/** By the wall clock of the zone shown: morning before 12:00, afternoon until 16:59, evening from 17:00. */
export function dayPartOf(wallTime: string): DayPart {
  const hour = Number(wallTime.slice(0, 2));
  return hour < 12 ? 'morning' : hour < 17 ? 'afternoon' : 'evening';
}

export interface DayPartGroup<S> {
  readonly part: DayPart;
  /** In the order given (the day's order). */
  readonly slots: readonly S[];
  /** The first ones shown; all of them once the person asked for more. */
  readonly shown: readonly S[];
}

/** Groups with at least one time, in day order. `expanded` names the parts whose every time shows. */
export function groupByDayPart<S extends { readonly start: string }>(slots: readonly S[], timeZone: string, expanded: ReadonlySet<DayPart> = new Set()): DayPartGroup<S>[] {
  return dayParts
    .map((part) => {
      const inPart = slots.filter((slot) => dayPartOf(instantToWallClock(new Date(slot.start), timeZone).time) === part);
      return { part, slots: inPart, shown: expanded.has(part) ? inPart : inPart.slice(0, TIMES_SHOWN_PER_PART) };
    })
    .filter((group) => group.slots.length > 0);
}
