import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { calendarFile, parseCalendarFile } from '../../src/domain/calendar-file.js';
import { seriesCalendarEvent, occurrenceCalendarEvent } from '../../src/domain/session-calendar.js';
import {
  compareOccurrences,
  expandByWindows,
  expandOccurrences,
  firstRuleDate,
  isHappeningNow,
  nextOccurrences,
  occurrenceDatesBetween,
  occurrenceOn,
  occursOn,
  ruleDatesBetween,
  ruleMatches,
  seriesRrule,
  type Occurrence,
  type RecurringSession,
  type SessionRecurrence,
} from '../../src/domain/session-recurrence.js';
import { addDays, datesFrom, instantToWallClock, weekdayOf } from '../../src/domain/zoned-time.js';

const session = (recurrence: SessionRecurrence, extra: Partial<RecurringSession> = {}): RecurringSession => ({
  id: 'alumni-tuesday',
  timeZone: 'America/Denver',
  durationMinutes: 90,
  recurrence,
  exceptions: [],
  ...extra,
});

const range = (from: string, to: string) => ({ from: new Date(from), to: new Date(to) });
const isoStarts = (occurrences: { start: Date }[]) => occurrences.map((o) => o.start.toISOString());

// Time-zone facts from the IANA tz database (tzdata 2025): America/Denver springs forward on 8 March 2026
// and falls back on 1 November 2026; Europe/Madrid changes on 29 March and 25 October 2026;
// Australia/Sydney (southern hemisphere) falls back on 5 April and springs forward on 4 October 2026.
describe('weekly sessions across daylight-saving changes', () => {
  it('keeps a Tuesday 18:30 Denver group at 18:30 local while its UTC time moves (spring)', () => {
    const weekly = session({ kind: 'weekly', interval: 1, day: 2, start: '18:30', startDate: '2026-02-01' });
    const found = expandOccurrences([weekly], range('2026-03-01T00:00:00Z', '2026-03-18T01:00:00Z'));
    assert.deepEqual(found.map((o) => o.date), ['2026-03-03', '2026-03-10', '2026-03-17']);
    // MST is UTC-7, MDT is UTC-6.
    assert.deepEqual(isoStarts(found), ['2026-03-04T01:30:00.000Z', '2026-03-11T00:30:00.000Z', '2026-03-18T00:30:00.000Z']);
  });

  it('follows the autumn change in Denver', () => {
    const weekly = session({ kind: 'weekly', interval: 1, day: 0, start: '10:00', startDate: '2026-10-01' });
    const found = expandOccurrences([weekly], range('2026-10-25T00:00:00Z', '2026-11-09T00:00:00Z'));
    assert.deepEqual(isoStarts(found), ['2026-10-25T16:00:00.000Z', '2026-11-01T17:00:00.000Z', '2026-11-08T17:00:00.000Z']);
  });

  it('follows both changes in a second zone (Europe/Madrid)', () => {
    const weekly = session({ kind: 'weekly', interval: 1, day: 4, start: '19:00', startDate: '2026-03-01' }, { timeZone: 'Europe/Madrid' });
    const spring = expandOccurrences([weekly], range('2026-03-20T00:00:00Z', '2026-04-03T00:00:00Z'));
    assert.deepEqual(isoStarts(spring), ['2026-03-26T18:00:00.000Z', '2026-04-02T17:00:00.000Z']);
    const autumn = expandOccurrences([weekly], range('2026-10-20T00:00:00Z', '2026-10-30T00:00:00Z'));
    assert.deepEqual(isoStarts(autumn), ['2026-10-22T17:00:00.000Z', '2026-10-29T18:00:00.000Z']);
  });

  it('follows a southern-hemisphere zone (Australia/Sydney)', () => {
    const weekly = session({ kind: 'weekly', interval: 1, day: 1, start: '18:00', startDate: '2026-03-01' }, { timeZone: 'Australia/Sydney' });
    const found = expandOccurrences([weekly], range('2026-03-29T00:00:00Z', '2026-04-14T00:00:00Z'));
    // AEDT UTC+11 before 5 April, AEST UTC+10 after.
    assert.deepEqual(isoStarts(found), ['2026-03-30T07:00:00.000Z', '2026-04-06T08:00:00.000Z', '2026-04-13T08:00:00.000Z']);
  });

  it('moves a start inside the spring-forward gap forward by the gap, and takes the first of a repeated hour', () => {
    const gap = session({ kind: 'once', date: '2026-03-08', start: '02:30' });
    assert.equal(occurrenceOn(gap, '2026-03-08').start.toISOString(), '2026-03-08T09:30:00.000Z');
    const overlap = session({ kind: 'once', date: '2026-11-01', start: '01:30' });
    assert.equal(occurrenceOn(overlap, '2026-11-01').start.toISOString(), '2026-11-01T07:30:00.000Z');
  });
});

