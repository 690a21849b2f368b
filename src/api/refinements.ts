/**
 * The contract's refinements, named so that the browser's compiled validators
 * (scripts/contract-validators.ts) call the very same functions as the zod schemas.
 * A refinement written inline in schemas.ts could not be compiled: the generator refuses it.
 */

/** A `YYYY-MM-DD...` string whose day exists: the pattern allows 31 days in every month; the calendar has the last word (and knows leap years). */
export function isCalendarDay(value: string): boolean {
  const [year, monthNumber, dayNumber] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  return dayNumber <= new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
}

export const isNotZero = (value: number): boolean => value !== 0;
