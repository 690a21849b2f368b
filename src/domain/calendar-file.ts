/**
 * iCalendar files (RFC 5545) for "add to calendar": CRLF line ends, lines folded at 75 octets,
 * text escaped, a UID and DTSTAMP on every event, and times in the center's zone with a VTIMEZONE
 * built from Intl, so a recurring session stays at 6 pm across daylight-saving changes.
 * Titles, descriptions and the PRODID are discreet: a calendar is seen on lock screens and shared
 * devices, so nothing names the product, the center or treatment unless the center chose its title.
 */
import { instantToWallClock, offsetMinutesAt } from './zoned-time.js';

export interface CalendarEvent {
  /** Stable and globally unique, e.g. `booking-123@center.example`: lets calendars update, not duplicate. */
  uid: string;
  start: Date;
  end: Date;
  timeZone: string;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  /** An RRULE value such as `FREQ=WEEKLY;INTERVAL=2;BYDAY=TU`. */
  rrule?: string;
  /** Starts of occurrences that do not happen. */
  exdates?: readonly Date[];
}

/**
 * A neutral PRODID for every file: calendars show it on shared devices, and a product name or
 * "IOP" says treatment to anyone reading it.
 */
export const discreetProductId = '-//Appointments//EN';

export interface CalendarFileOptions {
  /** DTSTAMP: when the file was made. */
  now: Date;
  productId?: string;
}

const encoder = new TextEncoder();

