import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { calendarFile, escapeText, foldLine, offsetTransitions, parseCalendarFile } from '../../src/domain/calendar-file.js';

const octets = (line: string) => new TextEncoder().encode(line).length;

describe('calendar files (RFC 5545)', () => {
  const file = calendarFile(
    [
      {
        uid: 'booking-42@juniper-ridge.example',
        start: new Date('2026-03-07T16:00:00Z'),
        end: new Date('2026-03-07T17:00:00Z'),
        timeZone: 'America/Denver',
        summary: 'Appointment - Juniper Ridge, Recovery; Center',
        description: 'Line one\nLine two with a very long sentence that certainly needs folding because it goes past seventy-five octets — ñandú',
      },
    ],
    { now: new Date('2026-11-23T18:00:00Z') },
  );

  it('ends every line with CRLF and keeps lines within 75 octets', () => {
    assert.ok(file.endsWith('\r\n'));
    assert.equal(file.replace(/\r\n/g, '').includes('\n'), false);
    for (const line of file.split('\r\n')) assert.ok(octets(line) <= 75, line);
  });

  it('carries UID, DTSTAMP and zoned times with a matching VTIMEZONE', () => {
    const properties = parseCalendarFile(file);
    const get = (name: string) => properties.find((p) => p.name === name);
    assert.equal(get('UID')?.value, 'booking-42@juniper-ridge.example');
    assert.equal(get('DTSTAMP')?.value, '20261123T180000Z');
    assert.deepEqual(properties.find((p) => p.name === 'DTSTART' && p.params.TZID), { name: 'DTSTART', params: { TZID: 'America/Denver' }, value: '20260307T090000' });
    assert.equal(get('TZID')?.value, 'America/Denver');
    // From a year before the event through it: fall back 2 November 2025 02:00 MDT, spring forward 8 March 2026 02:00 MST.
    const starts = properties.filter((p) => p.name === 'DTSTART').map((p) => p.value);
    assert.ok(starts.includes('20251102T020000'));
    assert.ok(starts.includes('20260308T020000'));
  });

  it('round-trips escaped text', () => {
    const properties = parseCalendarFile(file);
    assert.equal(properties.find((p) => p.name === 'SUMMARY')?.value, 'Appointment - Juniper Ridge, Recovery; Center');
    assert.match(properties.find((p) => p.name === 'DESCRIPTION')!.value, /^Line one\nLine two .* ñandú$/);
  });

  it('writes RRULE and EXDATE in the series zone', () => {
    const series = calendarFile(
      [
        {
          uid: 'alumni-weekly@juniper-ridge.example',
          start: new Date('2026-10-27T00:00:00Z'),
          end: new Date('2026-10-27T01:30:00Z'),
          timeZone: 'America/Denver',
          summary: 'Group - Juniper Ridge',
          rrule: 'FREQ=WEEKLY;BYDAY=MO',
          exdates: [new Date('2026-11-10T01:00:00Z')],
        },
      ],
      { now: new Date('2026-11-23T18:00:00Z') },
    );
    const properties = parseCalendarFile(series);
    assert.equal(properties.findLast((p) => p.name === 'RRULE')?.value, 'FREQ=WEEKLY;BYDAY=MO');
    // The open series' zone ends in yearly rules: US daylight time from the second Sunday of March to the first of November.
    assert.deepEqual(properties.filter((p) => p.name === 'RRULE').slice(0, -1).map((p) => p.value).sort(), ['FREQ=YEARLY;BYMONTH=11;BYDAY=1SU', 'FREQ=YEARLY;BYMONTH=3;BYDAY=2SU']);
    assert.deepEqual(properties.find((p) => p.name === 'EXDATE'), { name: 'EXDATE', params: { TZID: 'America/Denver' }, value: '20261109T180000' });
  });

  it('escapes the four special characters', () => {
    assert.equal(escapeText('a\\b;c,d\ne'), 'a\\\\b\\;c\\,d\\ne');
  });

  it('folds any text so that unfolding gives it back, never splitting a character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const folded = foldLine(`DESCRIPTION:${text}`);
        for (const line of folded.split('\r\n')) assert.ok(octets(line) <= 75);
        assert.equal(folded.replace(/\r\n /g, ''), `DESCRIPTION:${text}`);
      }),
    );
  });

  it('finds both 2026 transitions for London and none for Phoenix', () => {
    const london = offsetTransitions('Europe/London', new Date('2026-01-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z'));
    assert.deepEqual(london.map((t) => t.at.toISOString()), ['2026-03-29T01:00:00.000Z', '2026-10-25T01:00:00.000Z']);
    assert.equal(offsetTransitions('America/Phoenix', new Date('2026-01-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z')).length, 0);
  });
});
