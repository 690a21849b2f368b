/**
 * Form <-> document mapping for the console's settings pages: lists typed as text, money typed
 * in dollars, new ids from names, and new items with sensible defaults. Pure; the pages stay thin.
 */
import type { SessionRecurrence } from './session-recurrence.js';
import { weekdayOf } from './zoned-time.js';

/** "a, b ,, c" -> ["a", "b", "c"]: a list typed on one line. */
export function listFromText(text: string, separator: RegExp = /,/): string[] {
  return text
    .split(separator)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** Dates typed one per line (or separated by commas or spaces), as they are: the server checks each. */
export function datesFromText(text: string): string[] {
  return [...new Set(listFromText(text, /[\s,]+/))].sort();
}

/** "325" or "325.50" -> 32550; undefined for blank; NaN for anything else (the server names it). */
export function centsFromDollars(text: string): number | undefined {
  const trimmed = text.trim().replace(/^\$/, '');
  if (!trimmed) return undefined;
  return /^\d+(\.\d{1,2})?$/.test(trimmed) ? Math.round(Number(trimmed) * 100) : Number.NaN;
}

export function dollarsFromCents(cents: number | undefined): string {
  if (cents === undefined || Number.isNaN(cents)) return '';
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}

/** A number typed in a field: undefined when blank, NaN when not a number (the server names it). */
export function numberFromText(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}

/** An id from a name ("Evening IOP" -> "evening-iop"), unique among `taken` (a number is added). */
export function idFromName(name: string, taken: readonly string[], fallback = 'item'): string {
  const base =
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48) || fallback;
  let id = base;
  for (let n = 2; taken.includes(id); n += 1) id = `${base}-${n}`;
  return id;
}

/** Moves the item at `index` by `by` places (-1 up, +1 down), as a copy; out of range leaves it. */
export function moved<T>(items: readonly T[], index: number, by: number): T[] {
  const target = index + by;
  if (target < 0 || target >= items.length) return [...items];
  const copy = [...items];
  const [item] = copy.splice(index, 1);
  copy.splice(target, 0, item!);
  return copy;
}

/** The recurrence editor's choices: "every other week" is the weekly rule with an interval of 2. */
export type RecurrenceChoice = 'weekly' | 'every-other-week' | 'monthly-nth' | 'monthly-day' | 'once';

export function recurrenceChoice(recurrence: SessionRecurrence): RecurrenceChoice {
  if (recurrence.kind === 'weekly') return recurrence.interval === 2 ? 'every-other-week' : 'weekly';
  return recurrence.kind;
}

/**
 * The recurrence after the admin picks another kind: the time, the first date and the weekday
 * carry over, so switching back and forth loses nothing that still applies.
 */
export function recurrenceOfKind(choice: RecurrenceChoice, previous: SessionRecurrence): SessionRecurrence {
  const startDate = previous.kind === 'once' ? previous.date : previous.startDate;
  const until = previous.kind === 'once' ? undefined : previous.until;
  const day = 'day' in previous ? previous.day : weekdayOf(startDate);
  const common = { start: previous.start, startDate, ...(until ? { until } : {}) };
  switch (choice) {
    case 'weekly':
    case 'every-other-week':
      return { kind: 'weekly', interval: choice === 'weekly' ? 1 : 2, day, ...common };
    case 'monthly-nth':
      return { kind: 'monthly-nth', nth: previous.kind === 'monthly-nth' ? previous.nth : 1, day, ...common };
    case 'monthly-day':
      return { kind: 'monthly-day', dayOfMonth: previous.kind === 'monthly-day' ? previous.dayOfMonth : Number(startDate.slice(8)), ...common };
    case 'once':
      return { kind: 'once', date: startDate, start: previous.start };
  }
}
