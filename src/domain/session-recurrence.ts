/**
 * When alumni, family and peer sessions meet: the contract's `Recurrence` (weekly every 1-4 weeks,
 * monthly on the nth or last weekday, monthly on a day of the month, once) minus exception dates, as occurrences in the center's
 * IANA zone. One implementation for the browser and the reference server (which checks that an
 * RSVP names a real occurrence), so the two can never disagree about a date.
 *
 * Dates are `YYYY-MM-DD` in the center's zone, times `HH:MM` wall time there: a 6 pm group stays at
 * 6 pm local across daylight-saving changes, and its UTC instant moves instead.
 */
import { addDays, dateOfDayNumber, dayNumberOf, daysBetween, daysInMonth, instantToWallClock, steadyOffsetMsOn, wallTimeToInstant, weekdayOf } from './zoned-time.js';

/** Structurally the contract's `Recurrence` (src/api/schemas.ts); domain code does not import the data layer. */
export type SessionRecurrence =
  | { readonly kind: 'weekly'; readonly interval: number; readonly day: number; readonly start: string; readonly startDate: string; readonly until?: string }
  | { readonly kind: 'monthly-nth'; readonly nth: number; readonly day: number; readonly start: string; readonly startDate: string; readonly until?: string }
  | { readonly kind: 'monthly-day'; readonly dayOfMonth: number; readonly start: string; readonly startDate: string; readonly until?: string }
  | { readonly kind: 'once'; readonly date: string; readonly start: string };

/** What expansion needs of a session; the contract's `AlumniSession` fits. */
export interface RecurringSession {
  readonly id: string;
  readonly timeZone: string;
  readonly durationMinutes: number;
  readonly recurrence: SessionRecurrence;
  /** Dates in the center's zone on which it does not meet. */
  readonly exceptions: readonly string[];
}

export interface Occurrence {
  readonly sessionId: string;
  /** The date in the center's zone: what an RSVP names. */
  readonly date: string;
  readonly start: Date;
  readonly end: Date;
}

export interface InstantRange {
  readonly from: Date;
  readonly to: Date;
}

const MS_PER_MINUTE = 60_000;

function withinBounds(date: string, startDate: string, until: string | undefined): boolean {
  return date >= startDate && (until === undefined || date <= until);
}

/** The first date on or after `date` that falls on `weekday` (Sunday = 0). */
function nextWeekday(date: string, weekday: number): string {
  return addDays(date, (weekday - weekdayOf(date) + 7) % 7);
}

/** The nth (1-5) or last (-1) `weekday` of the month containing `date`; undefined when the month has no 5th. */
export function nthWeekdayOfMonth(date: string, nth: number, weekday: number): string | undefined {
  const monthStart = `${date.slice(0, 8)}01`;
  const length = daysInMonth(date);
  if (nth === -1) {
    const last = `${date.slice(0, 8)}${String(length).padStart(2, '0')}`;
    return addDays(last, -((weekdayOf(last) - weekday + 7) % 7));
  }
  const first = nextWeekday(monthStart, weekday);
  const day = Number(first.slice(8, 10)) + (nth - 1) * 7;
  return day <= length ? `${date.slice(0, 8)}${String(day).padStart(2, '0')}` : undefined;
}

/**
 * The given day of the month containing `date`; undefined when the month is shorter (the 31st in
 * April, the 30th in February): such a month has no meeting, as RFC 5545 BYMONTHDAY does.
 */
export function dayOfMonthIn(date: string, dayOfMonth: number): string | undefined {
  return dayOfMonth <= daysInMonth(date) ? `${date.slice(0, 8)}${String(dayOfMonth).padStart(2, '0')}` : undefined;
}

function nextMonth(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month === 12 ? `${year + 1}-01-01` : `${date.slice(0, 5)}${String(month + 1).padStart(2, '0')}-01`;
}