/** RFC 5545 §3.3.11: backslash, semicolon, comma and newlines are escaped in TEXT values. */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** RFC 5545 §3.1: lines longer than 75 octets continue on lines that start with a space; never split a character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // The first line holds 75 octets; continuation lines hold 74 after their leading space.
    if (octets + size > (parts.length ? 74 : 75)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const utcStamp = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

function localStamp(date: Date, timeZone: string): string {
  const wall = instantToWallClock(date, timeZone);
  return `${wall.date.replace(/-/g, '')}T${wall.time.replace(':', '')}00`;
}

const offsetText = (minutes: number) => {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
};

export interface OffsetTransition {
  readonly at: Date;
  readonly before: number;
  readonly after: number;
}

const MS_PER_DAY = 86_400_000;

/**
 * The instants in [from, to) at which the zone's offset changes, to the minute. It steps a day at
 * a time by default; `stepDays` 7 is enough for real zones (changes are months apart) and is what
 * the VTIMEZONE builder uses over decades.
 */
export function offsetTransitions(timeZone: string, from: Date, to: Date, stepDays = 1): OffsetTransition[] {
  const transitions: OffsetTransition[] = [];
  const step = stepDays * MS_PER_DAY;
  for (let t = from.getTime(); t < to.getTime(); t += step) {
    const before = offsetMinutesAt(t, timeZone);
    const after = offsetMinutesAt(t + step, timeZone);
    if (before === after) continue;
    let low = t;
    let high = t + step;
    while (high - low > 60_000) {
      const middle = low + Math.floor((high - low) / 120_000) * 60_000;
      if (offsetMinutesAt(middle, timeZone) === before) low = middle;
      else high = middle;
    }
    if (high < to.getTime()) transitions.push({ at: new Date(high), before, after });
  }
  return transitions;
}

/** Local wall time of an instant at a fixed offset, as an iCalendar DATE-TIME without zone. */
const localAt = (instantMs: number, offsetMinutes: number) =>
  new Date(instantMs + offsetMinutes * 60_000).toISOString().replace(/[-:]/g, '').slice(0, 15);

const observance = (kind: 'STANDARD' | 'DAYLIGHT', start: string, from: number, to: number, extra: string[] = []) => [
  `BEGIN:${kind}`,
  `DTSTART:${start}`,
  ...extra,
  `TZOFFSETFROM:${offsetText(from)}`,
  `TZOFFSETTO:${offsetText(to)}`,
  `END:${kind}`,
];

const RFC_DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

/** A yearly rule for one kind of change ("second Sunday of March at 02:00, -0700 to -0600"). */
interface YearlyRule {
  readonly key: string;
  readonly month: number;
  readonly localTime: string;
  readonly before: number;
  readonly after: number;
  /** RRULE parts after FREQ=YEARLY;BYMONTH=m. */
  readonly byParts: string;
  matches(date: Date): boolean;
}

/**
 * The ways tzdata writes a change day ("lastSun", "Sun>=8", a fixed day), as RFC 5545 parts, for
 * the change on `local` (a UTC-fields date holding the local wall time before the change).
 */
function candidateRules(local: Date, before: number, after: number): YearlyRule[] {
  const month = local.getUTCMonth() + 1;
  const day = local.getUTCDate();
  const weekday = local.getUTCDay();
  const localTime = local.toISOString().slice(11, 16);
  const daysInMonth = new Date(Date.UTC(local.getUTCFullYear(), month, 0)).getUTCDate();
  const base = { month, localTime, before, after };
  const rules: YearlyRule[] = [];
  const sameKind = (date: Date) => date.getUTCMonth() + 1 === month && date.toISOString().slice(11, 16) === localTime;
  if (day + 7 > daysInMonth)
    rules.push({ ...base, key: `last${weekday}`, byParts: `BYDAY=-1${RFC_DAYS[weekday]}`, matches: (d) => sameKind(d) && d.getUTCDay() === weekday && d.getUTCDate() + 7 > new Date(Date.UTC(d.getUTCFullYear(), month, 0)).getUTCDate() });
  // "weekday on or after D": nth weekday when D is 1, 8, 15 or 22, else a BYMONTHDAY window.
  for (let first = Math.max(1, day - 6); first <= day; first += 1) {
    const window = Array.from({ length: 7 }, (_, i) => first + i);
    if (window[6]! > 31) continue;
    const byParts = (first - 1) % 7 === 0 ? `BYDAY=${(first + 6) / 7}${RFC_DAYS[weekday]}` : `BYDAY=${RFC_DAYS[weekday]};BYMONTHDAY=${window.join(',')}`;
    rules.push({ ...base, key: `on-or-after${first}-${weekday}`, byParts, matches: (d) => sameKind(d) && d.getUTCDay() === weekday && d.getUTCDate() >= first && d.getUTCDate() <= first + 6 });
  }
  rules.push({ ...base, key: `fixed${day}`, byParts: `BYMONTHDAY=${day}`, matches: (d) => sameKind(d) && d.getUTCDate() === day });
  return rules;
}

/** Years of zone rules a VTIMEZONE checks a yearly rule against before it trusts it for an open series. */
const RULE_CHECK_YEARS = 12;

/**
 * The zone's current rules as yearly RRULEs, checked against every change Intl reports from
 * `from` for RULE_CHECK_YEARS years; undefined when a change does not follow a yearly weekday or
 * date rule (zones such as Morocco's), and an empty list when the zone no longer changes.
 */
function currentYearlyRules(transitions: readonly OffsetTransition[]): YearlyRule[] | undefined {
  const rules: YearlyRule[] = [];
  for (const { at, before, after } of transitions) {
    const local = new Date(at.getTime() + before * 60_000);
    if (rules.some((rule) => rule.before === before && rule.after === after && rule.matches(local))) continue;
    // Keep the first candidate that every change of the same kind satisfies.
    const sameChanges = transitions.filter((t) => t.before === before && t.after === after).map((t) => new Date(t.at.getTime() + t.before * 60_000));
    const rule = candidateRules(local, before, after).find((candidate) => sameChanges.every((date) => candidate.matches(date)));
    if (!rule) return undefined;
    rules.push(rule);
  }
  return rules;
}

/** Offsets are standard time unless higher than another offset the zone uses in the same stretch. */
const kindOf = (offset: number, others: readonly number[]): 'STANDARD' | 'DAYLIGHT' =>
  others.some((other) => other < offset) ? 'DAYLIGHT' : 'STANDARD';

/**
 * A VTIMEZONE that covers every instant the events can produce. It opens with the offset in force a
 * year before the first event, then lists each change explicitly through the last event (or the
 * series' UNTIL). An open series ends, once the zone's rules settle, in STANDARD/DAYLIGHT
 * observances with yearly RRULEs derived from the zone's current rules, so a strict parser reading
 * a date decades ahead still finds its offset; a zone whose changes follow no yearly rule is
 * listed explicitly as far as Intl's rules are checked (fourteen years past today) instead.
 */
function vtimezone(timeZone: string, events: readonly CalendarEvent[], now: Date): string[] {
  const firstMs = Math.min(...events.map((event) => event.start.getTime()));
  const from = firstMs - 366 * MS_PER_DAY;
  const open = events.some((event) => event.rrule && !/UNTIL=/.test(event.rrule));
  const untilMs = (event: CalendarEvent) => {
    const until = /UNTIL=(\d{8}T\d{6})Z/.exec(event.rrule ?? '')?.[1];
    return until ? Date.UTC(+until.slice(0, 4), +until.slice(4, 6) - 1, +until.slice(6, 8), +until.slice(9, 11), +until.slice(11, 13)) : 0;
  };
  const lastMs = Math.max(...events.map((event) => Math.max(event.end.getTime(), untilMs(event) + (event.end.getTime() - event.start.getTime()))));
  // An open series: look far enough past today (and past the first event) for the current rules to show.
  const openHorizon = Math.max(firstMs, now.getTime()) + (RULE_CHECK_YEARS + 2) * 366 * MS_PER_DAY;
  const to = (open ? Math.max(openHorizon, lastMs) : lastMs) + 2 * MS_PER_DAY;
  const transitions = offsetTransitions(timeZone, new Date(from), new Date(to), 7);
  const initialOffset = offsetMinutesAt(from, timeZone);
  const offsets = [initialOffset, ...transitions.map((t) => t.after)];
  const initial = observance(kindOf(initialOffset, transitions.length ? offsets : []), localAt(from - (from % 60_000), initialOffset), initialOffset, initialOffset);
  const ruledLines: string[] = [];
  let explicit: readonly OffsetTransition[] = transitions;
  if (open) {
    const checkFrom = openHorizon - RULE_CHECK_YEARS * 366 * MS_PER_DAY;
    const tail = transitions.filter((t) => t.at.getTime() >= checkFrom);
    const rules = currentYearlyRules(tail);
    if (rules) {
      // The rules hold back to the first change, walking backwards, that fits them.
      let start = transitions.length;
      while (start > 0) {
        const t = transitions[start - 1]!;
        const local = new Date(t.at.getTime() + t.before * 60_000);
        if (!rules.some((rule) => rule.before === t.before && rule.after === t.after && rule.matches(local))) break;
        start -= 1;
      }
      explicit = transitions.slice(0, start);
      const ruled = transitions.slice(start);
      for (const rule of rules) {
        const firstChange = ruled.find((t) => t.before === rule.before && t.after === rule.after && rule.matches(new Date(t.at.getTime() + t.before * 60_000)));
        if (!firstChange) continue;
        ruledLines.push(...observance(kindOf(rule.after, [rule.before]), localAt(firstChange.at.getTime(), rule.before), rule.before, rule.after, [`RRULE:FREQ=YEARLY;BYMONTH=${rule.month};${rule.byParts}`]));
      }
    }
  }
  const explicitLines = explicit.flatMap(({ at, before, after }) => observance(kindOf(after, [before]), localAt(at.getTime(), before), before, after));
  return ['BEGIN:VTIMEZONE', `TZID:${timeZone}`, ...initial, ...explicitLines, ...ruledLines, 'END:VTIMEZONE'];
}

export function calendarFile(events: readonly CalendarEvent[], options: CalendarFileOptions): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${options.productId ?? discreetProductId}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  for (const zone of new Set(events.map((event) => event.timeZone)))
    lines.push(...vtimezone(zone, events.filter((event) => event.timeZone === zone), options.now));
  for (const event of events) {
    const zoned = (date: Date) => `TZID=${event.timeZone}:${localStamp(date, event.timeZone)}`;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.uid}`,
      `DTSTAMP:${utcStamp(options.now)}`,
      `DTSTART;${zoned(event.start)}`,
      `DTEND;${zoned(event.end)}`,
      `SUMMARY:${escapeText(event.summary)}`,
    );
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
    if (event.url) lines.push(`URL:${event.url}`);
    if (event.rrule) lines.push(`RRULE:${event.rrule}`);
    if (event.exdates?.length) lines.push(`EXDATE;TZID=${event.timeZone}:${event.exdates.map((date) => localStamp(date, event.timeZone)).join(',')}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

export interface ParsedProperty {
  name: string;
  params: Record<string, string>;
  value: string;
}

/** Unfolds and splits a calendar file into properties, unescaping TEXT: for tests and round trips. */
export function parseCalendarFile(text: string): ParsedProperty[] {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean)
    .map((line) => {
      const colon = line.search(/:(?=(?:[^"]*"[^"]*")*[^"]*$)/);
      const [name = '', ...params] = line.slice(0, colon).split(';');
      const value = line.slice(colon + 1);
      return {
        name,
        params: Object.fromEntries(params.map((param) => param.split('=') as [string, string])),
        value: ['SUMMARY', 'DESCRIPTION', 'LOCATION'].includes(name)
          ? value.replace(/\\n/gi, '\n').replace(/\\([\\;,])/g, '$1')
          : value,
      };
    });
}

/** A `data:` URL for a download link; blob URLs would need revoking and break under some CSPs. */
export function calendarDataUrl(file: string): string {
  return `data:text/calendar;charset=utf-8,${encodeURIComponent(file)}`;
}
