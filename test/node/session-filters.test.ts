import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  filterOccurrences,
  indexOccurrences,
  OccurrenceFilter,
  OccurrenceIndex,
  noFilters,
  readFiltersFromParams,
  timeBandsOf,
  writeFiltersToParams,
  type FilterableSession,
  type SessionFilters,
} from '../../src/domain/session-filters.js';
import { addDays, weekdayOf } from '../../src/domain/zoned-time.js';

const base: FilterableSession = {
  id: 'x',
  title: 'Group',
  topics: [],
  audience: 'alumni',
  format: 'in-person',
  language: 'en',
  facilitator: { firstName: 'Maya', role: 'Counselor' },
  recurrence: { start: '18:30' },
};

const sessions: FilterableSession[] = [
  { ...base, id: 'alumni-tue', title: 'Alumni Group', topics: ['relapse prevention', 'cravings'], recurrence: { start: '18:30' } },
  { ...base, id: 'family-thu', title: 'Family Class', audience: 'family', format: 'hybrid', topics: ['boundaries'], recurrence: { start: '18:00' } },
  { ...base, id: 'hcp-mon', title: 'Healthcare Professionals Peer Group', audience: 'healthcare-professionals', format: 'online', topics: ['careers and employment'], recurrence: { start: '19:30' } },
  { ...base, id: 'grupo-wed', title: 'Grupo de Exalumnos', language: 'es', format: 'online', topics: ['prevención de recaídas'], description: 'Grupo en línea', recurrence: { start: '18:00' } },
  { ...base, id: 'mindful-sat', title: 'Saturday Mindfulness Circle', audience: 'everyone', format: 'hybrid', topics: ['stress and anxiety'], recurrence: { start: '08:30' } },
];

// Two weeks from Sunday 2026-03-01: each session on its weekday.
const weekdayOfSession: Record<string, number> = { 'alumni-tue': 2, 'family-thu': 4, 'hcp-mon': 1, 'grupo-wed': 3, 'mindful-sat': 6 };
const occurrences = [0, 7].flatMap((week) =>
  sessions.map((s) => ({ sessionId: s.id, date: addDays('2026-03-01', week + weekdayOfSession[s.id]!) })),
);
const index = indexOccurrences(sessions, occurrences);
const run = (filters: Partial<SessionFilters>) => filterOccurrences(index, { ...noFilters, ...filters });
const ids = (filters: Partial<SessionFilters>) => [...new Set(run(filters).matches.map((o) => o.sessionId))].sort();

describe('time-of-day bands (tsml-ui: morning 04:00-11:59, midday 11:00-16:59, evening 16:00-20:59, night 20:00-04:59)', () => {
  const table: [string, string[]][] = [
    ['04:00', ['morning', 'night']],
    ['08:30', ['morning']],
    ['11:30', ['morning', 'midday']],
    ['12:00', ['midday']],
    ['16:30', ['midday', 'evening']],
    ['18:30', ['evening']],
    ['20:30', ['evening', 'night']],
    ['23:00', ['night']],
    ['02:00', ['night']],
  ];
  for (const [time, bands] of table) it(`${time} is ${bands.join(' and ')}`, () => assert.deepEqual(timeBandsOf(time), bands));
});

describe('filtering sessions', () => {
  it('shows everything, in order, when nothing is chosen', () => {
    assert.equal(run({}).matches.length, occurrences.length);
    assert.deepEqual(run({}).matches, occurrences);
  });

  it('filters by day and time of day', () => {
    assert.deepEqual(ids({ days: ['1', '6'] }), ['hcp-mon', 'mindful-sat']);
    assert.deepEqual(ids({ times: ['morning'] }), ['mindful-sat']);
    assert.deepEqual(ids({ days: ['2', '3'], times: ['evening'] }), ['alumni-tue', 'grupo-wed']);
  });

  it('counts a session for everyone under every audience, and a hybrid one as in person and online too', () => {
    assert.deepEqual(ids({ audiences: ['family'] }), ['family-thu', 'mindful-sat']);
    assert.deepEqual(ids({ audiences: ['everyone'] }), ['mindful-sat']);
    assert.deepEqual(ids({ formats: ['in-person'] }), ['alumni-tue', 'family-thu', 'mindful-sat']);
    assert.deepEqual(ids({ formats: ['hybrid'] }), ['family-thu', 'mindful-sat']);
  });

  it('filters by topic and language', () => {
    assert.deepEqual(ids({ topics: ['boundaries', 'cravings'] }), ['alumni-tue', 'family-thu']);
    assert.deepEqual(ids({ languages: ['es'] }), ['grupo-wed']);
  });

  it('searches titles, descriptions, topics and facilitators, ignoring case and accents, every word required', () => {
    assert.deepEqual(ids({ query: 'RECAIDAS' }), ['grupo-wed']);
    assert.deepEqual(ids({ query: 'peer group' }), ['hcp-mon']);
    assert.deepEqual(ids({ query: 'group mindfulness' }), []);
    assert.deepEqual(ids({ query: 'maya' }).length, 5);
  });

  it('counts each value as the number of results choosing it would give', () => {
    const { counts } = run({ days: ['2'] });
    // Day counts ignore the day choice itself.
    assert.equal(counts.days.get('1'), 2);
    assert.equal(counts.days.get('2'), 2);
    // Other groups count within Tuesdays.
    assert.equal(counts.audiences.get('alumni'), 2);
    assert.equal(counts.audiences.get('family'), undefined);
    assert.equal(counts.formats.get('in-person'), 2);
    const searched = run({ query: 'gr' });
    assert.equal(searched.counts.languages.get('es'), 2);
    assert.equal(searched.counts.languages.get('en'), 4);
  });
});