/** Whether the rule alone (exceptions aside) puts a meeting on `date`. */
export function ruleMatches(recurrence: SessionRecurrence, date: string): boolean {
  switch (recurrence.kind) {
    case 'once':
      return recurrence.date === date;
    case 'weekly': {
      if (!withinBounds(date, recurrence.startDate, recurrence.until) || weekdayOf(date) !== recurrence.day) return false;
      // Weeks count from the first meeting on or after startDate, so "every other week" has an anchor.
      const sinceFirst = daysBetween(nextWeekday(recurrence.startDate, recurrence.day), date);
      return sinceFirst >= 0 && (sinceFirst / 7) % recurrence.interval === 0;
    }
    case 'monthly-nth':
      return withinBounds(date, recurrence.startDate, recurrence.until) && nthWeekdayOfMonth(date, recurrence.nth, recurrence.day) === date;
    case 'monthly-day':
      return withinBounds(date, recurrence.startDate, recurrence.until) && Number(date.slice(8, 10)) === recurrence.dayOfMonth;
  }
}

export function occursOn(recurrence: SessionRecurrence, exceptions: readonly string[], date: string): boolean {
  return ruleMatches(recurrence, date) && !exceptions.includes(date);
}

/** Dates the rule puts a meeting on from `from` to `to` inclusive, exceptions not removed; ascending. */
export function ruleDatesBetween(recurrence: SessionRecurrence, from: string, to: string): string[] {
  if (recurrence.kind === 'once') return recurrence.date >= from && recurrence.date <= to ? [recurrence.date] : [];
  const first = recurrence.startDate > from ? recurrence.startDate : from;
  const last = recurrence.until !== undefined && recurrence.until < to ? recurrence.until : to;
  const dates: string[] = [];
  if (first > last) return dates;
  if (recurrence.kind === 'weekly') {
    const anchor = nextWeekday(recurrence.startDate, recurrence.day);
    const step = 7 * recurrence.interval;
    const behind = daysBetween(anchor, first);
    let date = behind <= 0 ? anchor : addDays(anchor, Math.ceil(behind / step) * step);
    for (; date <= last; date = addDays(date, step)) dates.push(date);
    return dates;
  }
  for (let month = `${first.slice(0, 8)}01`; month <= last; month = nextMonth(month)) {
    const date = recurrence.kind === 'monthly-day' ? dayOfMonthIn(month, recurrence.dayOfMonth) : nthWeekdayOfMonth(month, recurrence.nth, recurrence.day);
    if (date !== undefined && date >= first && date <= last) dates.push(date);
  }
  return dates;
}

/** Occurrence dates from `from` to `to` inclusive, exceptions removed; ascending. */
export function occurrenceDatesBetween(recurrence: SessionRecurrence, exceptions: readonly string[], from: string, to: string): string[] {
  const skipped = new Set(exceptions);
  return ruleDatesBetween(recurrence, from, to).filter((date) => !skipped.has(date));
}

/**
 * When an occurrence starts. A start inside a spring-forward gap (02:30 on the change night) moves
 * forward by the gap, as calendar programs do, rather than vanishing.
 */
export function occurrenceStart(session: RecurringSession, date: string): Date {
  const steadyOffsetMs = steadyOffsetMsOn(date, session.timeZone);
  if (steadyOffsetMs !== undefined) return new Date(Date.parse(`${date}T${session.recurrence.start}:00Z`) - steadyOffsetMs);
  // `shift-forward` always answers an instant.
  return wallTimeToInstant(date, session.recurrence.start, session.timeZone, 'shift-forward')!;
}

export function occurrenceOn(session: RecurringSession, date: string): Occurrence {
  const start = occurrenceStart(session, date);
  return { sessionId: session.id, date, start, end: new Date(start.getTime() + session.durationMinutes * MS_PER_MINUTE) };
}

const wallDate = (instant: Date, timeZone: string) => instantToWallClock(instant, timeZone).date;

export function compareOccurrences(a: Occurrence, b: Occurrence): number {
  return a.start.getTime() - b.start.getTime() || (a.sessionId < b.sessionId ? -1 : a.sessionId > b.sessionId ? 1 : 0);
}