describe('recurrence rules', () => {
  it('meets every other week counted from the first meeting on or after the start date', () => {
    const biweekly: SessionRecurrence = { kind: 'weekly', interval: 2, day: 3, start: '18:00', startDate: '2026-01-01' };
    assert.deepEqual(ruleDatesBetween(biweekly, '2026-01-01', '2026-02-28'), ['2026-01-07', '2026-01-21', '2026-02-04', '2026-02-18']);
    // The anchor holds when the range starts between two meetings.
    assert.deepEqual(ruleDatesBetween(biweekly, '2026-01-08', '2026-01-31'), ['2026-01-21']);
  });

  it('meets on the 5th Monday only in months that have one (2026: March, June, August, November)', () => {
    const fifthMonday: SessionRecurrence = { kind: 'monthly-nth', nth: 5, day: 1, start: '19:00', startDate: '2026-01-01' };
    assert.deepEqual(ruleDatesBetween(fifthMonday, '2026-01-01', '2026-12-31'), ['2026-03-30', '2026-06-29', '2026-08-31', '2026-11-30']);
  });

  it('meets on the last Thursday and the first Saturday of each month', () => {
    const lastThursday: SessionRecurrence = { kind: 'monthly-nth', nth: -1, day: 4, start: '18:00', startDate: '2026-01-01' };
    assert.deepEqual(ruleDatesBetween(lastThursday, '2026-01-01', '2026-04-30'), ['2026-01-29', '2026-02-26', '2026-03-26', '2026-04-30']);
    const firstSaturday: SessionRecurrence = { kind: 'monthly-nth', nth: 1, day: 6, start: '09:00', startDate: '2026-02-10', until: '2026-05-01' };
    assert.deepEqual(ruleDatesBetween(firstSaturday, '2026-01-01', '2026-12-31'), ['2026-03-07', '2026-04-04']);
  });

  it('meets monthly on a day of the month, and not at all in a month without that day (RFC 5545 BYMONTHDAY)', () => {
    const on31st: SessionRecurrence = { kind: 'monthly-day', dayOfMonth: 31, start: '18:00', startDate: '2026-01-01' };
    assert.deepEqual(ruleDatesBetween(on31st, '2026-01-01', '2026-12-31'), ['2026-01-31', '2026-03-31', '2026-05-31', '2026-07-31', '2026-08-31', '2026-10-31', '2026-12-31']);
    // 2028 is a leap year: the 29th of February exists then, not in 2027.
    const on29th: SessionRecurrence = { kind: 'monthly-day', dayOfMonth: 29, start: '09:00', startDate: '2027-01-15', until: '2028-03-01' };
    assert.deepEqual(ruleDatesBetween(on29th, '2027-01-01', '2028-12-31').filter((d) => d.slice(5, 7) === '02'), ['2028-02-29']);
    assert.equal(ruleDatesBetween(on29th, '2027-01-01', '2028-12-31').at(-1), '2028-02-29', 'until cuts it off');
    const on15th = session({ kind: 'monthly-day', dayOfMonth: 15, start: '18:00', startDate: '2026-03-01' }, { exceptions: ['2026-04-15'] });
    assert.deepEqual(expandOccurrences([on15th], range('2026-03-01T00:00:00Z', '2026-06-01T00:00:00Z')).map((o) => o.date), ['2026-03-15', '2026-05-15']);
    assert.equal(occursOn(on15th.recurrence, on15th.exceptions, '2026-03-16'), false);
    assert.equal(firstRuleDate({ kind: 'monthly-day', dayOfMonth: 31, start: '18:00', startDate: '2026-02-01' }), '2026-03-31');
    assert.equal(seriesRrule(on31st, 'America/Denver'), 'FREQ=MONTHLY;BYMONTHDAY=31');
  });

  it('agrees with ical.js on every day of the month for two years from any start date', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 31 }), date, (dayOfMonth, startDate) => {
        const rule: SessionRecurrence = { kind: 'monthly-day', dayOfMonth, start: '18:00', startDate };
        const end = addDays(startDate, 730);
        const first = firstRuleDate(rule);
        const ours = ruleDatesBetween(rule, startDate, end);
        assert.equal(ours[0], first);
        if (first === undefined) return;
        const iterator = ICAL.Recur.fromString(seriesRrule(rule, 'UTC')!).iterator(ICAL.Time.fromDateString(first));
        const theirs: string[] = [];
        for (let next = iterator.next(); next && next.toString() <= end; next = iterator.next()) theirs.push(next.toString());
        assert.deepEqual(ours, theirs);
      }),
      { numRuns: 200 },
    );
  });

  it('leaves out exception dates and keeps one-off sessions on their date', () => {
    const weekly = session({ kind: 'weekly', interval: 1, day: 4, start: '18:00', startDate: '2026-11-01' }, { exceptions: ['2026-11-26'] });
    const found = expandOccurrences([weekly], range('2026-11-15T00:00:00Z', '2026-12-05T00:00:00Z'));
    assert.deepEqual(found.map((o) => o.date), ['2026-11-19', '2026-12-03']);
    assert.equal(occursOn(weekly.recurrence, weekly.exceptions, '2026-11-26'), false);
    const once = session({ kind: 'once', date: '2026-12-12', start: '17:00' });
    assert.deepEqual(expandOccurrences([once], range('2026-12-01T00:00:00Z', '2026-12-31T00:00:00Z')).map((o) => o.date), ['2026-12-12']);
  });

  it('lists a session that started before the range and is still running, and says it is happening now', () => {
    const weekly = session({ kind: 'weekly', interval: 1, day: 2, start: '18:30', startDate: '2026-01-01' });
    const now = new Date('2026-03-11T01:00:00Z'); // Tuesday 19:00 in Denver
    const [first] = expandOccurrences([weekly], { from: now, to: new Date('2026-03-12T00:00:00Z') });
    assert.equal(first?.date, '2026-03-10');
    assert.equal(isHappeningNow(first!, now), true);
    assert.equal(nextOccurrences(weekly, now, 3).map((o) => o.date).join(), '2026-03-10,2026-03-17,2026-03-24');
  });

  it('writes RRULEs for weekly, every-other-week and nth-weekday rules', () => {
    assert.equal(seriesRrule({ kind: 'weekly', interval: 1, day: 2, start: '18:30', startDate: '2026-01-01' }, 'America/Denver'), 'FREQ=WEEKLY;BYDAY=TU');
    assert.equal(
      seriesRrule({ kind: 'weekly', interval: 2, day: 3, start: '18:00', startDate: '2026-01-01', until: '2026-06-30' }, 'America/Denver'),
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;UNTIL=20260701T000000Z',
    );
    assert.equal(seriesRrule({ kind: 'monthly-nth', nth: -1, day: 4, start: '18:00', startDate: '2026-01-01' }, 'America/Denver'), 'FREQ=MONTHLY;BYDAY=-1TH');
    assert.equal(seriesRrule({ kind: 'once', date: '2026-01-01', start: '18:00' }, 'America/Denver'), undefined);
  });
});

