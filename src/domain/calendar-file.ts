/**
 * iCalendar files (RFC 5545) for "add to calendar": CRLF line ends, lines folded at 75 octets,
 * text escaped, a UID and DTSTAMP on every event, and times in the center's zone with a VTIMEZONE
 * built from Intl, so a recurring session stays at 6 pm across daylight-saving changes.
 * Titles are discreet by default: the caller passes "Appointment - <center>", not a diagnosis.
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

/** The instants in [from, to) at which the zone's offset changes, to the minute. */
export function offsetTransitions(timeZone: string, from: Date, to: Date): { at: Date; before: number; after: number }[] {
  const transitions: { at: Date; before: number; after: number }[] = [];
  const day = 86_400_000;
  for (let t = from.getTime(); t < to.getTime(); t += day) {
    const before = offsetMinutesAt(t, timeZone);
    const after = offsetMinutesAt(t + day, timeZone);
    if (before === after) continue;
    let low = t;
    let high = t + day;
    while (high - low > 60_000) {
      const middle = low + Math.floor((high - low) / 120_000) * 60_000;
      if (offsetMinutesAt(middle, timeZone) === before) low = middle;
      else high = middle;
    }
    transitions.push({ at: new Date(high), before, after });
  }
  return transitions;
}

/** A VTIMEZONE with one observance per transition in the years the events touch. */
function vtimezone(timeZone: string, events: readonly CalendarEvent[]): string[] {
  const years = events.flatMap((event) => [event.start.getUTCFullYear(), event.end.getUTCFullYear()]);
  // Recurring series run on: cover two more years so the rule's later dates have their offsets.
  const last = Math.max(...years) + (events.some((event) => event.rrule) ? 2 : 0);
  const from = new Date(Date.UTC(Math.min(...years), 0, 1));
  const to = new Date(Date.UTC(last + 1, 0, 1));
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  const transitions = offsetTransitions(timeZone, from, to);
  if (!transitions.length) {
    const offset = offsetText(offsetMinutesAt(from.getTime(), timeZone));
    lines.push('BEGIN:STANDARD', 'DTSTART:19700101T000000', `TZOFFSETFROM:${offset}`, `TZOFFSETTO:${offset}`, 'END:STANDARD');
  }
  for (const { at, before, after } of transitions) {
    const kind = after > before ? 'DAYLIGHT' : 'STANDARD';
    // DTSTART of an observance is the local time just before the change, in the old offset.
    const local = new Date(at.getTime() + before * 60_000).toISOString().replace(/[-:]/g, '').slice(0, 15);
    lines.push(`BEGIN:${kind}`, `DTSTART:${local}`, `TZOFFSETFROM:${offsetText(before)}`, `TZOFFSETTO:${offsetText(after)}`, `END:${kind}`);
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

export function calendarFile(events: readonly CalendarEvent[], options: CalendarFileOptions): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${options.productId ?? '-//IOP Widgets//EN'}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  for (const zone of new Set(events.map((event) => event.timeZone)))
    lines.push(...vtimezone(zone, events.filter((event) => event.timeZone === zone)));
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