/**
 * Every occurrence of every session that overlaps the range (ends after `from`, starts before
 * `to`), so a group that began ten minutes ago is still listed as happening now. Sorted by start,
 * then session id.
 *
 * With `starts`, only the occurrences whose start falls in `[starts.from, starts.to)` (either end
 * open when absent): windows that follow one another without gaps give, one after the other, exactly
 * the occurrences of the whole range, which is how a long range is expanded a window at a time.
 */
export function expandOccurrences(sessions: readonly RecurringSession[], range: InstantRange, starts: Partial<InstantRange> = {}): Occurrence[] {
  const fromMs = range.from.getTime();
  const toMs = Math.min(range.to.getTime(), starts.to?.getTime() ?? Infinity);
  const startsFromMs = starts.from?.getTime() ?? -Infinity;
  const found: Found = { occurrences: [], startsMs: [], fromMs, toMs, startsFromMs };
  const { occurrences, startsMs } = found;
  // Past the range's start, a window needs no look-back for sessions that began before it.
  const lookBack = startsFromMs <= fromMs;
  const lowMs = Math.max(fromMs, startsFromMs);
  if (lowMs >= toMs && !lookBack) return occurrences;
  // Thousands of sessions share a zone and a few dozen dates: the window's days per zone, and each
  // day's midnight and steady offset per zone, are worked out once (as occurrenceStart does).
  const zones = new Map<string, ZoneWindow>();
  for (const session of sessions) {
    let zone = zones.get(session.timeZone);
    if (!zone) {
      const first = dayNumberOf(wallDate(new Date(lowMs), session.timeZone));
      const last = dayNumberOf(wallDate(new Date(Math.max(lowMs, toMs)), session.timeZone));
      zones.set(session.timeZone, (zone = { first, last, offsets: new Map() }));
    }
    const plan = planOf(session);
    // A day either side: the window's ends are instants; before the range's start, a late session can run past midnight.
    const lowDay = zone.first - 1 - (lookBack ? Math.ceil(session.durationMinutes / 1440) : 0);
    const highDay = zone.last + 1;
    const { skipped, weekly } = plan;
    if (weekly) {
      // Weekly rules (nearly every session) in day numbers: a few integer steps, no date strings until a meeting.
      const end = Math.min(highDay, weekly.last);
      let day = weekly.anchor >= lowDay ? weekly.anchor : weekly.anchor + Math.ceil((lowDay - weekly.anchor) / weekly.step) * weekly.step;
      for (; day <= end; day += weekly.step) {
        const date = dateOfDayNumber(day);
        if (!skipped?.has(date)) keepIfInWindow(found, session, plan, zone, date, day);
      }
    } else {
      for (const date of occurrenceDatesBetween(session.recurrence, session.exceptions, dateOfDayNumber(lowDay), dateOfDayNumber(highDay))) {
        keepIfInWindow(found, session, plan, zone, date, dayNumberOf(date));
      }
    }
  }
  // Sorted as compareOccurrences sorts, on the numbers already at hand.
  const order = Array.from(occurrences.keys()).sort((a, b) => {
    const byStart = startsMs[a]! - startsMs[b]!;
    if (byStart) return byStart;
    const idA = occurrences[a]!.sessionId;
    const idB = occurrences[b]!.sessionId;
    return idA < idB ? -1 : idA > idB ? 1 : 0;
  });
  return order.map((i) => occurrences[i]!);
}

const MS_PER_DAY = 86_400_000;

/** What one expandOccurrences call has found so far, and its window. */
interface Found {
  readonly occurrences: Occurrence[];
  readonly startsMs: number[];
  readonly fromMs: number;
  readonly toMs: number;
  readonly startsFromMs: number;
}

