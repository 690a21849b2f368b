// Alumni recurrence expansion in Node (run by scripts/bench/server-speed.mjs through tsx): how long
// expandOccurrences takes to produce 10k and 100k occurrences. Prints one JSON line.
import { expandOccurrences, type RecurringSession } from '../../src/domain/session-recurrence.js';

const zones = ['America/Denver', 'America/New_York', 'Europe/London', 'Australia/Sydney'];

/** `sessions` weekly sessions over about `years`: 52 occurrences a session a year. */
function sessionsFor(occurrences: number): { sessions: RecurringSession[]; range: { from: Date; to: Date } } {
  const years = 10;
  const count = Math.ceil(occurrences / (52 * years));
  const sessions: RecurringSession[] = Array.from({ length: count }, (_, i) => ({
    id: `s${i}`,
    timeZone: zones[i % zones.length]!,
    durationMinutes: 90,
    recurrence: { kind: 'weekly', interval: 1, day: i % 7, start: `${String(8 + (i % 12)).padStart(2, '0')}:30`, startDate: '2026-01-01' },
    exceptions: [],
  }));
  return { sessions, range: { from: new Date('2026-01-05T00:00:00Z'), to: new Date(Date.UTC(2026 + years, 0, 1)) } };
}

const results: Record<string, { occurrences: number; ms: number }> = {};
for (const target of [10_000, 100_000]) {
  const { sessions, range } = sessionsFor(target);
  expandOccurrences(sessions.slice(0, 2), range); // warm-up
  const runs: number[] = [];
  let produced = 0;
  for (let run = 0; run < (target > 50_000 ? 2 : 4); run += 1) {
    const started = performance.now();
    produced = expandOccurrences(sessions, range).length;
    runs.push(performance.now() - started);
  }
  results[String(target)] = { occurrences: produced, ms: Math.min(...runs) };
}
console.log(JSON.stringify(results));