/** Any choice of filters a person could make over the sample sessions. */
const filters = fc.record({
  days: fc.subarray(['0', '1', '2', '3', '4', '5', '6']),
  times: fc.subarray(['morning', 'midday', 'evening', 'night']),
  audiences: fc.subarray(['alumni', 'family', 'healthcare-professionals', 'everyone']),
  formats: fc.subarray(['in-person', 'online', 'hybrid']),
  topics: fc.subarray(['relapse prevention', 'cravings', 'boundaries', 'stress and anxiety']),
  languages: fc.subarray(['en', 'es']),
  query: fc.constantFrom('', 'group', 'grupo', 'class', 'xyz'),
});

describe('filter properties', () => {

  it('returns a subsequence of the input in which each result passes every chosen group', () => {
    fc.assert(
      fc.property(filters, (chosen) => {
        const { matches } = filterOccurrences(index, chosen);
        let cursor = 0;
        for (const match of matches) {
          cursor = occurrences.indexOf(match, cursor);
          assert.ok(cursor >= 0, 'kept in order');
          if (chosen.days.length) assert.ok(chosen.days.includes(String(weekdayOf(match.date))));
          const single = filterOccurrences(index, { ...noFilters, query: chosen.query }).matches;
          assert.ok(single.includes(match));
        }
      }),
    );
  });

  it('gives each value of a group the count that choosing only it in that group would give', () => {
    fc.assert(
      fc.property(filters, fc.constantFrom('days', 'times', 'audiences', 'formats', 'topics', 'languages' as const), (chosen, facet) => {
        const { counts } = filterOccurrences(index, chosen);
        for (const [value, count] of counts[facet]) {
          assert.equal(filterOccurrences(index, { ...chosen, [facet]: [value] }).matches.length, count);
        }
      }),
    );
  });
});

describe('filtering while occurrences still arrive', () => {

  it('ends with the matches and counts of filtering everything at once, however the occurrences are split', () => {
    fc.assert(
      fc.property(filters, fc.array(fc.integer({ min: 0, max: occurrences.length }), { maxLength: 5 }), (chosen, cutPoints) => {
        const growing = new OccurrenceIndex<(typeof occurrences)[number]>(sessions);
        const filter = new OccurrenceFilter(growing, chosen);
        const cuts = [0, ...[...new Set(cutPoints)].sort((a, b) => a - b), occurrences.length];
        for (let i = 1; i < cuts.length; i += 1) {
          growing.append(occurrences.slice(cuts[i - 1], cuts[i]));
          const partial = filter.catchUp();
          // So far: exactly what filtering the occurrences arrived so far gives.
          const sofar = filterOccurrences(indexOccurrences(sessions, occurrences.slice(0, cuts[i])), chosen);
          assert.deepEqual(partial.matches, sofar.matches);
          assert.deepEqual(sortedCounts(partial.counts), sortedCounts(sofar.counts));
        }
        assert.equal(filter.behind, false);
        const whole = filterOccurrences(index, chosen);
        assert.deepEqual(filter.result.matches, whole.matches);
        assert.deepEqual(sortedCounts(filter.result.counts), sortedCounts(whole.counts));
      }),
    );
  });
});

function sortedCounts(counts: Record<string, Map<string, number>>): Record<string, [string, number][]> {
  return Object.fromEntries(Object.entries(counts).map(([facet, values]) => [facet, [...values].sort(([a], [b]) => (a < b ? -1 : 1))]));
}

describe('filters in the URL (opt-in sync-url)', () => {
  it('round-trips every group, keeps the page’s own parameters and never writes the search text', () => {
    const filters: SessionFilters = { ...noFilters, days: ['1', '3'], times: ['evening'], formats: ['online'], topics: ['cravings'], languages: ['es'], audiences: ['family'], query: 'my secret' };
    const params = writeFiltersToParams(filters, new URLSearchParams('utm_source=x&iop-day=6'));
    assert.equal(params.get('utm_source'), 'x');
    assert.equal(params.toString().includes('secret'), false);
    assert.deepEqual(readFiltersFromParams(params), { ...filters, query: '' });
  });

  it('drops values that are not valid', () => {
    const read = readFiltersFromParams(new URLSearchParams('iop-day=9&iop-day=2&iop-time=lunch&iop-format=online&iop-lang=english'));
    assert.deepEqual([read.days, read.times, read.formats, read.languages], [['2'], [], ['online'], []]);
  });
});