function keepIfInWindow(found: Found, session: RecurringSession, plan: ExpansionPlan, zone: ZoneWindow, date: string, day: number): void {
  let offsetMs = zone.offsets.get(day);
  if (offsetMs === undefined) zone.offsets.set(day, (offsetMs = steadyOffsetMsOn(date, session.timeZone) ?? null));
  // A date with a daylight-saving change near it takes the exact (slower) path.
  const startMs = offsetMs === null || Number.isNaN(plan.startOfDayMs) ? occurrenceStart(session, date).getTime() : day * MS_PER_DAY + plan.startOfDayMs - offsetMs;
  if (startMs + plan.durationMs > found.fromMs && startMs < found.toMs && startMs >= found.startsFromMs) {
    found.occurrences.push({ sessionId: session.id, date, start: new Date(startMs), end: new Date(startMs + plan.durationMs) });
    found.startsMs.push(startMs);
  }
}

interface ZoneWindow {
  /** Day numbers of the window's first and last wall dates in the zone. */
  readonly first: number;
  readonly last: number;
  /** Per day number: the steady offset, or null near a daylight-saving change. */
  readonly offsets: Map<number, number | null>;
}

/** What expansion works out once per session (and keeps while the session object lives), not once per window. */
interface ExpansionPlan {
  readonly startOfDayMs: number;
  readonly durationMs: number;
  readonly skipped?: ReadonlySet<string>;
  /** A weekly rule in day numbers: the first meeting, days between meetings, the last possible day. */
  readonly weekly?: { readonly anchor: number; readonly step: number; readonly last: number };
}

const plans = new WeakMap<RecurringSession, ExpansionPlan>();

function planOf(session: RecurringSession): ExpansionPlan {
  let plan = plans.get(session);
  if (plan) return plan;
  const rule = session.recurrence;
  plan = {
    startOfDayMs: minutesOf(rule.start) * MS_PER_MINUTE,
    durationMs: session.durationMinutes * MS_PER_MINUTE,
    ...(session.exceptions.length ? { skipped: new Set(session.exceptions) } : {}),
    ...(rule.kind === 'weekly'
      ? { weekly: { anchor: dayNumberOf(nextWeekday(rule.startDate, rule.day)), step: 7 * rule.interval, last: rule.until === undefined ? Infinity : dayNumberOf(rule.until) } }
      : {}),
  };
  plans.set(session, plan);
  return plan;
}

export interface ExpansionStep {
  /** Occurrences that follow, in order, those given by the steps before; empty while a window is still being worked on. */
  readonly added: readonly Occurrence[];
  /** Every occurrence that starts before this instant has been given (the range's end on the last step). */
  readonly completeUntil: Date;
  readonly done: boolean;
}

export interface WindowedExpansion {
  /** Length of the first window; each next one is twice as long, up to `longestWindowMs`. */
  readonly firstWindowMs: number;
  readonly longestWindowMs: number;
  /** Sessions worked per step, so that a step stays a small fraction of a frame. */
  readonly sessionsPerStep: number;
}

/**
 * The occurrences `expandOccurrences(sessions, range)` gives, the earliest first: a window of time
 * at a time (the first short, so a list's first screen is ready at once), each window a few
 * sessions per step, so a caller can give the main thread back between steps. The `added` of all
 * steps, one after the other, are exactly the whole range's occurrences in order.
 */
export function* expandByWindows(sessions: readonly RecurringSession[], range: InstantRange, plan: WindowedExpansion): Generator<ExpansionStep, void, undefined> {
  const endMs = range.to.getTime();
  let edgeMs = range.from.getTime();
  let lengthMs = plan.firstWindowMs;
  // The first window has no lower end: it also takes what began before the range and is still on.
  let lower: Date | undefined;
  const step = Math.max(1, plan.sessionsPerStep);
  for (;;) {
    const upperMs = Math.min(edgeMs + lengthMs, endMs);
    const last = upperMs >= endMs;
    const starts = { from: lower, to: last ? undefined : new Date(upperMs) };
    let found: Occurrence[] = [];
    for (let i = 0; i < sessions.length; i += step) {
      const part = expandOccurrences(i === 0 && step >= sessions.length ? sessions : sessions.slice(i, i + step), range, starts);
      if (found.length === 0) found = part;
      else for (const occurrence of part) found.push(occurrence);
      if (i + step < sessions.length) yield { added: [], completeUntil: new Date(edgeMs), done: false };
    }
    // Each part is sorted: the engine's merge sort joins the runs.
    if (sessions.length > step) found.sort(compareOccurrences);
    if (last) {
      yield { added: found, completeUntil: range.to, done: true };
      return;
    }
    edgeMs = upperMs;
    lower = new Date(upperMs);
    lengthMs = Math.min(lengthMs * 2, plan.longestWindowMs);
    yield { added: found, completeUntil: lower, done: false };
  }
}