// ---- properties ----------------------------------------------------------------------------------

const zones = ['America/Denver', 'Europe/Madrid', 'Australia/Sydney', 'America/New_York', 'Asia/Kolkata'];
const date = fc.integer({ min: 0, max: 3 * 366 }).map((n) => addDays('2025-01-01', n));
const wallTime = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45)).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const recurrence: fc.Arbitrary<SessionRecurrence> = fc.oneof(
  fc.record({ kind: fc.constant('weekly' as const), interval: fc.integer({ min: 1, max: 4 }), day: fc.integer({ min: 0, max: 6 }), start: wallTime, startDate: date }),
  fc.record({
    kind: fc.constant('monthly-nth' as const),
    nth: fc.constantFrom(-1, 1, 2, 3, 4, 5),
    day: fc.integer({ min: 0, max: 6 }),
    start: wallTime,
    startDate: date,
    until: fc.option(date, { nil: undefined }),
  }),
  fc.record({
    kind: fc.constant('monthly-day' as const),
    dayOfMonth: fc.integer({ min: 1, max: 31 }),
    start: wallTime,
    startDate: date,
    until: fc.option(date, { nil: undefined }),
  }),
  fc.record({ kind: fc.constant('once' as const), date, start: wallTime }),
);
const recurringSession = fc.record({
  id: fc.stringMatching(/^[a-z]{1,8}$/),
  timeZone: fc.constantFrom(...zones),
  durationMinutes: fc.integer({ min: 15, max: 480 }),
  recurrence,
  exceptions: fc.array(date, { maxLength: 20 }),
});
const instantRange = fc
  .tuple(fc.integer({ min: 0, max: 3 * 366 * 24 }), fc.integer({ min: 1, max: 120 * 24 }))
  .map(([startHours, lengthHours]) => {
    const from = new Date(Date.UTC(2025, 0, 1) + startHours * 3_600_000);
    return { from, to: new Date(from.getTime() + lengthHours * 3_600_000) };
  });

