/**
 * Every calendar file the product makes, read by Mozilla's ical.js (a strict parser nobody here
 * wrote) with only the VTIMEZONE in the file to go on, must give the instants the product shows:
 * dates in January-March (before the year's first change), series read five years out, zones
 * with and without daylight time in both hemispheres.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { appointmentEvent } from '../../src/domain/booking-details.js';
import { calendarFile } from '../../src/domain/calendar-file.js';
import { occurrenceCalendarEvent, seriesCalendarEvent, type CalendarSession } from '../../src/domain/session-calendar.js';
import { occurrenceDatesBetween, occurrenceOn, type SessionRecurrence } from '../../src/domain/session-recurrence.js';
import { addDays } from '../../src/domain/zoned-time.js';

const zones = [
  'America/New_York',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'Europe/London',
  'Australia/Sydney',
  'Pacific/Auckland',
  'Asia/Jerusalem',
  'America/Mexico_City',
] as const;

/** Parses a file the way a calendar program does: its own VTIMEZONEs registered, nothing else. */
function readEvents(file: string) {
  ICAL.TimezoneService.reset();
  const calendar = new ICAL.Component(ICAL.parse(file));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
}

/** Instants ical.js expands an event to, up to `until`. */
function icalStarts(event: ICAL.Event, until: Date): number[] {
  const starts: number[] = [];
  const iterator = event.iterator();
  for (let next = iterator.next(); next; next = iterator.next()) {
    const instant = next.toJSDate().getTime();
    if (instant > until.getTime()) break;
    starts.push(instant);
  }
  return starts;
}

const session = (recurrence: SessionRecurrence, timeZone: string, exceptions: string[] = []): CalendarSession => ({
  id: 'tuesday-group',
  timeZone,
  durationMinutes: 90,
  recurrence,
  exceptions,
});

const options = { title: 'Appointment', uidDomain: 'center.example' };

function productStarts(group: CalendarSession, from: string, to: string): number[] {
  return occurrenceDatesBetween(group.recurrence, group.exceptions, from, to).map((date) => occurrenceOn(group, date).start.getTime());
}

describe('calendar files read by ical.js', () => {
  for (const timeZone of zones) {
    it(`a weekly series starting in January, read six years out, in ${timeZone}`, () => {
      const group = session({ kind: 'weekly', interval: 1, day: 2, start: '18:00', startDate: '2027-01-04' }, timeZone, ['2027-02-16', '2031-03-11']);
      const file = calendarFile([seriesCalendarEvent(group, options)!], { now: new Date('2026-11-29T00:00:00Z') });
      const [event] = readEvents(file);
      const to = '2033-01-04';
      const expected = productStarts(group, '2027-01-01', to);
      assert.ok(expected.length > 300);
      assert.deepEqual(icalStarts(event!, new Date(expected.at(-1)!)), expected);
    });

    it(`single dates from January to March and the change days, in ${timeZone}`, () => {
      const group = session({ kind: 'weekly', interval: 1, day: 0, start: '09:30', startDate: '2026-01-01' }, timeZone);
      for (const date of ['2027-01-03', '2027-02-07', '2027-03-14', '2027-03-28', '2027-04-04', '2027-10-03', '2027-11-07', '2031-01-05']) {
        const occurrence = occurrenceOn(group, date);
        const [event] = readEvents(calendarFile([occurrenceCalendarEvent(group, occurrence, options)], { now: new Date('2026-11-29T00:00:00Z') }));
        assert.equal(event!.startDate.toJSDate().getTime(), occurrence.start.getTime(), date);
        assert.equal(event!.endDate.toJSDate().getTime(), occurrence.end.getTime(), date);
      }
    });
  }

  it('an appointment on 10 January, the file made in November of the year before', () => {
    for (const timeZone of zones) {
      const booking = { id: 'bk_1', start: '2027-01-10T15:00:00Z', end: '2027-01-10T16:00:00Z', timeZone };
      const file = calendarFile([appointmentEvent(booking, { name: 'Center' }, { title: 'Appointment', description: 'x', uidDomain: 'c.example' })], { now: new Date('2026-11-20T00:00:00Z') });
      const [event] = readEvents(file);
      assert.equal(event!.startDate.toJSDate().toISOString(), '2027-01-10T15:00:00.000Z', timeZone);
      assert.equal(event!.endDate.toJSDate().toISOString(), '2027-01-10T16:00:00.000Z', timeZone);
    }
  });

  it('a series whose rule ended years ago in the zone (Mexico City dropped daylight time in 2022)', () => {
    const group = session({ kind: 'monthly-nth', nth: 2, day: 3, start: '19:00', startDate: '2021-01-01' }, 'America/Mexico_City');
    const [event] = readEvents(calendarFile([seriesCalendarEvent(group, options)!], { now: new Date('2026-11-29T00:00:00Z') }));
    assert.deepEqual(icalStarts(event!, new Date('2030-12-31T00:00:00Z')), productStarts(group, '2021-01-01', '2030-12-30'));
  });

  it('any series, any start, in any of the zones: ical.js and the product agree through five years', () => {
    const date = fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2032-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45)).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    const recurrence: fc.Arbitrary<SessionRecurrence> = fc.oneof(
      fc.record({ kind: fc.constant('weekly' as const), interval: fc.integer({ min: 1, max: 4 }), day: fc.integer({ min: 0, max: 6 }), start: time, startDate: date }),
      fc.record({ kind: fc.constant('monthly-nth' as const), nth: fc.constantFrom(1, 2, 3, 4, 5, -1), day: fc.integer({ min: 0, max: 6 }), start: time, startDate: date }),
    );
    const bounded = fc.tuple(recurrence, fc.option(fc.integer({ min: 30, max: 2200 }), { nil: undefined })).map(([rule, days]) =>
      rule.kind === 'once' || days === undefined ? rule : { ...rule, until: addDays(rule.startDate, days) },
    );
    fc.assert(
      fc.property(bounded, fc.constantFrom(...zones), date, (rule, timeZone, made) => {
        const group = session(rule, timeZone);
        const series = seriesCalendarEvent(group, options);
        fc.pre(series !== undefined);
        const [event] = readEvents(calendarFile([series!], { now: new Date(`${made}T12:00:00Z`) }));
        const start = (rule as { startDate: string }).startDate;
        const to = addDays(start, 5 * 366);
        assert.deepEqual(icalStarts(event!, new Date(`${to}T00:00:00Z`)), productStarts(group, start, addDays(to, -1)).filter((t) => t <= Date.parse(`${to}T00:00:00Z`)));
      }),
      { numRuns: 60, seed: 1_114 },
    );
  });

  it('names neither the product nor treatment in PRODID, title or description', () => {
    const group = session({ kind: 'weekly', interval: 1, day: 2, start: '18:00', startDate: '2027-01-04' }, 'America/Denver');
    const file = calendarFile([seriesCalendarEvent(group, options)!], { now: new Date('2026-11-29T00:00:00Z') });
    const calendar = new ICAL.Component(ICAL.parse(file));
    assert.equal(calendar.getFirstPropertyValue('prodid'), '-//Appointments//EN');
    assert.doesNotMatch(file, /iop|widget|alumni|recovery|treatment|rehab|addiction/i);
  });
});
