import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type * as z from 'zod/mini';
import { endpoints, endpointPath } from '../../src/api/endpoints.js';
import * as attendanceSchemas from '../../src/api/attendance-schemas.js';
import * as schemas from '../../src/api/schemas.js';
import { parseContract } from '../../src/client/client.js';
import { ClientError } from '../../src/client/errors.js';

const allSchemas = (Object.entries({ ...schemas, ...attendanceSchemas }) as [string, unknown][]).filter(
  (entry): entry is [string, z.ZodMiniType] => typeof entry[1] === 'object' && entry[1] !== null && 'safeParse' in entry[1],
);

const validPrograms: schemas.ProgramList = {
  center: { name: 'Juniper Ridge Recovery', phone: '+1 303 555 0100', timeZone: 'America/Denver' },
  programs: [
    {
      id: 'iop',
      name: 'Adult IOP',
      kind: 'iop',
      tracks: [
        {
          id: 'evening',
          name: 'Evening',
          audience: 'general',
          meetings: [{ day: 1, start: '18:00', end: '21:00' }],
          timeZone: 'America/Denver',
          weeks: 10,
          hoursPerWeek: 9,
          format: 'hybrid',
          languages: ['en'],
          startDates: ['2026-12-07'],
          seatsLeft: null,
        },
      ],
    },
  ],
};

/** Either a value or a typed contract error: nothing else may come out of parsing. */
function assertTyped(result: ReturnType<typeof parseContract>): void {
  if (result.ok) return;
  assert.ok(result.error instanceof ClientError);
  assert.equal(result.error.kind, 'contract');
}

describe('contract schemas', () => {
  it('covers every endpoint with named schemas', () => {
    const named = new Set(allSchemas.map(([, schema]) => schema));
    for (const endpoint of Object.values(endpoints))
      for (const schema of ['query', 'body', 'response'] as const) {
        const value = (endpoint as Record<string, unknown>)[schema];
        if (value) assert.ok(named.has(value as z.ZodMiniType), `${endpoint.path} ${schema} is not a named export`);
      }
  });

  it('turns arbitrary JSON into a value or a typed error, for every schema', () => {
    for (const [name, schema] of allSchemas)
      fc.assert(
        fc.property(fc.jsonValue(), (json) => assertTyped(parseContract(schema, json, name))),
        { numRuns: 150 },
      );
  });

  it('survives arbitrary values spliced into a valid response', () => {
    fc.assert(
      fc.property(fc.constantFrom('center', 'programs', 'center.timeZone', 'programs.0.tracks.0.meetings'), fc.anything(), (path, junk) => {
        const copy = structuredClone(validPrograms) as unknown as Record<string, unknown>;
        const keys = path.split('.');
        let target: Record<string, unknown> = copy;
        for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
        target[keys.at(-1)!] = junk;
        assertTyped(parseContract(schemas.ProgramList, copy, 'listPrograms'));
      }),
    );
  });

  it('survives values whose getters throw', () => {
    const hostile = Object.defineProperty({}, 'center', { enumerable: true, get: () => { throw new Error('boom'); } });
    assertTyped(parseContract(schemas.ProgramList, hostile, 'listPrograms'));
  });

  it('accepts a valid programs list', () => {
    assert.ok(parseContract(schemas.ProgramList, validPrograms, 'listPrograms').ok);
  });

  it('rejects unsafe link schemes from server data', () => {
    assert.ok(schemas.SafeUrl.safeParse('https://meet.example.org/alumni').success);
    assert.ok(schemas.SafeUrl.safeParse('tel:+13035550100').success);
    assert.equal(schemas.SafeUrl.safeParse('javascript:alert(1)').success, false);
    assert.equal(schemas.SafeUrl.safeParse('http://insecure.example.org').success, false);
  });

  it('accepts real dates and instants with offsets, and nothing else', () => {
    for (const good of ['2028-02-29', '2026-12-31']) assert.ok(schemas.CalendarDate.safeParse(good).success, good);
    for (const bad of ['2027-02-29', '2026-04-31', '2026-13-01', '26-01-01', '2026-1-1']) assert.equal(schemas.CalendarDate.safeParse(bad).success, false, bad);
    for (const good of ['2026-03-08T16:00:00Z', '2026-03-08T09:00-07:00', '2026-11-23T19:45:12.190Z']) assert.ok(schemas.Instant.safeParse(good).success, good);
    for (const bad of ['2026-03-08T16:00:00', '2026-02-30T10:00:00Z', '2026-03-08 16:00Z', '2026-03-08T24:00Z']) assert.equal(schemas.Instant.safeParse(bad).success, false, bad);
  });

  it('wants whole numbers where the contract counts things', () => {
    assert.equal(schemas.Track.shape.weeks.safeParse(10).success, true);
    assert.equal(schemas.Track.shape.weeks.safeParse(10.5).success, false);
  });

  it('refuses ids that would smuggle a path segment', () => {
    assert.equal(endpointPath('createRsvp', 'abc_1'), 'alumni-sessions/abc_1/rsvps');
    assert.throws(() => endpointPath('createRsvp', '../staff'), RangeError);
  });
});
