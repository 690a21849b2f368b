import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TIMES_SHOWN_PER_PART, dayPartOf, groupByDayPart, pickerStepNumber, resumableStep } from '../../src/domain/schedule-flow.js';

describe('schedule picker: times of a day', () => {
  it('names the part of the day by the wall clock', () => {
    assert.deepEqual(['00:00', '11:59', '12:00', '16:59', '17:00', '23:30'].map(dayPartOf), ['morning', 'morning', 'afternoon', 'afternoon', 'evening', 'evening']);
  });

  it('groups a day in the zone shown, not in UTC, and shows a few of each until asked for more', () => {
    // 2026-03-09 in Denver (MDT, UTC-6): 08:00 to 19:30 local every 30 minutes = 24 times.
    const slots = Array.from({ length: 24 }, (_, i) => ({ start: new Date(Date.UTC(2026, 2, 9, 14, 0) + i * 30 * 60_000).toISOString() }));
    const groups = groupByDayPart(slots, 'America/Denver');
    assert.deepEqual(
      groups.map((group) => [group.part, group.slots.length, group.shown.length]),
      [
        ['morning', 8, TIMES_SHOWN_PER_PART],
        ['afternoon', 10, TIMES_SHOWN_PER_PART],
        ['evening', 6, 6],
      ],
    );
    assert.equal(groups.flatMap((group) => group.slots).length, slots.length);
    const expanded = groupByDayPart(slots, 'America/Denver', new Set(['afternoon']));
    assert.equal(expanded[1]!.shown.length, 10);
    // The same instants read in UTC: 14:00 to 01:30, so the afternoon has 6 and the small hours count as morning.
    assert.deepEqual(
      groupByDayPart(slots, 'UTC').map((group) => [group.part, group.slots.length]),
      [
        ['morning', 4],
        ['afternoon', 6],
        ['evening', 14],
      ],
    );
  });
});

describe('schedule picker: steps', () => {
  it('numbers the four steps and not the confirmation', () => {
    assert.deepEqual((['track', 'slot', 'details', 'review', 'done'] as const).map(pickerStepNumber), [1, 2, 3, 4, undefined]);
  });

  it('resumes a saved state at its step, or at the first step whose choice is missing', () => {
    const slot = { id: 's' };
    assert.equal(resumableStep({ step: 'review', trackId: 't', slot }), 'review');
    assert.equal(resumableStep({ step: 'review', trackId: 't' }), 'slot');
    assert.equal(resumableStep({ step: 'details' }), 'track');
    assert.equal(resumableStep({ step: 'details' }, true), 'slot');
    assert.equal(resumableStep({ step: 'track' }, true), 'slot');
    assert.equal(resumableStep({ step: 'done', trackId: 't', slot, booking: {} }), 'done');
    assert.equal(resumableStep({ step: 'done', trackId: 't', slot }), 'review');
  });
});