/** Minutes after midnight of an `HH:MM` time; NaN for anything else (then the exact path decides). */
function minutesOf(time: string): number {
  return /^\d{2}:\d{2}$/.test(time) ? Number(time.slice(0, 2)) * 60 + Number(time.slice(3)) : Number.NaN;
}

/** The next `count` occurrences of one session that have not ended by `now`. */
export function nextOccurrences(session: RecurringSession, now: Date, count: number): Occurrence[] {
  const found: Occurrence[] = [];
  let from = addDays(wallDate(now, session.timeZone), -1);
  // Monthly rules need about a month per occurrence; a bounded look-ahead keeps a sparse rule cheap.
  for (let window = 0; window < 8 && found.length < count; window += 1) {
    const to = addDays(from, 7 * Math.max(count, 6));
    for (const date of occurrenceDatesBetween(session.recurrence, session.exceptions, from, to)) {
      const occurrence = occurrenceOn(session, date);
      if (occurrence.end.getTime() > now.getTime() && found.length < count) found.push(occurrence);
    }
    if (session.recurrence.kind === 'once') break;
    from = addDays(to, 1);
  }
  return found;
}

/** Whether `now` falls between the occurrence's start (included) and end (excluded). */
export function isHappeningNow(occurrence: Occurrence, now: Date): boolean {
  return occurrence.start.getTime() <= now.getTime() && now.getTime() < occurrence.end.getTime();
}

/** The first date the rule meets on (exceptions aside): a series' DTSTART, which RFC 5545 counts as its first instance. */
export function firstRuleDate(recurrence: SessionRecurrence): string | undefined {
  if (recurrence.kind === 'once') return recurrence.date;
  if (recurrence.kind === 'weekly') {
    const first = nextWeekday(recurrence.startDate, recurrence.day);
    return recurrence.until === undefined || first <= recurrence.until ? first : undefined;
  }
  // Within 13 months a 5th weekday (or a 31st) always turns up; `until` may cut it off first.
  const horizon = addDays(recurrence.startDate, 400);
  return ruleDatesBetween(recurrence, recurrence.startDate, recurrence.until !== undefined && recurrence.until < horizon ? recurrence.until : horizon)[0];
}

const RFC_DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

const utcStamp = (instant: Date) => instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/**
 * The RFC 5545 RRULE for a recurring session (undefined for a one-off), e.g.
 * `FREQ=WEEKLY;INTERVAL=2;BYDAY=WE` or `FREQ=MONTHLY;BYDAY=-1TH`. UNTIL is the last possible
 * start in UTC, as RFC 5545 §3.3.10 requires when DTSTART carries a TZID.
 */
export function seriesRrule(recurrence: SessionRecurrence, timeZone: string): string | undefined {
  if (recurrence.kind === 'once') return undefined;
  const parts =
    recurrence.kind === 'weekly'
      ? ['FREQ=WEEKLY', ...(recurrence.interval > 1 ? [`INTERVAL=${recurrence.interval}`] : []), `BYDAY=${RFC_DAYS[recurrence.day]}`]
      : recurrence.kind === 'monthly-day'
        ? ['FREQ=MONTHLY', `BYMONTHDAY=${recurrence.dayOfMonth}`]
        : ['FREQ=MONTHLY', `BYDAY=${recurrence.nth}${RFC_DAYS[recurrence.day]}`];
  if (recurrence.until !== undefined) {
    parts.push(`UNTIL=${utcStamp(wallTimeToInstant(recurrence.until, recurrence.start, timeZone, 'shift-forward')!)}`);
  }
  return parts.join(';');
}

