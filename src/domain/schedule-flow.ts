/**
 * Rules of the schedule picker's steps that need no browser: the order of the steps and where a
 * saved state may resume, and on the time step the times of a day grouped into morning, afternoon
 * and evening, with how many of each group show before "Show more", so that a day with thirty free
 * times still fits one phone screen.
 */
import { instantToWallClock } from './zoned-time.js';

/** Track, time, details, review; then the confirmation. */
export type PickerStep = 'track' | 'slot' | 'details' | 'review' | 'done';
export const numberedPickerSteps = ['track', 'slot', 'details', 'review'] as const;

/** "Step n of 4" for the numbered steps; none for the confirmation. */
export function pickerStepNumber(step: PickerStep): number | undefined {
  const index = (numberedPickerSteps as readonly string[]).indexOf(step);
  return index === -1 ? undefined : index + 1;
}

/** What a step needs chosen before it: a saved state is checked against it when it is restored. */
export interface PickerProgress {
  readonly step: PickerStep;
  readonly trackId?: string;
  readonly slot?: unknown;
  readonly booking?: unknown;
}

/**
 * The step a saved state can resume at: its own, unless something it needs is missing (a draft
 * from an older version, a slot dropped as stale), then the first step that asks for it.
 */
export function resumableStep(progress: PickerProgress, trackFixed = false): PickerStep {
  if (progress.step === 'done') return progress.booking ? 'done' : progress.slot ? 'review' : 'slot';
  if (progress.step === 'track') return trackFixed ? 'slot' : 'track';
  if (!progress.trackId && !trackFixed) return 'track';
  if ((progress.step === 'details' || progress.step === 'review') && !progress.slot) return 'slot';
  return progress.step;
}

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
