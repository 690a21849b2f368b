/** Holds, bookings, track seats and idempotency through real HTTP. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AssessmentSlot, Booking, Hold, Problem, ProgramList } from '../../src/api/schemas.js';
import { fingerprintMaterial } from '../../server/domain/idempotency.js';
import { IdempotencyStore } from '../../server/http/idempotency-store.js';
import type { EligibilityProvider } from '../../server/eligibility/eligibility-provider.js';
import { bookingRequest, intakeRequest } from './support/fixtures.js';
import { get, newIdempotencyKey, post, startTestServer, TestClock, testBackends, type TestDatabase, type TestServer, useTestServer } from './support/test-server.js';

const SLOT = 'd3-phone_20260304_1000'; // Wednesday 4 March 2026, 10:00 Denver, by phone
const OTHER_SLOT = 'd3-video_20260304_1100';
const MINUTE = 60_000;

for (const backend of testBackends()) {
  describe(`assessment holds and bookings (${backend})`, () => {
    const clock = new TestClock();
    let database: TestDatabase;
    let server: TestServer;
    useTestServer(backend, clock, (opened) => ({ database, server } = opened));

    it('holds a slot, hides it from others, and extends the hold with its token', async () => {
      const first = await post(server, `assessment-slots/${SLOT}/holds`, {});
      assert.equal(first.status, 201);
      const hold = Hold.parse(first.json);
      assert.equal(hold.expiresAt, new Date(clock.now().getTime() + 5 * MINUTE).toISOString());
      const listed = (await get(server, 'assessment-slots?from=2026-03-04&to=2026-03-04')).json.slots.map((s: { id: string }) => s.id);
      assert.ok(!listed.includes(SLOT));

      clock.advance(3 * MINUTE);
      const extended = Hold.parse((await post(server, `assessment-slots/${SLOT}/holds`, { holdToken: hold.token })).json);
      assert.equal(extended.id, hold.id);
      assert.equal(extended.expiresAt, new Date(clock.now().getTime() + 5 * MINUTE).toISOString());
    });

    it('answers 409 slot-taken with nearby alternatives when someone else holds the slot', async () => {
      await post(server, `assessment-slots/${SLOT}/holds`, {});
      const second = await post(server, `assessment-slots/${SLOT}/holds`, {});
      assert.equal(second.status, 409);
      const problem = Problem.parse(second.json);
      assert.equal(problem.code, 'slot-taken');
      const alternatives = (problem.alternatives as unknown[]).map((a) => AssessmentSlot.parse(a));
      assert.ok(alternatives.length > 0 && alternatives.every((a) => a.id !== SLOT));
      assert.ok(alternatives.every((a) => Math.abs(Date.parse(a.start) - Date.parse('2026-03-04T17:00:00Z')) <= 60 * MINUTE));
    });

    it('lets a hold lapse: after expiry another visitor may hold and book, and the first gets hold-expired', async () => {
      const mine = Hold.parse((await post(server, `assessment-slots/${SLOT}/holds`, {})).json);
      clock.advance(5 * MINUTE + 1);
      const theirs = Hold.parse((await post(server, `assessment-slots/${SLOT}/holds`, {})).json);
      assert.notEqual(theirs.token, mine.token);
      const late = await post(server, 'bookings', bookingRequest(SLOT, { holdToken: mine.token }));
      assert.equal(late.status, 409);
      assert.equal(late.json.code, 'hold-expired');
      const booked = await post(server, 'bookings', bookingRequest(SLOT, { holdToken: theirs.token }));
      assert.equal(booked.status, 201);
    });

    it('books a held slot once; the slot then disappears and a second booking gets 409', async () => {
      const hold = Hold.parse((await post(server, `assessment-slots/${SLOT}/holds`, {})).json);
      const response = await post(server, 'bookings', bookingRequest(SLOT, { holdToken: hold.token }));
      assert.equal(response.status, 201);
      const booking = Booking.parse(response.json);
      assert.deepEqual(
        { slotId: booking.slotId, start: booking.start, mode: booking.mode, timeZone: booking.timeZone, status: booking.status },
        { slotId: SLOT, start: '2026-03-04T17:00:00.000Z', mode: 'phone', timeZone: 'America/Denver', status: 'confirmed' },
      );
      const again = await post(server, 'bookings', bookingRequest(SLOT));
      assert.equal(again.status, 409);
      assert.equal(again.json.code, 'slot-taken');
      const rehold = await post(server, `assessment-slots/${SLOT}/holds`, {});
      assert.equal(rehold.status, 409);
    });

    it('refuses a booking without the token while another visitor holds the slot', async () => {
      await post(server, `assessment-slots/${SLOT}/holds`, {});
      const response = await post(server, 'bookings', bookingRequest(SLOT));
      assert.equal(response.status, 409);
      assert.equal(response.json.code, 'slot-taken');
    });

    it('gives exactly one 201 to 50 concurrent bookings of one slot', async () => {
      const responses = await Promise.all(Array.from({ length: 50 }, () => post(server, 'bookings', bookingRequest(OTHER_SLOT))));
      const statuses = responses.map((r) => r.status);
      assert.equal(statuses.filter((s) => s === 201).length, 1);
      assert.equal(statuses.filter((s) => s === 409).length, 49);
      assert.ok(responses.filter((r) => r.status === 409).every((r) => r.json.code === 'slot-taken'));
      const [row] = await database.db.query<{ n: number }>('SELECT count(*)::int AS n FROM bookings WHERE slot_id = $1', [OTHER_SLOT]);
      assert.equal(row?.n, 1);
    });

    it('enforces "booked once" in the database itself', async () => {
      assert.equal((await post(server, 'bookings', bookingRequest(SLOT))).status, 201);
      await assert.rejects(
        database.db.query(`INSERT INTO bookings (id, slot_id, start_at, end_at, mode, contact_sealed, created_at) VALUES ('dup', $1, now(), now(), 'phone', 'x', now())`, [SLOT]),
        (error: { code?: string }) => error.code === '23505',
      );
    });

    it('refuses slots that do not exist, are past, or do not lead to the chosen track', async () => {
      const unknownHold = await post(server, 'assessment-slots/d3-phone_20260304_1030/holds', {});
      assert.equal(unknownHold.status, 404);
      const unknownBooking = await post(server, 'bookings', bookingRequest('d3-phone_20260305_1000'));
      assert.equal(unknownBooking.status, 422);
      assert.deepEqual(unknownBooking.json.errors.map((e: { pointer: string }) => e.pointer), ['/slotId']);
      const past = await post(server, 'bookings', bookingRequest('d1-phone_20260302_0900'));
      assert.equal(past.status, 409);
      const badTrack = await post(server, 'bookings', bookingRequest(SLOT, { trackId: 'no-such-track' }));
      assert.equal(badTrack.status, 422);
    });

    it('counts track seats and answers 409 track-full when none are left', async () => {
      const seatsLeft = async () =>
        ProgramList.parse((await get(server, 'programs')).json).programs.flatMap((p) => p.tracks).find((t) => t.id === 'hcp-evening-saturday')?.seatsLeft;
      assert.equal(await seatsLeft(), 8);
      const slots = ['0800', '0900', '1000', '1100', '1200', '1300', '1400', '1500'].map((t) => `d4-phone_20260305_${t}`);
      for (const slot of slots) assert.equal((await post(server, 'bookings', bookingRequest(slot, { trackId: 'hcp-evening-saturday' }))).status, 201);
      assert.equal(await seatsLeft(), 0);
      const full = await post(server, 'bookings', bookingRequest('d4-phone_20260305_1600', { trackId: 'hcp-evening-saturday' }));
      assert.equal(full.status, 409);
      assert.equal(full.json.code, 'track-full');
      assert.equal((await post(server, 'bookings', bookingRequest('d4-phone_20260305_1600'))).status, 201, 'a booking without a track still works');
    });
  });

  describe(`idempotency keys (${backend})`, () => {
    const clock = new TestClock();
    let database: TestDatabase;
    let server: TestServer;
    useTestServer(backend, clock, (opened) => ({ database, server } = opened));

    it('replays the identical response for the same key and body', async () => {
      const key = newIdempotencyKey();
      const first = await post(server, 'bookings', bookingRequest(SLOT), { key });
      const second = await post(server, 'bookings', bookingRequest(SLOT), { key });
      assert.equal(first.status, 201);
      assert.equal(second.status, first.status);
      assert.equal(second.text, first.text, 'byte-identical body');
      assert.equal(second.headers.get('content-type'), first.headers.get('content-type'));
      assert.equal(second.headers.get('idempotent-replayed'), 'true');
      const [row] = await database.db.query<{ n: number }>('SELECT count(*)::int AS n FROM bookings');
      assert.equal(row?.n, 1);
    });

    it('replays a stored 202 with its Location and a stored 409 as they were', async () => {
      const key = newIdempotencyKey();
      const body = { payerId: 'aetna', memberId: 'IOPTIMEOUT01', patient: { firstName: 'A', lastName: 'B', dateOfBirth: '1980-01-01' }, relationship: 'self', locale: 'en' };
      const first = await post(server, 'eligibility-checks', body, { key });
      const second = await post(server, 'eligibility-checks', body, { key });
      assert.equal(first.status, 202);
      assert.equal(second.text, first.text);
      assert.equal(second.headers.get('location'), first.headers.get('location'));
      assert.equal(second.headers.get('retry-after'), first.headers.get('retry-after'));

      await post(server, 'bookings', bookingRequest(OTHER_SLOT));
      const conflictKey = newIdempotencyKey();
      const conflict = await post(server, 'bookings', bookingRequest(OTHER_SLOT), { key: conflictKey });
      assert.equal(conflict.status, 409);
      assert.equal((await post(server, 'bookings', bookingRequest(OTHER_SLOT), { key: conflictKey })).text, conflict.text);
    });

    it('treats key order in the body as the same request', async () => {
      const key = newIdempotencyKey();
      const body = intakeRequest('CanaryOrder');
      const reordered = Object.fromEntries(Object.entries(body).reverse());
      const first = await post(server, 'intakes', body, { key });
      const second = await post(server, 'intakes', reordered, { key });
      assert.equal(second.text, first.text);
    });

    it('refuses the same key with a different body (422 idempotency-mismatch)', async () => {
      const key = newIdempotencyKey();
      await post(server, 'bookings', bookingRequest(SLOT), { key });
      const other = await post(server, 'bookings', bookingRequest(OTHER_SLOT), { key });
      assert.equal(other.status, 422);
      assert.equal(other.json.code, 'idempotency-mismatch');
      const otherEndpoint = await post(server, 'intakes', intakeRequest(), { key });
      assert.equal(otherEndpoint.status, 422);
    });

    it('answers 409 idempotency-in-progress while the first request runs, and recovers a dead one', async () => {
      const key = newIdempotencyKey();
      const body = bookingRequest(SLOT);
      const store = new IdempotencyStore(database.db, server.cipher);
      assert.equal((await store.claim(key, fingerprintMaterial('POST', 'POST bookings', '', body), clock.now())).kind, 'proceed');
      const busy = await post(server, 'bookings', body, { key });
      assert.equal(busy.status, 409);
      assert.equal(busy.json.code, 'idempotency-in-progress');
      clock.advance(61_000);
      assert.equal((await post(server, 'bookings', body, { key })).status, 201);
    });

    it('lets only one of many concurrent identical requests do the work', async () => {
      const key = newIdempotencyKey();
      const body = intakeRequest();
      const responses = await Promise.all(Array.from({ length: 10 }, () => post(server, 'intakes', body, { key })));
      const created = responses.filter((r) => r.status === 201);
      assert.ok(created.length >= 1);
      assert.ok(created.every((r) => r.text === created[0]?.text));
      assert.ok(responses.every((r) => r.status === 201 || (r.status === 409 && r.json.code === 'idempotency-in-progress')));
      const [row] = await database.db.query<{ n: number }>('SELECT count(*)::int AS n FROM intakes');
      assert.equal(row?.n, 1);
    });

    it('keeps keys at least 24 hours and forgets them after the retention period', async () => {
      const key = newIdempotencyKey();
      const body = intakeRequest();
      const first = await post(server, 'intakes', body, { key });
      clock.advance(25 * 60 * MINUTE);
      assert.equal((await post(server, 'intakes', body, { key })).text, first.text);
      clock.advance(24 * 60 * MINUTE);
      const fresh = await post(server, 'intakes', body, { key });
      assert.equal(fresh.status, 201);
      assert.notEqual(fresh.json.id, first.json.id);
    });

    it('does not store a server error: the retry runs again', async () => {
      let calls = 0;
      const flaky: EligibilityProvider = {
        name: 'flaky',
        async inquire() {
          calls++;
          if (calls === 1) throw new Error('payer connection reset');
          return { status: 'callback', outcome: 'manual' };
        },
      };
      const flakyServer = await startTestServer(database.db, clock, { eligibility: flaky });
      try {
        const key = newIdempotencyKey();
        const body = { payerName: 'Local Plan', memberId: 'ABC123', patient: { firstName: 'A', lastName: 'B', dateOfBirth: '1980-01-01' }, relationship: 'self', locale: 'en' };
        const failed = await post(flakyServer, 'eligibility-checks', body, { key });
        assert.equal(failed.status, 500);
        assert.equal(failed.json.code, 'internal');
        assert.ok(!failed.text.includes('payer connection reset'), 'no internals in the answer');
        assert.equal(flakyServer.logs.at(-1)?.error, 'Error');
        const retried = await post(flakyServer, 'eligibility-checks', body, { key });
        assert.equal(retried.status, 200);
        assert.equal(retried.json.status, 'callback');
      } finally {
        await flakyServer.close();
      }
    });

    it('refuses malformed keys', async () => {
      const response = await post(server, 'intakes', intakeRequest(), { key: 'short' });
      assert.equal(response.status, 400);
    });
  });
}
