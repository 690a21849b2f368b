import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recurrenceChoice, recurrenceOfKind, centsFromDollars, datesFromText, dollarsFromCents, idFromName, listFromText, moved, numberFromText } from '../../src/domain/setup-forms.js';

describe('setup form mapping', () => {
  it('reads lists typed on one line, and dates one per line', () => {
    assert.deepEqual(listFromText(' relapse prevention, , goals ,'), ['relapse prevention', 'goals']);
    assert.deepEqual(datesFromText('2026-12-25\n2026-01-01, 2026-12-25  2026-07-04'), ['2026-01-01', '2026-07-04', '2026-12-25']);
    assert.deepEqual(datesFromText(''), []);
  });

  it('turns dollars into cents and back, and leaves nonsense for the server to name', () => {
    assert.equal(centsFromDollars('325'), 32_500);
    assert.equal(centsFromDollars('$325.5'), 32_550);
    assert.equal(centsFromDollars(' '), undefined);
    assert.ok(Number.isNaN(centsFromDollars('3,25')));
    assert.equal(dollarsFromCents(32_500), '325');
    assert.equal(dollarsFromCents(32_550), '325.50');
    assert.equal(dollarsFromCents(undefined), '');
    assert.equal(numberFromText(' 12 '), 12);
    assert.equal(numberFromText(''), undefined);
    assert.ok(Number.isNaN(numberFromText('twelve')));
  });

  it('makes ids from names, unique, without accents', () => {
    assert.equal(idFromName('Evening IOP', []), 'evening-iop');
    assert.equal(idFromName('IOP de mañana', []), 'iop-de-manana');
    assert.equal(idFromName('Evening IOP', ['evening-iop', 'evening-iop-2']), 'evening-iop-3');
    assert.equal(idFromName('  ', [], 'track'), 'track');
  });

  it('moves an item up or down', () => {
    assert.deepEqual(moved(['a', 'b', 'c'], 2, -1), ['a', 'c', 'b']);
    assert.deepEqual(moved(['a', 'b', 'c'], 0, -1), ['a', 'b', 'c']);
  });
});

describe('recurrence editor', () => {
  const weekly = { kind: 'weekly', interval: 1, day: 2, start: '18:30', startDate: '2026-03-03', until: '2026-12-31' } as const;
  it('keeps time, first date, weekday and end when the kind changes', () => {
    assert.deepEqual(recurrenceOfKind('every-other-week', weekly), { ...weekly, interval: 2 });
    assert.deepEqual(recurrenceOfKind('monthly-nth', weekly), { kind: 'monthly-nth', nth: 1, day: 2, start: '18:30', startDate: '2026-03-03', until: '2026-12-31' });
    assert.deepEqual(recurrenceOfKind('monthly-day', weekly), { kind: 'monthly-day', dayOfMonth: 3, start: '18:30', startDate: '2026-03-03', until: '2026-12-31' });
    const once = recurrenceOfKind('once', weekly);
    assert.deepEqual(once, { kind: 'once', date: '2026-03-03', start: '18:30' });
    assert.deepEqual(recurrenceOfKind('weekly', once), { kind: 'weekly', interval: 1, day: 2, start: '18:30', startDate: '2026-03-03' });
  });
  it('names every other week as its own choice', () => {
    assert.equal(recurrenceChoice(weekly), 'weekly');
    assert.equal(recurrenceChoice({ ...weekly, interval: 2 }), 'every-other-week');
    assert.equal(recurrenceChoice({ kind: 'once', date: '2026-03-03', start: '18:30' }), 'once');
  });
});
