/**
 * Calendar dates, wall-clock times and instants in an IANA time zone.
 *
 * Intl is the only source of zone rules (no tz database shipped), so the same code runs in Node and
 * in a page. Calendar dates are `YYYY-MM-DD` strings and times `HH:MM`, as on the wire.
 */

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

export interface WallClock {
  /** `YYYY-MM-DD` in the zone. */
  readonly date: string;
  /** `HH:MM` in the zone. */
  readonly time: string;
}

/** What to do with a wall time that does not exist (spring-forward gap). */
export type GapHandling = 'reject' | 'shift-forward';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface ZonedFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function zonedFields(instantMs: number, timeZone: string): ZonedFields {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year ?? 0,
    month: fields.month ?? 0,
    day: fields.day ?? 0,
    hour: fields.hour ?? 0,
    minute: fields.minute ?? 0,
    second: fields.second ?? 0,
  };
}

/** The zone's offset from UTC at an instant, in minutes (Denver in winter: -420). */
export function offsetMinutesAt(instantMs: number, timeZone: string): number {
  const f = zonedFields(instantMs, timeZone);
  const asIfUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  const wholeSecond = Math.floor(instantMs / 1000) * 1000;
  return Math.round((asIfUtc - wholeSecond) / MS_PER_MINUTE);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function instantToWallClock(instant: Date, timeZone: string): WallClock {
  const f = zonedFields(instant.getTime(), timeZone);
  return { date: `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}`, time: `${pad(f.hour)}:${pad(f.minute)}` };
}

function parseDate(date: string): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError('Expected a YYYY-MM-DD date');
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function parseTime(time: string): [number, number] {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) throw new RangeError('Expected an HH:MM time');
  return [Number(match[1]), Number(match[2])];
}

/**
 * The instant at which the zone's clocks show `date time`.
 *
 * Across a fall-back overlap the wall time happens twice: the earlier instant is chosen (as
 * Temporal's "compatible" disambiguation does). Inside a spring-forward gap it never happens:
 * `reject` answers null, `shift-forward` moves it by the gap's length (02:30 becomes 03:30).
 */
export function wallTimeToInstant(date: string, time: string, timeZone: string, gap: GapHandling = 'reject'): Date | null {
  const [year, month, day] = parseDate(date);
  const [hour, minute] = parseTime(time);
  const wallMs = Date.UTC(year, month - 1, day, hour, minute);
  // A day either side brackets any single transition, so the two offsets are the candidates.
  const offsetBefore = offsetMinutesAt(wallMs - MS_PER_DAY, timeZone);
  const offsetAfter = offsetMinutesAt(wallMs + MS_PER_DAY, timeZone);
  const matches = [...new Set([offsetBefore, offsetAfter])]
    .map((offset) => wallMs - offset * MS_PER_MINUTE)
    .filter((candidate) => {
      const wall = instantToWallClock(new Date(candidate), timeZone);
      return wall.date === date && wall.time === time;
    })
    .sort((a, b) => a - b);
  const earliest = matches[0];
  if (earliest !== undefined) return new Date(earliest);
  if (gap === 'reject') return null;
  return new Date(wallMs - offsetBefore * MS_PER_MINUTE);
}

/** Sunday = 0, as in the Meeting Guide convention. */
export function weekdayOf(date: string): number {
  const [year, month, day] = parseDate(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function addDays(date: string, days: number): string {
  const [year, month, day] = parseDate(date);
  return new Date(Date.UTC(year, month - 1, day) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parseDate(from);
  const [y2, m2, d2] = parseDate(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / MS_PER_DAY);
}

/** Every date from `from` to `to`, both included. */
export function datesFrom(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}

export function daysInMonth(date: string): number {
  const [year, month] = parseDate(date);
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function minutesOfDay(time: string): number {
  const [hour, minute] = parseTime(time);
  return hour * 60 + minute;
}

export function timeFromMinutes(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}
