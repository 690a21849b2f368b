/**
 * Whether an alumni session meets on a date: the server needs it to accept an RSVP only for a real
 * occurrence. Recurrence rules are the contract's (`Recurrence`), dates in the center's zone.
 */
import type { Recurrence } from '../../src/api/schemas.js';
import { daysBetween, daysInMonth, datesFrom, weekdayOf } from '../../src/domain/zoned-time.js';

function inRange(date: string, startDate: string, until: string | undefined): boolean {
  return date >= startDate && (until === undefined || date <= until);
}

function ruleMatches(recurrence: Recurrence, date: string): boolean {
  switch (recurrence.kind) {
    case 'once':
      return recurrence.date === date;
    case 'weekly': {
      if (!inRange(date, recurrence.startDate, recurrence.until) || weekdayOf(date) !== recurrence.day) return false;
      // Count weeks from the first meeting on or after startDate, so "every other week" is anchored.
      const firstOffset = (recurrence.day - weekdayOf(recurrence.startDate) + 7) % 7;
      const sinceFirst = daysBetween(recurrence.startDate, date) - firstOffset;
      return sinceFirst >= 0 && (sinceFirst / 7) % recurrence.interval === 0;
    }
    case 'monthly-nth': {
      if (!inRange(date, recurrence.startDate, recurrence.until) || weekdayOf(date) !== recurrence.day) return false;
      const dayOfMonth = Number(date.slice(8, 10));
      if (recurrence.nth === -1) return dayOfMonth + 7 > daysInMonth(date);
      return Math.ceil(dayOfMonth / 7) === recurrence.nth;
    }
  }
}

export function occursOn(recurrence: Recurrence, exceptions: readonly string[], date: string): boolean {
  return ruleMatches(recurrence, date) && !exceptions.includes(date);
}

/** Occurrence dates between `from` and `to` inclusive, ignoring exceptions. */
export function ruleDatesBetween(recurrence: Recurrence, from: string, to: string): string[] {
  return datesFrom(from, to).filter((date) => ruleMatches(recurrence, date));
}