describe('recurrence properties', () => {
  it('expands to occurrences that are sorted, inside the range, on rule dates and never on an exception', () => {
    fc.assert(
      fc.property(fc.array(recurringSession, { minLength: 1, maxLength: 4 }), instantRange, (sessions, window) => {
        const found = expandOccurrences(sessions, window);
        for (let i = 1; i < found.length; i += 1) assert.ok(found[i - 1]!.start.getTime() <= found[i]!.start.getTime());
        for (const occurrence of found) {
          const owner = sessions.find((s) => s.id === occurrence.sessionId && occursOn(s.recurrence, s.exceptions, occurrence.date));
          assert.ok(owner, 'each occurrence is a real, non-excepted meeting of its session');
          assert.ok(occurrence.end > window.from && occurrence.start < window.to, 'overlaps the range');
          assert.equal(occurrence.end.getTime() - occurrence.start.getTime(), owner.durationMinutes * 60_000);
          // The start shows the session's wall time on its date (or later, inside a spring-forward gap).
          const wall = instantToWallClock(occurrence.start, owner.timeZone);
          assert.equal(wall.date, occurrence.date);
          assert.ok(wall.time >= owner.recurrence.start);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('expands exactly as occurrenceOn does, date by date (the fast path shares offsets per zone and date)', () => {
    fc.assert(
      fc.property(fc.array(recurringSession, { minLength: 1, maxLength: 4 }), instantRange, (sessions, window) => {
        const reference = sessions
          .flatMap((session) =>
            occurrenceDatesBetween(session.recurrence, session.exceptions, addDays(window.from.toISOString().slice(0, 10), -3), addDays(window.to.toISOString().slice(0, 10), 3))
              .map((day) => occurrenceOn(session, day))
              .filter((occurrence) => occurrence.end > window.from && occurrence.start < window.to),
          )
          .sort(compareOccurrences);
        const key = (o: Occurrence) => `${o.sessionId} ${o.date} ${o.start.toISOString()} ${o.end.toISOString()}`;
        assert.deepEqual(expandOccurrences(sessions, window).map(key), reference.map(key));
      }),
      { numRuns: 150 },
    );
  });

  it('finds the same dates as checking every day of the range against the rule', () => {
    fc.assert(
      fc.property(recurrence, date, fc.integer({ min: 0, max: 200 }), (rule, from, days) => {
        const to = addDays(from, days);
        assert.deepEqual(ruleDatesBetween(rule, from, to), datesFrom(from, to).filter((d) => ruleMatches(rule, d)));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the whole range, in order, window after window: by start windows cut anywhere, and step by step', () => {
    const key = (o: Occurrence) => `${o.sessionId} ${o.date} ${o.start.toISOString()} ${o.end.toISOString()}`;
    fc.assert(
      fc.property(
        fc.array(recurringSession, { minLength: 1, maxLength: 6 }),
        instantRange,
        fc.array(fc.integer({ min: -48, max: 130 * 24 }), { maxLength: 4 }),
        fc.record({ firstWindowMs: fc.integer({ min: 1, max: 72 }).map((h) => h * 3_600_000), longestWindowMs: fc.integer({ min: 1, max: 400 }).map((h) => h * 3_600_000), sessionsPerStep: fc.integer({ min: 1, max: 7 }) }),
        (sessions, window, cutHours, plan) => {
          const whole = expandOccurrences(sessions, window).map(key);
          const cuts = [...new Set(cutHours)].sort((a, b) => a - b).map((h) => new Date(window.from.getTime() + h * 3_600_000));
          const bounds = [undefined, ...cuts, undefined];
          const byCuts = bounds.slice(1).flatMap((to, i) => expandOccurrences(sessions, window, { from: bounds[i], to }));
          assert.deepEqual(byCuts.map(key), whole);
          const steps = [...expandByWindows(sessions, window, plan)];
          assert.deepEqual(steps.flatMap((step) => step.added).map(key), whole);
          assert.equal(steps.at(-1)!.done, true);
          assert.equal(steps.filter((step) => step.done).length, 1);
          for (const step of steps) for (const o of step.added) assert.ok(o.start < step.completeUntil || step.done, 'a step gives only what starts before its edge');
          for (let i = 1; i < steps.length; i += 1) assert.ok(steps[i]!.completeUntil >= steps[i - 1]!.completeUntil);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('meets on the rule weekday and never twice in a month for nth-weekday rules', () => {
    fc.assert(
      fc.property(recurrence, (rule) => {
        const dates = ruleDatesBetween(rule, '2025-01-01', '2027-12-31');
        if (rule.kind === 'once' || rule.kind === 'monthly-day') return;
        for (const d of dates) assert.equal(weekdayOf(d), rule.day);
        if (rule.kind === 'monthly-nth') assert.equal(new Set(dates.map((d) => d.slice(0, 7))).size, dates.length);
      }),
    );
  });
});

// ---- the series .ics read back ------------------------------------------------------------------

const RFC_DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** An independent reading of the RRULE subset we write (RFC 5545 §3.3.10), from DTSTART, dates only. */
function readRuleDates(dtstart: string, rrule: string, until: string): string[] {
  const parts = Object.fromEntries(rrule.split(';').map((p) => p.split('=') as [string, string]));
  const start = `${dtstart.slice(0, 4)}-${dtstart.slice(4, 6)}-${dtstart.slice(6, 8)}`;
  const dates: string[] = [];
  if (parts.FREQ === 'WEEKLY') {
    for (let d = start; d <= until; d = addDays(d, 7 * Number(parts.INTERVAL ?? 1))) dates.push(d);
    return dates;
  }
  if (parts.BYMONTHDAY) return datesFrom(start, until).filter((d) => Number(d.slice(8)) === Number(parts.BYMONTHDAY));
  const [, nth, day] = /^(-?\d)([A-Z]{2})$/.exec(parts.BYDAY!)!;
  for (const d of datesFrom(start, until)) {
    if (RFC_DAYS[weekdayOf(d)] !== day) continue;
    const dom = Number(d.slice(8));
    const sameMonthLater = addDays(d, 7).slice(0, 7) === d.slice(0, 7);
    if (Number(nth) === -1 ? !sameMonthLater : Math.ceil(dom / 7) === Number(nth)) dates.push(d);
  }
  return dates;
}

describe('series calendar files', () => {
  const options = { title: 'Appointment - Juniper Ridge', uidDomain: 'juniper-ridge.example' };

  for (const rule of [
    { kind: 'weekly', interval: 2, day: 3, start: '18:00', startDate: '2026-01-05' },
    { kind: 'monthly-nth', nth: 5, day: 1, start: '19:00', startDate: '2026-01-01' },
    { kind: 'monthly-nth', nth: -1, day: 4, start: '18:00', startDate: '2026-01-01' },
    { kind: 'monthly-day', dayOfMonth: 30, start: '18:00', startDate: '2026-01-01' },
  ] as SessionRecurrence[]) {
    it(`parses back to the same occurrences (${seriesRrule(rule, 'America/Denver')})`, () => {
      const group = { ...session(rule), location: 'Community Room; 1420 Larimer St', exceptions: ['2026-03-30', '2026-03-26', '2026-04-01', '2026-07-04'] };
      const event = seriesCalendarEvent(group, options)!;
      const file = calendarFile([event], { now: new Date('2026-01-01T00:00:00Z') });
      const properties = parseCalendarFile(file);
      const inEvent = properties.slice(properties.findIndex((p) => p.name === 'BEGIN' && p.value === 'VEVENT'));
      const get = (name: string) => inEvent.find((p) => p.name === name)!;
      assert.equal(get('SUMMARY').value, 'Appointment - Juniper Ridge');
      assert.equal(get('LOCATION').value, 'Community Room; 1420 Larimer St');
      assert.equal(get('DTSTART').params.TZID, 'America/Denver');
      const exdates = (inEvent.find((p) => p.name === 'EXDATE')?.value ?? '').split(',').filter(Boolean).map((stamp) => `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}`);
      // Only exceptions on rule dates become EXDATEs.
      for (const d of exdates) assert.ok(ruleMatches(rule, d));
      const fromFile = readRuleDates(get('DTSTART').value, get('RRULE').value, '2026-12-31').filter((d) => !exdates.includes(d));
      const expanded = expandOccurrences([group], range('2025-12-31T00:00:00Z', '2027-01-01T07:00:00Z')).map((o) => o.date);
      assert.deepEqual(fromFile, expanded);
      // DTSTART keeps the wall time (18:00 or 19:00 local) whatever the season.
      assert.equal(get('DTSTART').value.slice(9), `${rule.start.replace(':', '')}00`);
    });
  }

  it('writes one occurrence with a discreet title and a UID per date', () => {
    const group = { ...session({ kind: 'weekly', interval: 1, day: 2, start: '18:30', startDate: '2026-01-01' }), location: 'Room' };
    const event = occurrenceCalendarEvent(group, occurrenceOn(group, '2026-03-10'), options);
    assert.equal(event.uid, 'session-alumni-tuesday-2026-03-10@juniper-ridge.example');
    assert.equal(event.summary, 'Appointment - Juniper Ridge');
    assert.equal(event.rrule, undefined);
  });
});
