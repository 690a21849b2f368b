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

/**
 * The zone's offset at an instant in whole milliseconds, from one formatToParts call. Slow (a few
 * microseconds): everything else goes through `offsetMsAt`, which needs it about once a day.
 */
function exactOffsetMs(instantMs: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const asIfUtc = Date.UTC(fields.year ?? 0, (fields.month ?? 1) - 1, fields.day ?? 1, fields.hour ?? 0, fields.minute ?? 0, fields.second ?? 0);
  return asIfUtc - Math.floor(instantMs / 1000) * 1000;
}

/** Offsets at the start of each UTC day, per zone: a slot list or a year of occurrences asks about a few hundred days. */
const dayStartOffsets = new Map<string, Map<number, number>>();
const MAX_CACHED_DAYS_PER_ZONE = 20_000;

function offsetAtDayStart(day: number, timeZone: string): number {
  let days = dayStartOffsets.get(timeZone);
  if (!days) {
    days = new Map();
    dayStartOffsets.set(timeZone, days);
  }
  let offset = days.get(day);
  if (offset === undefined) {
    if (days.size >= MAX_CACHED_DAYS_PER_ZONE) days.clear();
    offset = exactOffsetMs(day * MS_PER_DAY, timeZone);
    days.set(day, offset);
  }
  return offset;
}

/**
 * The offset in milliseconds at an instant. When a UTC day starts and ends on the same offset, no
 * transition happened inside it (zones change at most once a day), so the cached figure holds for
 * every instant of the day; only the day of a transition asks Intl for the exact instant.
 */
function offsetMsAt(instantMs: number, timeZone: string): number {
  const day = Math.floor(instantMs / MS_PER_DAY);
  const atStart = offsetAtDayStart(day, timeZone);
  if (atStart === offsetAtDayStart(day + 1, timeZone)) return atStart;
  return exactOffsetMs(instantMs, timeZone);
}

/** The zone's offset from UTC at an instant, in minutes (Denver in winter: -420). */
export function offsetMinutesAt(instantMs: number, timeZone: string): number {
  return Math.round(offsetMsAt(instantMs, timeZone) / MS_PER_MINUTE);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** The zone's wall clock at an instant, whole minutes, as milliseconds on a UTC scale. */
function wallMsAt(instantMs: number, timeZone: string): number {
  const wallMs = Math.floor(instantMs / 1000) * 1000 + offsetMsAt(instantMs, timeZone);
  return wallMs - (((wallMs % MS_PER_MINUTE) + MS_PER_MINUTE) % MS_PER_MINUTE);
}

export function instantToWallClock(instant: Date, timeZone: string): WallClock {
  const wall = new Date(wallMsAt(instant.getTime(), timeZone));
  return {
    date: `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`,
    time: `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`,
  };
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
  const offsetBefore = offsetMsAt(wallMs - MS_PER_DAY, timeZone);
  const offsetAfter = offsetMsAt(wallMs + MS_PER_DAY, timeZone);
  let earliest: number | undefined;
  for (const offset of offsetBefore === offsetAfter ? [offsetBefore] : [offsetBefore, offsetAfter]) {
    const candidate = wallMs - offset;
    if (wallMsAt(candidate, timeZone) === wallMs && (earliest === undefined || candidate < earliest)) earliest = candidate;
  }
  if (earliest !== undefined) return new Date(earliest);
  if (gap === 'reject') return null;
  return new Date(wallMs - offsetBefore);
}

/**
 * The offset (ms) that holds for every wall time of `date` when the zone does not change within a
 * day of it, else undefined (then ask `wallTimeToInstant` per time). Generating a day's slots or a
 * session's occurrence this way costs one subtraction per instant instead of a formatter call.
 */
export function steadyOffsetMsOn(date: string, timeZone: string): number | undefined {
  const midnight = dayNumberOf(date) * MS_PER_DAY;
  const before = offsetMsAt(midnight - MS_PER_DAY, timeZone);
  if (before !== offsetMsAt(midnight + MS_PER_DAY, timeZone) || before !== offsetMsAt(midnight + 2 * MS_PER_DAY, timeZone)) return undefined;
  return before;
}

/** Sunday = 0, as in the Meeting Guide convention. */
// Date arithmetic runs a few times per occurrence (100,000 of them for a large alumni range) over a
// few hundred distinct dates: each date is parsed, and each day number written, once.
const dayNumbers = new Map<string, number>();
const dayDates = new Map<number, string>();
const MAX_CACHED_DATES = 20_000;

/** Days since 1970-01-01 (UTC) of a `YYYY-MM-DD` date. */
export function dayNumberOf(date: string): number {
  let day = dayNumbers.get(date);
  if (day === undefined) {
    const [year, month, dayOfMonth] = parseDate(date);
    day = Math.round(Date.UTC(year, month - 1, dayOfMonth) / MS_PER_DAY);
    if (dayNumbers.size >= MAX_CACHED_DATES) dayNumbers.clear();
    dayNumbers.set(date, day);
  }
  return day;
}

/** The `YYYY-MM-DD` date `day` days after 1970-01-01. */
export function dateOfDayNumber(day: number): string {
  let date = dayDates.get(day);
  if (date === undefined) {
    date = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (dayDates.size >= MAX_CACHED_DATES) dayDates.clear();
    dayDates.set(day, date);
  }
  return date;
}

export function weekdayOf(date: string): number {
  return (((dayNumberOf(date) + 4) % 7) + 7) % 7;
}

export function addDays(date: string, days: number): string {
  return dateOfDayNumber(dayNumberOf(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumberOf(to) - dayNumberOf(from);
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
