import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  addMonths,
  groupSlotsByDay,
  indexSlotsByDay,
  monthWeeks,
  moveFocus,
  nearestFreeSlots,
  slotsFor,
  weekDates,
  type CalendarSlot,
} from '../../src/domain/slot-calendar.js';
import { instantToWallClock, wallTimeToInstant } from '../../src/domain/zoned-time.js';

const slot = (start: string, mode = 'phone', trackIds: string[] = []): CalendarSlot => ({ id: `s${Date.parse(start)}${mode}`, start, mode, trackIds });
const days = (slots: CalendarSlot[], zone: string) =>
  Object.fromEntries([...groupSlotsByDay(slots, zone)].map(([date, list]) => [date, list.map((s) => s.start)]));

// Transition instants from the IANA tz database: Denver 2026-03-08 02:00 MST -> MDT and 2026-11-01
// 02:00 MDT -> MST; London 2026-03-29 01:00 GMT -> BST and 2026-10-25 02:00 BST -> GMT.
describe('grouping slots by local day across DST', () => {
  it('America/Denver, spring forward: 23:30 the night before and after stay on their own days', () => {
    const grouped = days(
      [slot('2026-03-09T05:30:00Z'), slot('2026-03-08T06:30:00Z'), slot('2026-03-08T07:30:00Z'), slot('2026-03-09T06:30:00Z')],
      'America/Denver',
    );
    assert.deepEqual(grouped, {
      '2026-03-07': ['2026-03-08T06:30:00Z'], // 23:30 MST
      '2026-03-08': ['2026-03-08T07:30:00Z', '2026-03-09T05:30:00Z'], // 00:30 MST, 23:30 MDT
      '2026-03-09': ['2026-03-09T06:30:00Z'], // 00:30 MDT
    });
  });

  it('America/Denver, fall back: both 01:30s land on 1 November, in order', () => {
    const grouped = days(
      [slot('2026-11-02T06:30:00Z'), slot('2026-11-01T08:30:00Z'), slot('2026-11-01T07:30:00Z'), slot('2026-11-01T05:30:00Z'), slot('2026-11-02T07:30:00Z')],
      'America/Denver',
    );
    assert.deepEqual(grouped, {
      '2026-10-31': ['2026-11-01T05:30:00Z'], // 23:30 MDT
      '2026-11-01': ['2026-11-01T07:30:00Z', '2026-11-01T08:30:00Z', '2026-11-02T06:30:00Z'], // 01:30 MDT, 01:30 MST, 23:30 MST
      '2026-11-02': ['2026-11-02T07:30:00Z'], // 00:30 MST
    });
  });

  it('Europe/London, spring forward and fall back', () => {
    assert.deepEqual(days([slot('2026-03-28T23:30:00Z'), slot('2026-03-29T22:30:00Z'), slot('2026-03-29T23:30:00Z')], 'Europe/London'), {
      '2026-03-28': ['2026-03-28T23:30:00Z'], // 23:30 GMT
      '2026-03-29': ['2026-03-29T22:30:00Z'], // 23:30 BST
      '2026-03-30': ['2026-03-29T23:30:00Z'], // 00:30 BST
    });
    assert.deepEqual(days([slot('2026-10-24T22:30:00Z'), slot('2026-10-24T23:30:00Z'), slot('2026-10-25T23:30:00Z')], 'Europe/London'), {
      '2026-10-24': ['2026-10-24T22:30:00Z'], // 23:30 BST
      '2026-10-25': ['2026-10-24T23:30:00Z', '2026-10-25T23:30:00Z'], // 00:30 BST, 23:30 GMT
    });
  });

  it('the same slot falls on a different day for a visitor in another zone', () => {
    // 18:00 in Denver on 7 Dec is 01:00 on 8 Dec in London.
    const s = slot('2026-12-08T01:00:00Z');
    assert.deepEqual([...groupSlotsByDay([s], 'America/Denver').keys()], ['2026-12-07']);
    assert.deepEqual([...groupSlotsByDay([s], 'Europe/London').keys()], ['2026-12-08']);
  });

  it('property: a wall time that exists lands on its own date, every slot exactly once, days in order', () => {
    const zone = fc.constantFrom('America/Denver', 'Europe/London', 'America/New_York', 'Australia/Sydney');
    const wall = fc.record({
      day: fc.integer({ min: 0, max: 729 }),
      minutes: fc.integer({ min: 0, max: 1439 }),
    });
    fc.assert(
      fc.property(zone, fc.array(wall, { minLength: 1, maxLength: 30 }), (timeZone, walls) => {
        const slots: { slot: CalendarSlot; date: string }[] = [];
        for (const { day, minutes } of walls) {
          const date = new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
          const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
          const instant = wallTimeToInstant(date, time, timeZone);
          if (instant) slots.push({ slot: slot(instant.toISOString()), date });
        }
        const grouped = groupSlotsByDay(slots.map((s) => s.slot), timeZone);
        for (const { slot: s, date } of slots) assert.ok(grouped.get(date)?.includes(s));
        assert.equal([...grouped.values()].flat().length, slots.length);
        const keys = [...grouped.keys()];
        assert.deepEqual(keys, [...keys].sort());
        for (const [date, list] of grouped) for (const s of list) assert.equal(instantToWallClock(new Date(s.start), timeZone).date, date);
      }),
    );
  });
});

