/**
 * Health data: intakes, eligibility checks and callback requests; encryption at rest, logs, the
 * staff API and the CRM webhook. The payer is the simulated one (a fake, named as such).
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { Booking, CallbackReceipt, EligibilityCheck, IntakeReceipt } from '../../src/api/schemas.js';
import { parseReferenceCode } from '../../src/domain/reference-code.js';
import { manualEligibility } from '../../server/eligibility/manual-eligibility.js';
import { hmacSha256Hex } from '../../server/security/secrets.js';
import { StaffRecord, StaffRecordList } from '../../server/staff/staff-schemas.js';
import { bookingRequest, callbackRequest, contact, eligibilityRequest, intakeRequest, uniqueCanary } from './support/fixtures.js';
import { dumpAllRows, get, post, startTestServer, TestClock, testBackends, type TestDatabase, type TestServer, useTestServer, waitFor } from './support/test-server.js';

const STAFF_TOKEN = 'staff-token-for-tests-0123456789';

for (const backend of testBackends()) {
  describe(`health data (${backend})`, () => {
    const clock = new TestClock();
    let database: TestDatabase;
    let server: TestServer;
    useTestServer(backend, clock, (opened) => ({ database, server } = opened), { staffToken: STAFF_TOKEN });

    const staff = (path: string, init: RequestInit = {}, token = STAFF_TOKEN) =>
      fetch(`${server.api}staff/${path}`, { ...init, headers: { authorization: `Bearer ${token}` } });

    it('receives an intake and stores only ciphertext', async () => {
      const canary = uniqueCanary('Intake');
      const response = await post(server, 'intakes', intakeRequest(canary));
      assert.equal(response.status, 201);
      const receipt = IntakeReceipt.parse(response.json);
      assert.equal(receipt.receivedAt, clock.now().toISOString());
      assert.equal(response.headers.get('cache-control'), 'no-store');
      const rows = await dumpAllRows(database.db);
      assert.ok(rows.includes(receipt.id), 'the dump does contain the intake row');
      assert.ok(!rows.includes(canary), 'no canary in clear in any table');
      assert.ok(!rows.toLowerCase().includes(canary.toLowerCase()));
    });

    it('gives intakes, bookings and callbacks a reference to read aloud, which staff can search as it is read', async () => {
      const intake = IntakeReceipt.parse((await post(server, 'intakes', intakeRequest(uniqueCanary('Ref')))).json);
      const booking = Booking.parse((await post(server, 'bookings', bookingRequest('d3-phone_20260304_1100'))).json);
      const callback = CallbackReceipt.parse((await post(server, 'callback-requests', callbackRequest())).json);
      for (const receipt of [intake, booking, callback]) {
        assert.ok(receipt.reference && parseReferenceCode(receipt.reference) === receipt.reference, `${receipt.reference} has a valid check symbol`);
        assert.notEqual(receipt.reference, receipt.id);
      }
      // Read out over the phone and typed by staff: lower case, spaces instead of dashes.
      const spoken = intake.reference!.toLowerCase().replace(/-/g, ' ');
      const found = StaffRecordList.parse(await (await staff(`intakes?status=all&reference=${encodeURIComponent(spoken)}`)).json());
      assert.deepEqual(
        found.records.map((record) => [record.id, record.reference]),
        [[intake.id, intake.reference]],
      );
      const other = StaffRecordList.parse(await (await staff(`bookings?status=all&reference=${encodeURIComponent(booking.reference!)}`)).json());
      assert.deepEqual(other.records.map((record) => record.id), [booking.id]);
      const record = StaffRecord.parse(await (await staff(`callback-requests/${callback.id}`)).json());
      assert.equal(record.reference, callback.reference);
      // A mistyped symbol fails the check instead of finding nothing or someone else.
      const typo = intake.reference!.replace(/^./, (first) => (first === 'A' ? 'B' : 'A'));
      assert.equal((await staff(`intakes?status=all&reference=${typo}`)).status, 422);
    });

    it('stores booking contacts, eligibility requests, callbacks and RSVPs as ciphertext', async () => {
      const canary = uniqueCanary('Mixed');
      await post(server, 'bookings', bookingRequest('d3-phone_20260304_1000', { contact: contact(canary) }));
      await post(server, 'eligibility-checks', eligibilityRequest('IOPACTIVE01', 'aetna', canary));
      await post(server, 'eligibility-checks', eligibilityRequest('IOPTIMEOUT01', 'aetna', canary));
      await post(server, 'callback-requests', callbackRequest({ bestTimes: canary }));
      await post(server, 'alumni-sessions/alumni-tuesday/rsvps', { occurrenceDate: '2026-03-03', name: canary.slice(0, 40), familyMembers: 0, locale: 'en' });
      const rows = await dumpAllRows(database.db);
      assert.ok(!rows.includes(canary));
      assert.ok(!rows.includes(canary.slice(0, 40)));
      assert.ok(!rows.includes('1984-05-17'), 'date of birth sealed');
      assert.ok(!rows.includes('IOPACTIVE01'), 'member id sealed');
    });

    it('never logs anything from a request body, valid or not', async () => {
      const canary = uniqueCanary('Log');
      const start = server.logs.length;
      await post(server, 'intakes', intakeRequest(canary));
      const invalid = await post(server, 'intakes', { ...intakeRequest(canary), consent: canary });
      assert.equal(invalid.status, 422);
      assert.ok(!invalid.text.includes(canary), 'a 422 does not echo values');
      await post(server, 'eligibility-checks', eligibilityRequest(canary.slice(0, 30), 'aetna', canary));
      const lines = server.logs.slice(start);
      assert.equal(lines.length, 3);
      assert.deepEqual(Object.keys(lines[0] ?? {}).sort(), ['method', 'ms', 'requestId', 'route', 'status', 'time']);
      assert.ok(!JSON.stringify(lines).includes(canary.slice(0, 20)));
    });

    it('answers every stand-in clearinghouse outcome, with network status from the contract list', async () => {
      const check = async (memberId: string, payerId: string | null) => {
        const response = await post(server, 'eligibility-checks', eligibilityRequest(memberId, payerId));
        return { status: response.status, check: EligibilityCheck.parse(response.json) };
      };
      const active = await check('IOPACTIVE01', 'aetna');
      assert.equal(active.status, 200);
      assert.equal(active.check.outcome, 'active');
      assert.equal(active.check.coverage?.inNetwork, true);
      assert.deepEqual(active.check.coverage?.deductible, { totalCents: 150_000, remainingCents: 90_000 });
      assert.equal((await check('IOPACTIVE01', 'humana')).check.coverage?.inNetwork, false, 'Humana is out of network for this center');
      assert.equal((await check('1EG4TE5MK70', 'tricare-west')).check.coverage?.inNetwork, null, 'unknown contract status');
      // A typed insurer has no clearinghouse payer id to ask: staff call back.
      assert.deepEqual([(await check('IOPACTIVE01', null)).check.status, (await check('IOPACTIVE01', null)).check.outcome], ['callback', 'manual'], 'free-text insurer');
      const missing = (await check('IOPNODETAIL01', 'aetna')).check;
      assert.equal(missing.outcome, 'details-missing');
      assert.equal(missing.coverage?.behavioralHealthDetails, false);
      assert.equal((await check('IOPINACTIVE01', 'aetna')).check.coverage?.active, false);
      assert.equal((await check('NOBODY123', 'aetna')).check.outcome, 'not-found');
    });

    it('answers a payer timeout with 202 and Location, then resolves on a later poll', async () => {
      const created = await post(server, 'eligibility-checks', eligibilityRequest('IOPTIMEOUT01', 'cigna'));
      assert.equal(created.status, 202);
      const pending = EligibilityCheck.parse(created.json);
      assert.equal(pending.status, 'pending');
      assert.equal(pending.retryAfterSeconds, 2);
      assert.equal(created.headers.get('retry-after'), '2');
      const location = created.headers.get('location');
      assert.equal(location, `/api/iop/eligibility-checks/${pending.id}`);

      const early = await fetch(new URL(location!, server.url));
      assert.equal(((await early.json()) as { status: string }).status, 'pending');
      clock.advance(2_000);
      const done = EligibilityCheck.parse(await (await fetch(new URL(location!, server.url))).json());
      assert.equal(done.status, 'complete');
      assert.equal(done.outcome, 'active');
      assert.equal(done.coverage?.inNetwork, true);
      const again = EligibilityCheck.parse((await get(server, `eligibility-checks/${pending.id}`)).json);
      assert.deepEqual(again, done);
    });

    it('turns a payer that stays down into a callback', async () => {
      const created = EligibilityCheck.parse((await post(server, 'eligibility-checks', eligibilityRequest('IOPDOWN01'))).json);
      clock.advance(2_000);
      const polled = EligibilityCheck.parse((await get(server, `eligibility-checks/${created.id}`)).json);
      assert.deepEqual([polled.status, polled.outcome], ['callback', 'payer-unavailable']);
      assert.equal((await get(server, 'eligibility-checks/NoSuchCheck')).status, 404);
    });

    it('with the manual provider, stores the request and promises a call back', async () => {
      const manual = await startTestServer(database.db, clock, { eligibility: manualEligibility });
      try {
        const response = await post(manual, 'eligibility-checks', eligibilityRequest('IOPACTIVE01'));
        assert.equal(response.status, 200);
        const check = EligibilityCheck.parse(response.json);
        assert.deepEqual([check.status, check.outcome, check.coverage], ['callback', 'manual', undefined]);
      } finally {
        await manual.close();
      }
    });

    it('refuses an unknown payer id and a request without any insurer', async () => {
      assert.deepEqual((await post(server, 'eligibility-checks', eligibilityRequest('IOPACTIVE01', 'not-a-payer'))).json.errors[0].pointer, '/payerId');
      const { payerName: _dropped, ...noInsurer } = eligibilityRequest('IOPACTIVE01', null);
      assert.equal((await post(server, 'eligibility-checks', noInsurer)).status, 422);
    });

    it('receives callback requests, linked to an existing eligibility check only', async () => {
      const check = EligibilityCheck.parse((await post(server, 'eligibility-checks', eligibilityRequest('IOPNODETAIL01'))).json);
      const linked = await post(server, 'callback-requests', callbackRequest({ eligibilityCheckId: check.id }));
      assert.equal(linked.status, 201);
      CallbackReceipt.parse(linked.json);
      const dangling = await post(server, 'callback-requests', callbackRequest({ eligibilityCheckId: 'no-such-check' }));
      assert.equal(dangling.status, 422);
    });

    it('keeps the staff API closed without the right bearer token', async () => {
      assert.equal((await fetch(`${server.api}staff/intakes`)).status, 401);
      assert.equal((await staff('intakes', {}, 'wrong-token-wrong-token-wrong')).status, 401);
      const closed = await startTestServer(database.db, clock);
      try {
        const response = await fetch(`${closed.api}staff/intakes`, { headers: { authorization: `Bearer ${STAFF_TOKEN}` } });
        assert.equal(response.status, 401, 'no staff token configured: nobody gets in');
      } finally {
        await closed.close();
      }
    });

    it('lets staff list, read decrypted and mark handled every kind of record', async () => {
      const canary = uniqueCanary('Staff');
      const intake = IntakeReceipt.parse((await post(server, 'intakes', intakeRequest(canary))).json);
      const booking = (await post(server, 'bookings', bookingRequest('d3-phone_20260304_1000', { contact: contact(canary), trackId: 'day-iop' }))).json;
      const check = (await post(server, 'eligibility-checks', eligibilityRequest('IOPACTIVE01', 'aetna', canary))).json;
      const callback = (await post(server, 'callback-requests', callbackRequest({ bestTimes: canary }))).json;

      for (const [kind, id] of [['intakes', intake.id], ['bookings', booking.id], ['eligibility-checks', check.id], ['callback-requests', callback.id]] as const) {
        const list = StaffRecordList.parse(await (await staff(kind)).json());
        assert.deepEqual(list.records.map((r) => r.id), [id], kind);
        const record = StaffRecord.parse(await (await staff(`${kind}/${id}`)).json());
        assert.ok(JSON.stringify(record.data).includes(canary), `${kind} decrypts`);
        const handled = await staff(`${kind}/${id}/handled`, { method: 'POST' });
        assert.equal(handled.status, 200);
        assert.equal(StaffRecordList.parse(await (await staff(kind)).json()).records.length, 0, 'no longer open');
        assert.equal(StaffRecordList.parse(await (await staff(`${kind}?status=handled`)).json()).records.length, 1);
      }
      assert.equal((await staff('intakes/NoSuchRecord')).status, 404);
      assert.equal((await staff('secrets')).status, 404);
      const programs = (await get(server, 'programs')).json;
      const dayIop = programs.programs.flatMap((p: { tracks: { id: string; seatsLeft: number }[] }) => p.tracks).find((t: { id: string }) => t.id === 'day-iop');
      assert.equal(dayIop.seatsLeft, 12, 'a handled booking frees its provisional seat');
      assert.ok(!server.logs.some((line) => JSON.stringify(line).includes(canary)));
    });

    it('notifies the CRM webhook with signed {type, id} only, retrying with backoff', async () => {
      const received: { body: string; signature: string }[] = [];
      let attempts = 0;
      const receiver = createServer((req: IncomingMessage, res) => {
        let body = '';
        req.on('data', (chunk) => (body += chunk));
        req.on('end', () => {
          attempts++;
          if (attempts === 1) {
            res.writeHead(503).end();
            return;
          }
          received.push({ body, signature: String(req.headers['iop-signature']) });
          res.writeHead(204).end();
        });
      });
      await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
      const secret = 'webhook-secret-for-tests';
      const webhook = { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`, secret, baseDelayMs: 5_000 };
      const hooked = await startTestServer(database.db, clock, { webhook }, { runJobs: true });
      try {
        const canary = uniqueCanary('Hook');
        const intake = IntakeReceipt.parse((await post(hooked, 'intakes', intakeRequest(canary))).json);
        await waitFor(() => attempts === 1, 'the first delivery attempt');
        // The receiver answers before the worker records the refusal: wait for the job row, not the request.
        await waitFor(
          async () => (await database.db.query("SELECT 1 FROM jobs WHERE kind = 'webhook.deliver' AND last_error IS NOT NULL")).length === 1,
          'the refusal recorded',
        );
        const [job] = await database.db.query<{ run_at: Date; last_error: string }>("SELECT run_at, last_error FROM jobs WHERE kind = 'webhook.deliver'");
        assert.equal(job?.run_at.getTime(), clock.now().getTime() + 5_000, 'the retry waits its backoff');
        assert.equal(job?.last_error, 'WebhookRefused');
        clock.advance(5_000);
        await waitFor(async () => (await database.db.query("SELECT 1 FROM jobs WHERE kind = 'webhook.deliver' AND outcome = 'done'")).length === 1, 'the delivery done');
        assert.equal(attempts, 2, 'one failure, one retry');
        assert.equal(received.length, 1);
        const [delivery] = received;
        assert.deepEqual(JSON.parse(delivery!.body), { type: 'intake.created', id: intake.id });
        assert.ok(!delivery!.body.includes(canary));
        const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(delivery!.signature);
        assert.ok(match, 'signature header format');
        assert.equal(match[2], await hmacSha256Hex(secret, `${match[1]}.${delivery!.body}`));
      } finally {
        await hooked.close();
        await new Promise((resolve) => receiver.close(resolve));
      }
    });
  });
}
