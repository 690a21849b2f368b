/**
 * Pure server rules: time-zone arithmetic across DST, slot generation, occurrences, seats,
 * idempotency decisions, rate limiting, field errors, encryption and configuration.
 * DST dates from the US (Energy Policy Act 2005: second Sunday of March, first Sunday of November,
 * 02:00 local) and the EU/UK (last Sunday of March and October, 01:00 UTC).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { BookingRequest, type Recurrence } from '../../src/api/schemas.js';
import { ConfigError, readServerConfig, requireProductionConfig } from '../../server/config.js';
import { ifNoneMatchHit } from '../../server/http/endpoint-route.js';
import { findSlot, generateSlots, nearestSlots, parseSlotId, slotId, type AvailabilityWindow } from '../../server/domain/assessment-slots.js';
import { canonicalJson, decideOnSeenKey, fingerprintMaterial } from '../../server/domain/idempotency.js';
import { decideSeat, promotable } from '../../server/domain/rsvp-capacity.js';
import { occursOn } from '../../src/domain/session-recurrence.js';
import { addDays, instantToWallClock, offsetMinutesAt, wallTimeToInstant, weekdayOf } from '../../src/domain/zoned-time.js';
import { fieldErrors } from '../../server/http/field-errors.js';
import { applyMigrations } from '../../server/db/migrate.js';
import { migrationsFromDisk } from '../../server/db/migrations-from-disk.js';
import { openPgliteDatabase } from '../../server/db/pglite-database.js';
import { SharedRateLimiter } from '../../server/http/shared-rate-limit.js';
import { createDataCipher, decodeDataKey, parseDataKeys } from '../../server/security/data-cipher.js';

const iso = (date: Date | null) => date?.toISOString() ?? null;

describe('wallTimeToInstant', () => {
  const table: [string, string, string, 'reject' | 'shift-forward', string | null][] = [
    // America/Denver spring forward 2026-03-08 02:00 MST -> 03:00 MDT.
    ['America/Denver', '2026-03-08', '01:59', 'reject', '2026-03-08T08:59:00.000Z'],
    ['America/Denver', '2026-03-08', '02:30', 'reject', null],
    ['America/Denver', '2026-03-08', '02:30', 'shift-forward', '2026-03-08T09:30:00.000Z'],
    ['America/Denver', '2026-03-08', '03:00', 'reject', '2026-03-08T09:00:00.000Z'],
    // America/Denver fall back 2026-11-01 02:00 MDT -> 01:00 MST: 01:30 happens twice, the earlier wins.
    ['America/Denver', '2026-11-01', '01:30', 'reject', '2026-11-01T07:30:00.000Z'],
    ['America/Denver', '2026-11-01', '02:30', 'reject', '2026-11-01T09:30:00.000Z'],
    ['America/Denver', '2026-07-15', '08:00', 'reject', '2026-07-15T14:00:00.000Z'],
    ['America/Denver', '2026-01-15', '08:00', 'reject', '2026-01-15T15:00:00.000Z'],
    // Europe/London spring forward 2026-03-29 01:00 GMT -> 02:00 BST.
    ['Europe/London', '2026-03-29', '00:59', 'reject', '2026-03-29T00:59:00.000Z'],
    ['Europe/London', '2026-03-29', '01:30', 'reject', null],
    ['Europe/London', '2026-03-29', '01:30', 'shift-forward', '2026-03-29T01:30:00.000Z'],
    ['Europe/London', '2026-03-29', '02:00', 'reject', '2026-03-29T01:00:00.000Z'],
    // Europe/London fall back 2026-10-25 02:00 BST -> 01:00 GMT.
    ['Europe/London', '2026-10-25', '01:30', 'reject', '2026-10-25T00:30:00.000Z'],
    ['Europe/London', '2026-10-25', '02:00', 'reject', '2026-10-25T02:00:00.000Z'],
  ];
  for (const [zone, date, time, gap, expected] of table) {
    it(`${zone} ${date} ${time} (${gap}) -> ${expected}`, () => {
      assert.equal(iso(wallTimeToInstant(date, time, zone, gap)), expected);
    });
  }

  it('offsets follow the zone rules on both sides of a change', () => {
    assert.equal(offsetMinutesAt(Date.parse('2026-03-08T08:59:00Z'), 'America/Denver'), -420);
    assert.equal(offsetMinutesAt(Date.parse('2026-03-08T09:00:00Z'), 'America/Denver'), -360);
    assert.equal(offsetMinutesAt(Date.parse('2026-10-25T00:59:00Z'), 'Europe/London'), 60);
    assert.equal(offsetMinutesAt(Date.parse('2026-10-25T01:00:00Z'), 'Europe/London'), 0);
  });

  it('round-trips every minute-aligned instant to its earliest wall-time match (property)', () => {
    const zones = ['America/Denver', 'Europe/London', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'America/Phoenix'];
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1) / 60_000, max: Date.UTC(2030, 0, 1) / 60_000 }), fc.constantFrom(...zones), (minute, zone) => {
        const instant = new Date(minute * 60_000);
        const wall = instantToWallClock(instant, zone);
        const back = wallTimeToInstant(wall.date, wall.time, zone);
        assert.ok(back, `${zone} ${wall.date} ${wall.time} exists`);
        assert.deepEqual(instantToWallClock(back, zone), wall);
        assert.ok(back.getTime() <= instant.getTime());
        assert.ok(instant.getTime() - back.getTime() <= 60 * 60_000);
      }),
      { numRuns: 400 },
    );
  });

  it('does date arithmetic across month and year ends', () => {
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addDays('2024-03-01', -1), '2024-02-29');
    assert.equal(weekdayOf('2026-03-08'), 0);
  });
});

describe('generateSlots', () => {
  const window = (day: number, start: string, end: string, id = `w${day}`): AvailabilityWindow => ({ id, day, start, end, mode: 'phone', slotMinutes: 60, trackIds: [] });

  it('skips the wall times a spring-forward night does not have (America/Denver)', () => {
    const slots = generateSlots([window(0, '00:00', '04:00')], '2026-03-08', '2026-03-08', 'America/Denver');
    assert.deepEqual(slots.map((s) => s.time), ['00:00', '01:00', '03:00']);
    assert.deepEqual(slots.map((s) => s.start.toISOString()), ['2026-03-08T07:00:00.000Z', '2026-03-08T08:00:00.000Z', '2026-03-08T09:00:00.000Z']);
  });

  it('keeps one slot per wall time on a fall-back night (America/Denver)', () => {
    const slots = generateSlots([window(0, '00:00', '04:00')], '2026-11-01', '2026-11-01', 'America/Denver');
    assert.deepEqual(slots.map((s) => s.time), ['00:00', '01:00', '02:00', '03:00']);
    assert.equal(slots[1]?.start.toISOString(), '2026-11-01T07:00:00.000Z');
    assert.equal(slots[2]?.start.toISOString(), '2026-11-01T09:00:00.000Z');
  });

  it('keeps 08:00 at 08:00 local on both sides of a change (America/Denver and Europe/London)', () => {
    const denver = generateSlots([window(1, '08:00', '09:00')], '2026-03-02', '2026-03-09', 'America/Denver');
    assert.deepEqual(denver.map((s) => s.start.toISOString()), ['2026-03-02T15:00:00.000Z', '2026-03-09T14:00:00.000Z']);
    const london = generateSlots([window(1, '08:00', '09:00')], '2026-10-19', '2026-10-26', 'Europe/London');
    assert.deepEqual(london.map((s) => s.start.toISOString()), ['2026-10-19T07:00:00.000Z', '2026-10-26T08:00:00.000Z']);
  });

  it('names each slot so the id alone finds it again, and rejects ids no window produces', () => {
    const windows = [window(1, '08:00', '10:00')];
    const [first] = generateSlots(windows, '2026-03-02', '2026-03-02', 'America/Denver');
    assert.ok(first);
    assert.equal(first.id, slotId('w1', '2026-03-02', '08:00'));
    assert.deepEqual(parseSlotId(first.id), { windowId: 'w1', date: '2026-03-02', time: '08:00' });
    assert.equal(findSlot(windows, first.id, 'America/Denver')?.start.toISOString(), first.start.toISOString());
    assert.equal(findSlot(windows, slotId('w1', '2026-03-03', '08:00'), 'America/Denver'), null, 'wrong weekday');
    assert.equal(findSlot(windows, slotId('w1', '2026-03-02', '10:00'), 'America/Denver'), null, 'past the window end');
    assert.equal(findSlot(windows, slotId('w1', '2026-03-02', '08:30'), 'America/Denver'), null, 'off the slot grid');
  });

  it('closes a holiday, adds extra hours on a date, and finds slots by id only where the date offers them', () => {
    const availability = {
      windows: [window(1, '08:00', '10:00'), window(3, '08:00', '10:00')],
      overrides: [
        { date: '2026-03-02', closed: true, extraHours: [] },
        { date: '2026-03-04', closed: true, extraHours: [{ id: 'late', start: '17:00', end: '18:00', mode: 'video' as const, slotMinutes: 30, trackIds: ['t1'] }] },
        { date: '2026-03-07', closed: false, extraHours: [{ id: 'sat', start: '10:00', end: '11:00', mode: 'phone' as const, slotMinutes: 60, trackIds: [] }] },
      ],
    };
    const slots = generateSlots(availability, '2026-03-02', '2026-03-09', 'America/Denver');
    assert.deepEqual(
      slots.map((s) => `${s.date} ${s.time} ${s.windowId}`),
      ['2026-03-04 17:00 late', '2026-03-04 17:30 late', '2026-03-07 10:00 sat', '2026-03-09 08:00 w1', '2026-03-09 09:00 w1'],
    );
    assert.equal(findSlot(availability, slotId('w1', '2026-03-02', '08:00'), 'America/Denver'), null, 'the holiday');
    assert.equal(findSlot(availability, slotId('w3', '2026-03-04', '08:00'), 'America/Denver'), null, 'closed, extra hours only');
    assert.equal(findSlot(availability, slotId('late', '2026-03-04', '17:30'), 'America/Denver')?.mode, 'video');
    assert.equal(findSlot(availability, slotId('sat', '2026-03-14', '10:00'), 'America/Denver'), null, 'extra hours belong to their date');
    assert.equal(findSlot(availability.windows, slotId('w1', '2026-03-02', '08:00'), 'America/Denver')?.time, '08:00', 'without overrides, as before');
  });

  it('offers the nearest other slots, in start order', () => {
    const slots = generateSlots([window(1, '08:00', '18:00')], '2026-03-02', '2026-03-02', 'America/Denver');
    const target = slots[4]!;
    assert.equal(target.time, '12:00');
    assert.deepEqual(nearestSlots(slots, target, 3).map((s) => s.time), ['10:00', '11:00', '13:00']);
  });
});

describe('occursOn', () => {
  const weekly = (interval: number): Recurrence => ({ kind: 'weekly', interval, day: 3, start: '18:00', startDate: '2026-03-02' });

  it('anchors every-other-week at the first meeting on or after startDate', () => {
    assert.equal(occursOn(weekly(2), [], '2026-03-04'), true);
    assert.equal(occursOn(weekly(2), [], '2026-03-11'), false);
    assert.equal(occursOn(weekly(2), [], '2026-03-18'), true);
    assert.equal(occursOn(weekly(2), [], '2026-02-25'), false, 'before startDate');
    assert.equal(occursOn(weekly(1), [], '2026-03-05'), false, 'wrong weekday');
  });

  it('handles the nth and the last weekday of a month, including fifth Mondays', () => {
    const fifthMonday: Recurrence = { kind: 'monthly-nth', nth: 5, day: 1, start: '10:00', startDate: '2026-01-01' };
    assert.equal(occursOn(fifthMonday, [], '2026-03-30'), true);
    assert.equal(occursOn(fifthMonday, [], '2026-04-27'), false, 'April 2026 has four Mondays');
    const last: Recurrence = { kind: 'monthly-nth', nth: -1, day: 1, start: '10:00', startDate: '2026-01-01' };
    assert.equal(occursOn(last, [], '2026-04-27'), true);
    assert.equal(occursOn(last, [], '2026-04-20'), false);
  });

  it('honours exceptions, until and one-off dates', () => {
    assert.equal(occursOn(weekly(1), ['2026-03-11'], '2026-03-11'), false);
    assert.equal(occursOn({ ...weekly(1), until: '2026-03-10' } as Recurrence, [], '2026-03-11'), false);
    assert.equal(occursOn({ kind: 'once', date: '2026-04-01', start: '17:00' }, [], '2026-04-01'), true);
  });
});

describe('If-None-Match', () => {
  it('matches the current tag, a weak or compressed form of it, or *, and nothing else', () => {
    const etag = '"abc"';
    assert.equal(ifNoneMatchHit(undefined, etag), undefined);
    assert.equal(ifNoneMatchHit('"abc"', etag), '"abc"');
    assert.equal(ifNoneMatchHit('"old", W/"abc"', etag), 'W/"abc"');
    assert.equal(ifNoneMatchHit('"abc-br"', etag), '"abc-br"');
    assert.equal(ifNoneMatchHit('"abc-gzip"', etag), '"abc-gzip"');
    assert.equal(ifNoneMatchHit('*', etag), etag);
    assert.equal(ifNoneMatchHit('"abcd", "ab", "abc-zstd"', etag), undefined);
  });
});

describe('RSVP seats', () => {
  it('confirms while seats remain, then waitlists in order', () => {
    assert.deepEqual(decideSeat({ capacity: 4, confirmedSeats: 2, waitlisted: 0 }, 2), { status: 'confirmed' });
    assert.deepEqual(decideSeat({ capacity: 4, confirmedSeats: 3, waitlisted: 0 }, 2), { status: 'waitlisted', position: 1 });
    assert.deepEqual(decideSeat({ capacity: 4, confirmedSeats: 0, waitlisted: 2 }, 1), { status: 'waitlisted', position: 3 }, 'nobody jumps the queue');
    assert.deepEqual(decideSeat({ capacity: null, confirmedSeats: 500, waitlisted: 0 }, 3), { status: 'confirmed' });
  });

  it('promotes from the head of the waitlist while places fit', () => {
    const queue = [{ id: 'a', seats: 1 }, { id: 'b', seats: 3 }, { id: 'c', seats: 1 }];
    assert.deepEqual(promotable(4, 2, queue), ['a']);
    assert.deepEqual(promotable(10, 2, queue), ['a', 'b', 'c']);
  });
});

describe('idempotency rules', () => {
  it('fingerprints ignore key order but not values, endpoints or resources', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [1, 2], c: null } }), canonicalJson({ a: { c: null, d: [1, 2] }, b: 1 }));
    assert.notEqual(canonicalJson({ a: [1, 2] }), canonicalJson({ a: [2, 1] }));
    assert.notEqual(fingerprintMaterial('POST', 'POST x', '1', {}), fingerprintMaterial('POST', 'POST x', '2', {}));
  });

  it('replays, refuses a different body, and takes over only stale in-flight keys', () => {
    const stored = { fingerprint: 'f', completed: false, lockedAtMs: 1_000 };
    assert.equal(decideOnSeenKey({ ...stored, completed: true }, 'f', 2_000, 60_000), 'replay');
    assert.equal(decideOnSeenKey({ ...stored, completed: true }, 'g', 2_000, 60_000), 'mismatch');
    assert.equal(decideOnSeenKey(stored, 'g', 2_000, 60_000), 'mismatch');
    assert.equal(decideOnSeenKey(stored, 'f', 2_000, 60_000), 'in-progress');
    assert.equal(decideOnSeenKey(stored, 'f', 62_001, 60_000), 'take-over');
  });
});

describe('SharedRateLimiter', () => {
  it('counts writes per client in fixed one-minute windows in the database, and says when the next one opens', async () => {
    const db = await openPgliteDatabase();
    try {
      await applyMigrations(db, migrationsFromDisk());
      const limiter = new SharedRateLimiter(db, 2);
      const minute = Date.UTC(2026, 2, 2, 17, 0);
      assert.equal((await limiter.take('a', minute)).allowed, true);
      assert.equal((await new SharedRateLimiter(db, 2).take('a', minute + 1_000)).allowed, true, 'another instance counts in the same window');
      assert.deepEqual(await limiter.take('a', minute + 15_000), { allowed: false, retryAfterSeconds: 45 });
      assert.equal((await limiter.take('b', minute + 15_000)).allowed, true, 'clients are counted apart');
      assert.equal((await limiter.take('a', minute + 60_000)).allowed, true, 'the next window starts afresh');
    } finally {
      await db.close();
    }
  });
});

describe('field errors', () => {
  it('point at fields without repeating what was typed', () => {
    const canary = 'CanaryFieldValue123';
    const result = BookingRequest.safeParse({ slotId: 'a', contact: { name: '', phone: canary, email: canary, preferred: canary, voicemailOk: canary }, consent: canary, locale: canary });
    assert.equal(result.success, false);
    const errors = fieldErrors((result as { error: z.core.$ZodError }).error);
    assert.ok(errors.some((e) => e.pointer === '/contact/phone'));
    assert.ok(errors.some((e) => e.pointer === '/consent'));
    assert.ok(!JSON.stringify(errors).includes(canary));
  });
});

describe('data cipher', () => {
  it('seals with AES-256-GCM bound to its row', async () => {
    const cipher = await createDataCipher(crypto.getRandomValues(new Uint8Array(32)));
    const sealed = await cipher.seal('CanaryPlaintext', 'intakes:1');
    assert.ok(!sealed.includes('CanaryPlaintext'));
    assert.notEqual(await cipher.seal('CanaryPlaintext', 'intakes:1'), sealed, 'fresh IV each time');
    assert.equal(await cipher.open(sealed, 'intakes:1'), 'CanaryPlaintext');
    await assert.rejects(cipher.open(sealed, 'intakes:2'), 'moved to another row');
    const [v, keyId, iv, body] = sealed.split('.');
    assert.deepEqual([v, keyId], ['v2', 'primary'], 'the format and key id lead every sealed value');
    const flipped = `${v}.${keyId}.${iv}.${body?.[0] === 'A' ? 'B' : 'A'}${body?.slice(1)}`;
    await assert.rejects(cipher.open(flipped, 'intakes:1'), 'tampered');
  });

  it('accepts only 32-byte keys', () => {
    assert.equal(decodeDataKey(Buffer.alloc(32, 7).toString('base64')).length, 32);
    assert.throws(() => decodeDataKey(Buffer.alloc(16).toString('base64')));
  });
});

describe('readServerConfig', () => {
  it('has working defaults with no environment', () => {
    const config = readServerConfig({});
    assert.equal(config.port, 8787);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.dataDir, '.data');
    assert.equal(config.eligibilityProvider, 'manual');
    assert.deepEqual(config.allowedOrigins, []);
  });

  it('parses the origin allowlist and refuses unsafe settings', () => {
    assert.deepEqual(readServerConfig({ IOP_ALLOWED_ORIGINS: 'https://a.example, https://b.example' }).allowedOrigins, ['https://a.example', 'https://b.example']);
    assert.throws(() => readServerConfig({ IOP_ALLOWED_ORIGINS: 'https://a.example/' }));
    assert.throws(() => readServerConfig({ IOP_WEBHOOK_URL: 'https://crm.example/hook' }));
    assert.throws(() => readServerConfig({ IOP_STAFF_TOKEN: 'short' }));
    assert.throws(() => readServerConfig({ IOP_ELIGIBILITY_PROVIDER: 'real' }));
  });

  it('counts trusted proxy hops, with IOP_TRUST_PROXY=1 as one', () => {
    assert.equal(readServerConfig({}).trustedProxies, 0);
    assert.equal(readServerConfig({ IOP_TRUST_PROXY: '1' }).trustedProxies, 1);
    assert.equal(readServerConfig({ IOP_TRUSTED_PROXIES: '2', IOP_TRUST_PROXY: '1' }).trustedProxies, 2);
    assert.throws(() => readServerConfig({ IOP_TRUSTED_PROXIES: 'many' }), ConfigError);
    assert.equal(readServerConfig({ IOP_RETENTION_DAYS: '30' }).retentionDays, 30);
    assert.throws(() => readServerConfig({ IOP_RETENTION_DAYS: '0' }), ConfigError);
  });

  it('lets the production start through only with PostgreSQL and a shared key', () => {
    const key = Buffer.alloc(32, 1).toString('base64');
    assert.throws(() => requireProductionConfig(readServerConfig({})), /DATABASE_URL .* and IOP_DATA_KEY/);
    assert.throws(() => requireProductionConfig(readServerConfig({ DATABASE_URL: 'postgres://db/iop' })), /IOP_DATA_KEY/);
    assert.throws(() => requireProductionConfig(readServerConfig({ IOP_DATA_KEY: key })), /DATABASE_URL/);
    assert.doesNotThrow(() => requireProductionConfig(readServerConfig({ DATABASE_URL: 'postgres://db/iop', IOP_DATA_KEY: key })));
    assert.doesNotThrow(() => requireProductionConfig(readServerConfig({ DATABASE_URL: 'postgres://db/iop', IOP_DATA_KEYS: `k1:${key}` })));
  });

  it('reads a keyring: ids, the first one current, no duplicates', () => {
    const key = Buffer.alloc(32, 1).toString('base64');
    assert.deepEqual(parseDataKeys(`new:${key}, old:${key}`).map((k) => k.id), ['new', 'old']);
    assert.throws(() => parseDataKeys(`a:${key},a:${key}`), /twice/);
    assert.throws(() => parseDataKeys(key), /id:base64/);
    assert.throws(() => parseDataKeys(`bad id:${key}`), /id:base64/);
  });
});