describe('slots by day, worked out only for the days asked about', () => {
  it('answers the DST cases as the full grouping does', () => {
    const denver = indexSlotsByDay([slot('2026-11-02T06:30:00Z'), slot('2026-11-01T08:30:00Z'), slot('2026-11-01T07:30:00Z'), slot('2026-11-01T05:30:00Z')], 'America/Denver');
    assert.deepEqual(denver.on('2026-11-01').map((s) => s.start), ['2026-11-01T07:30:00Z', '2026-11-01T08:30:00Z', '2026-11-02T06:30:00Z']);
    assert.deepEqual(denver.on('2026-11-02'), []);
    assert.equal(denver.firstFrom('2026-10-01'), '2026-10-31');
    assert.equal(denver.firstFrom('2026-11-01', true), undefined);
    const london = indexSlotsByDay([slot('2026-03-29T23:30:00Z'), slot('2026-03-28T23:30:00Z')], 'Europe/London');
    assert.equal(london.firstFrom('2026-03-29'), '2026-03-30'); // 00:30 BST
  });

  it('property: every day, and the first day from any date, agree with groupSlotsByDay', () => {
    const zone = fc.constantFrom('America/Denver', 'Europe/London', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Australia/Lord_Howe', 'America/St_Johns');
    const instant = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 2, 31) }).map((ms) => new Date(ms - (ms % 900_000)).toISOString());
    fc.assert(
      fc.property(zone, fc.array(instant, { maxLength: 40 }), fc.integer({ min: -3, max: 95 }), fc.boolean(), (timeZone, starts, offset, after) => {
        const slots = starts.map((start, i) => ({ ...slot(start), id: `s${i}` }));
        const grouped = groupSlotsByDay(slots, timeZone);
        const index = indexSlotsByDay(slots, timeZone);
        for (let date = '2025-12-30'; date <= '2026-04-02'; date = new Date(Date.parse(date) + 86_400_000).toISOString().slice(0, 10))
          assert.deepEqual(index.on(date), grouped.get(date) ?? []);
        const from = new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
        assert.equal(index.firstFrom(from, after), [...grouped.keys()].find((d) => (after ? d > from : d >= from)));
      }),
      { numRuns: 60 },
    );
  });
});

describe('calendar grids and keyboard movement (APG date picker)', () => {
  it('weeks start on Sunday and months are whole weeks', () => {
    assert.deepEqual(weekDates('2026-12-09'), ['2026-12-06', '2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-12']);
    const february = monthWeeks('2026-02-14');
    assert.equal(february.length, 4); // 1 Feb 2026 is a Sunday, 28 days
    assert.equal(february[0]?.[0], '2026-02-01');
    const march = monthWeeks('2026-03-01');
    assert.equal(march.length, 5);
    assert.equal(march[4]?.[6], '2026-04-04');
  });

  it('moves by day, week, week ends and month', () => {
    const table: [string, string, 'week' | 'month', string | undefined][] = [
      ['2026-03-31', 'ArrowRight', 'week', '2026-04-01'],
      ['2026-03-01', 'ArrowLeft', 'week', '2026-02-28'],
      ['2026-03-04', 'ArrowUp', 'week', '2026-02-25'],
      ['2026-03-04', 'ArrowDown', 'month', '2026-03-11'],
      ['2026-03-04', 'Home', 'week', '2026-03-01'],
      ['2026-03-04', 'End', 'month', '2026-03-07'],
      ['2026-03-04', 'PageDown', 'week', '2026-03-11'],
      ['2026-01-31', 'PageDown', 'month', '2026-02-28'],
      ['2026-03-31', 'PageUp', 'month', '2026-02-28'],
      ['2026-01-15', 'PageUp', 'month', '2025-12-15'],
      ['2026-03-04', 'Enter', 'week', undefined],
    ];
    for (const [from, key, view, expected] of table) assert.equal(moveFocus(from, key, view), expected, `${from} ${key} ${view}`);
  });

  it('property: PageDown then PageUp returns to the same day when the day exists in both months', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), (offset) => {
        const date = new Date(Date.UTC(2024, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
        const there = addMonths(date, 1);
        if (Number(there.slice(8)) === Number(date.slice(8))) assert.equal(addMonths(there, -1), date);
        assert.ok(there > date);
      }),
    );
  });
});

describe('filtering and nearest free times', () => {
  const free = [
    slot('2026-12-07T16:00:00Z', 'phone'),
    slot('2026-12-07T17:00:00Z', 'video', ['evening-iop']),
    slot('2026-12-07T18:00:00Z', 'in-person', ['day-iop']),
    slot('2026-12-08T16:00:00Z', 'phone'),
  ];

  it('keeps slots for the track (empty list: any track) and the chosen modes', () => {
    assert.equal(slotsFor(free, 'day-iop', []).length, 3);
    assert.deepEqual(slotsFor(free, 'evening-iop', ['video', 'in-person']).map((s) => s.mode), ['video']);
    assert.equal(slotsFor(free, undefined, []).length, 4);
  });

  it('offers the closest times, same mode first on a tie, in start order', () => {
    const target = { id: 'taken', start: '2026-12-07T17:00:00Z', mode: 'in-person' };
    // 17:00 video is closest; 16:00 phone and 18:00 in person tie at an hour, and in person wins the tie.
    assert.deepEqual(nearestFreeSlots(free, target, 2).map((s) => s.start), ['2026-12-07T17:00:00Z', '2026-12-07T18:00:00Z']);
    assert.deepEqual(nearestFreeSlots(free, { ...target, mode: 'phone' }, 2).map((s) => s.mode), ['phone', 'video']);
    assert.equal(nearestFreeSlots(free, { id: free[0]!.id, start: free[0]!.start, mode: 'phone' }, 10).length, 3);
  });
});
