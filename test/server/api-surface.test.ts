/**
 * Read endpoints, contract validation, and the HTTP policies every endpoint shares: problem
 * details, security headers, CORS allowlist, body limit, JSON-only writes, rate limiting, logs.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import { describe, it } from 'node:test';
import { AlumniSessionList, AssessmentSlotList, PayerList, Problem, ProgramList } from '../../src/api/schemas.js';
import { intakeRequest } from './support/fixtures.js';
import { get, post, startTestServer, TestClock, testBackends, type TestDatabase, type TestServer, useTestServer } from './support/test-server.js';

for (const backend of testBackends()) {
  describe(`API surface (${backend})`, () => {
    const clock = new TestClock();
    let database: TestDatabase;
    let server: TestServer;
    useTestServer(backend, clock, (opened) => ({ database, server } = opened), { allowedOrigins: ['https://center.example'] }, { keepRecords: true });

    it('lists the seeded center, its programs and tracks', async () => {
      const response = await get(server, 'programs');
      assert.equal(response.status, 200);
      const list = ProgramList.parse(response.json);
      assert.equal(list.center.timeZone, 'America/Denver');
      const tracks = list.programs.flatMap((p) => p.tracks);
      assert.ok(tracks.length >= 4);
      const hcp = tracks.find((t) => t.audience === 'healthcare-professionals');
      assert.ok(hcp?.meetings.some((m) => m.day === 6), 'HCP track meets on Saturday');
      assert.ok(hcp?.meetings.some((m) => m.start >= '17:00'), 'and in the evening');
      assert.ok(list.programs.some((p) => p.kind === 'family'));
      assert.ok(tracks.every((t) => t.startDates.every((d) => d > '2026-03-02')), 'start dates are in the future');
      assert.equal(tracks.find((t) => t.id === 'day-iop')?.seatsLeft, 12);
      assert.equal(response.headers.get('cache-control'), 'no-cache');
    });

    it('lists 25+ payers with contract status and member-id rules, filtered by name or alias', async () => {
      const all = PayerList.parse((await get(server, 'payers')).json).payers;
      assert.ok(all.length >= 25);
      assert.equal(all.find((p) => p.id === 'medicare')?.memberIdRule, 'medicare-mbi');
      assert.ok(all.filter((p) => /blue/i.test(p.name)).every((p) => p.memberIdRule === 'bcbs'));
      assert.ok(all.some((p) => p.inNetwork === false) && all.some((p) => p.inNetwork === null));
      const uhc = PayerList.parse((await get(server, 'payers?q=uhc')).json).payers;
      assert.deepEqual(uhc.map((p) => p.id), ['unitedhealthcare']);
      const united = PayerList.parse((await get(server, 'payers?q=UNITED')).json).payers;
      assert.deepEqual(united.map((p) => p.id), ['optum-bh', 'umr', 'unitedhealthcare'], 'aliases match too, sorted by name');
    });

    it('lists free assessment slots in the center zone, weekdays 8:00-21:00 and Saturday mornings', async () => {
      const response = await get(server, 'assessment-slots?from=2026-03-06&to=2026-03-09');
      assert.equal(response.status, 200);
      const list = AssessmentSlotList.parse(response.json);
      assert.equal(list.timeZone, 'America/Denver');
      const friday = list.slots.filter((s) => s.id.includes('_20260306_'));
      assert.equal(friday[0]?.start, '2026-03-06T15:00:00.000Z', 'Friday 08:00 MST');
      assert.equal(friday.filter((s) => s.mode === 'phone').length, 13);
      assert.deepEqual(new Set(list.slots.filter((s) => s.id.includes('_20260307_')).map((s) => s.mode)), new Set(['phone', 'video', 'in-person']));
      assert.equal(list.slots.filter((s) => s.id.includes('_20260308_')).length, 0, 'closed on Sunday');
      assert.equal(list.slots.find((s) => s.id.includes('_20260309_'))?.start, '2026-03-09T14:00:00.000Z', 'Monday 08:00 MDT after the change');
    });

    it('does not offer slots in the past or within the notice period', async () => {
      const today = AssessmentSlotList.parse((await get(server, 'assessment-slots?from=2026-03-02&to=2026-03-02')).json);
      // Now is 10:00; one hour's notice leaves 11:00 as the first time.
      assert.equal(today.slots[0]?.start, '2026-03-02T18:00:00.000Z');
    });

    it('refuses bad slot queries with field errors', async () => {
      const reversed = await get(server, 'assessment-slots?from=2026-03-09&to=2026-03-06');
      assert.equal(reversed.status, 422);
      assert.deepEqual(Problem.parse(reversed.json).errors?.map((e) => e.pointer), ['/to']);
      assert.equal(reversed.headers.get('content-type'), 'application/problem+json');
      const tooLong = await get(server, 'assessment-slots?from=2026-03-01&to=2026-12-01');
      assert.equal(tooLong.status, 422);
      const missing = await get(server, 'assessment-slots?from=yesterday');
      assert.equal(missing.status, 422);
      assert.deepEqual(new Set(Problem.parse(missing.json).errors?.map((e) => e.pointer)), new Set(['/from', '/to']));
      assert.ok(!missing.text.includes('yesterday'));
    });

    it('lists alumni sessions of every kind and format in range', async () => {
      const list = AlumniSessionList.parse((await get(server, 'alumni-sessions?from=2026-03-01&to=2026-04-30')).json);
      const sessions = list.sessions;
      assert.ok(sessions.length >= 6);
      assert.deepEqual(new Set(sessions.map((s) => s.format)), new Set(['in-person', 'online', 'hybrid']));
      assert.ok(sessions.some((s) => s.recurrence.kind === 'monthly-nth'));
      assert.ok(sessions.some((s) => s.recurrence.kind === 'weekly' && s.recurrence.interval === 2 && s.language === 'es'));
      assert.ok(sessions.some((s) => s.audience === 'healthcare-professionals'));
      assert.ok(sessions.some((s) => s.audience === 'family'));
      assert.ok(!JSON.stringify(list).includes('meet.example.org'), 'join links only after an RSVP');
    });

    it('answers unknown endpoints and malformed ids with a problem', async () => {
      const unknown = await get(server, 'no-such-thing');
      assert.equal(unknown.status, 404);
      assert.equal(Problem.parse(unknown.json).code, 'not-found');
      const badId = await get(server, 'eligibility-checks/bad%2Fid');
      assert.equal(badId.status, 404);
    });

    it('sends security headers on API answers', async () => {
      const { headers } = await get(server, 'programs');
      assert.equal(headers.get('x-content-type-options'), 'nosniff');
      assert.match(headers.get('content-security-policy') ?? '', /default-src 'none'/);
      assert.match(headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
      assert.equal(headers.get('referrer-policy'), 'no-referrer');
      assert.ok(headers.get('x-request-id'));
    });

    it('allows only allowlisted origins through CORS', async () => {
      const preflight = (origin: string) =>
        fetch(`${server.api}intakes`, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key' },
        });
      const allowed = await preflight('https://center.example');
      assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://center.example');
      assert.match(allowed.headers.get('access-control-allow-headers') ?? '', /idempotency-key/i);
      const other = await preflight('https://tracker.example');
      assert.equal(other.headers.get('access-control-allow-origin'), null);
      const simple = await fetch(`${server.api}programs`, { headers: { origin: 'https://tracker.example' } });
      assert.equal(simple.headers.get('access-control-allow-origin'), null);
    });

    it('refuses bodies over the limit with 413', async () => {
      const big = { ...intakeRequest(), answers: Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`q-${i}`, 'x'.repeat(1500)])) };
      const response = await post(server, 'intakes', big);
      assert.equal(response.status, 413);
      assert.equal(Problem.parse(response.json).code, 'payload-too-large');
    });

    it('closes the connection after refusing a body, so a keep-alive client is not cut off on its next request', async () => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const send = (method: string, path: string, body?: string) =>
        new Promise<number>((resolve, reject) => {
          const headers = body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'idempotency-key': `key-${Math.random()}` } : undefined;
          const request = http.request(`${server.api}${path}`, { method, agent, headers }, (response) => {
            response.resume();
            response.on('end', () => resolve(response.statusCode ?? 0));
          });
          request.on('error', reject);
          request.end(body);
        });
      try {
        assert.equal(await send('POST', 'intakes', JSON.stringify({ padding: 'x'.repeat(3_000_000) })), 413);
        assert.equal(await send('GET', 'programs'), 200);
      } finally {
        agent.destroy();
      }
    });

    it('accepts writes only as JSON, and says so for malformed JSON', async () => {
      const form = await post(server, 'intakes', 'a=1', { headers: { 'content-type': 'text/plain' } });
      assert.equal(form.status, 415);
      const broken = await post(server, 'intakes', '{"locale":', {});
      assert.equal(broken.status, 400);
      assert.equal(Problem.parse(broken.json).code, 'validation');
    });

    it('rate-limits writes per client with 429 and Retry-After', async () => {
      // This file keeps records between tests, and the shared window has counted every write so far.
      await database.db.query('DELETE FROM rate_limit_windows');
      const limited = await startTestServer(database.db, clock, { writesPerMinute: 3 });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 4; i++) statuses.push((await post(limited, 'callback-requests', { nonsense: true })).status);
        assert.deepEqual(statuses, [422, 422, 422, 429]);
        const refused = await post(limited, 'callback-requests', {});
        assert.equal(Problem.parse(refused.json).code, 'rate-limited');
        // Fixed one-minute windows shared by every instance: wait until the next one begins.
        assert.equal(refused.headers.get('retry-after'), String(60 - clock.now().getUTCSeconds()));
        assert.equal((await get(limited, 'programs')).status, 200, 'reads are not limited');
      } finally {
        await limited.close();
      }
    });

    it('logs one line per request with the route pattern, never the URL or query values', async () => {
      const before = server.logs.length;
      await get(server, 'payers?q=CanaryQueryValue');
      await get(server, 'eligibility-checks/CanaryPathId');
      const lines = server.logs.slice(before);
      assert.equal(lines.length, 2);
      assert.deepEqual(lines.map((l) => l.route), ['GET payers', 'GET eligibility-checks/{id}']);
      assert.deepEqual(lines.map((l) => l.status), [200, 404]);
      assert.ok(lines.every((l) => typeof l.ms === 'number' && l.requestId.length > 0));
      assert.ok(!JSON.stringify(lines).includes('Canary'));
    });
  });
}
