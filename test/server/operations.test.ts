/**
 * Running the server for real: graceful shutdown of a server process, client addresses behind
 * trusted proxies, compression and cache headers, health and readiness, the retention sweep, and
 * one payer call per eligibility poll however many readers race.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { Hono } from 'hono';
import { staticCacheControl } from '../../server/app.js';
import type { EligibilityProvider } from '../../server/eligibility/eligibility-provider.js';
import { sweepRecords } from '../../server/jobs/records-sweep.js';
import { listen, nodeClientAddress, withCompression } from '../../server/node-runtime.js';
import { createLogger } from '../../server/run-server.js';
import { callbackRequest, eligibilityRequest, intakeRequest } from './support/fixtures.js';
import { startServerProcess, stopServerProcess } from './support/server-process.js';
import { get, post, startTestServer, TestClock, testBackends, type TestDatabase, type TestServer, useTestServer, waitFor } from './support/test-server.js';

describe('SIGTERM on a server process', () => {
  it('lets a slow request in flight finish, refuses new connections, and exits 0 within the drain timeout', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'iop-drain-'));
    const drainTimeoutMs = 15_000;
    const server = await startServerProcess('server/main.ts', {
      IOP_DATA_DIR: dataDir,
      IOP_DATA_KEY: Buffer.alloc(32, 3).toString('base64'),
      IOP_DRAIN_TIMEOUT_MS: String(drainTimeoutMs),
      IOP_ELIGIBILITY_PROVIDER: 'simulated',
    });
    try {
      // A slow client: headers and half the body now, the rest after SIGTERM.
      const body = JSON.stringify(callbackRequest());
      const answerParts: { finish?: () => void } = {};
      const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
        const slow = request(`${server.api}callback-requests`, {
          method: 'POST',
          agent: false,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'idempotency-key': 'drain-test-key-1' },
        });
        slow.on('response', (response) => {
          let text = '';
          response.on('data', (chunk) => (text += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
        });
        slow.on('error', reject);
        slow.write(body.slice(0, 20));
        answerParts.finish = () => slow.end(body.slice(20));
      });
      // The server has read the slow request's headers once it answered a later one (one event loop, in order).
      assert.equal((await fetch(`${server.origin}/healthz`)).status, 200);
      const signalledAt = Date.now();
      server.child.kill('SIGTERM');
      // Draining: new connections are refused (or told not ready while the listener closes).
      let refused = false;
      while (!refused) {
        try {
          refused = (await fetch(`${server.origin}/readyz`)).status === 503;
        } catch {
          refused = true;
        }
      }
      answerParts.finish!();
      const finished = await answer;
      assert.equal(finished.status, 201, 'the request in flight completed');
      assert.equal(JSON.parse(finished.text).status, 'received');
      assert.equal(await server.exited, 0);
      assert.ok(Date.now() - signalledAt < drainTimeoutMs, 'exited within the drain timeout');
      assert.match(server.output(), /"msg":"stopped"/);
      assert.match(server.output(), /"drained":true/);
    } finally {
      await stopServerProcess(server);
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('structured logs', () => {
  it('writes JSON lines and censors personal keys, at any depth, if a log call is ever handed them', () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
    logger.info({ route: 'POST intakes', status: 201, contact: { name: 'CanaryName' }, request: { memberId: 'CanaryMember', email: 'canary@example.org' } }, 'request');
    logger.warn({ err: Object.assign(new Error('duplicate key CanaryValue'), { code: '23505' }) }, 'failed');
    const [first, second] = lines.map((line) => JSON.parse(line));
    assert.equal(first.route, 'POST intakes');
    assert.equal(first.contact, '[redacted]');
    assert.equal(first.request.memberId, '[redacted]');
    assert.equal(first.request.email, '[redacted]');
    assert.equal(second.err, 'Error 23505', 'errors as their kind, never their message');
    assert.ok(!lines.join('').includes('Canary'));
  });
});

describe('client address behind trusted proxies', () => {
  const addressOf = async (hops: number | boolean, forwardedFor?: string) => {
    const app = new Hono();
    app.get('/', (c) => c.text(nodeClientAddress(hops)(c)));
    const server = await listen(app as never, 0, '127.0.0.1');
    try {
      return await (await fetch(server.url, { headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } })).text();
    } finally {
      await server.close();
    }
  };

  it('takes the rightmost entry the trusted hops did not add', async () => {
    assert.equal(await addressOf(1, 'forged-by-client, 203.0.113.7'), '203.0.113.7', 'one proxy: its own entry is the last');
    assert.equal(await addressOf(2, 'forged, 203.0.113.7, 10.0.0.2'), '203.0.113.7', 'two proxies: the second-last');
    assert.equal(await addressOf(true, 'forged, 198.51.100.1'), '198.51.100.1', 'IOP_TRUST_PROXY=1 is one hop');
    assert.equal(await addressOf(3, '198.51.100.9'), '198.51.100.9', 'fewer entries than hops: the leftmost there is');
    assert.equal(await addressOf(0, 'forged'), '127.0.0.1', 'no trusted proxy: the socket');
    assert.equal(await addressOf(1), '127.0.0.1', 'no header: the socket');
  });
});

describe('compression and cache headers', () => {
  const app = new Hono();
  const big = JSON.stringify({ slots: Array.from({ length: 400 }, (_, i) => ({ id: `slot-${i}`, start: '2026-03-02T15:00:00Z' })) });
  app.get('/json', (c) => c.body(big, 200, { 'content-type': 'application/json', etag: '"v1"' }));
  app.get('/small', (c) => c.json({ ok: true }));
  app.get('/events', (c) => c.body('data: 1\n\n'.repeat(500), 200, { 'content-type': 'text/event-stream' }));
  const fetchApp = withCompression(app.fetch);
  const ask = (path: string, acceptEncoding: string) => fetchApp(new Request(`http://local${path}`, { headers: { 'accept-encoding': acceptEncoding } }), {});

  it('answers brotli or gzip as asked, and leaves small bodies and event streams alone', async () => {
    const br = await ask('/json', 'gzip, deflate, br');
    assert.equal(br.headers.get('content-encoding'), 'br');
    assert.match(br.headers.get('vary') ?? '', /accept-encoding/i);
    const brBytes = Buffer.from(await br.arrayBuffer());
    assert.ok(brBytes.length < big.length / 5, `compressed to ${brBytes.length} of ${big.length}`);
    assert.equal(brotliDecompressSync(brBytes).toString(), big);
    const gzip = await ask('/json', 'gzip');
    assert.equal(gzip.headers.get('content-encoding'), 'gzip');
    assert.equal(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString(), big);
    assert.deepEqual([br.headers.get('etag'), gzip.headers.get('etag')], ['"v1-br"', '"v1-gzip"'], 'each representation its own strong ETag');
    assert.equal((await ask('/json', 'identity')).headers.get('etag'), '"v1"');
    assert.equal((await ask('/json', 'identity')).headers.get('content-encoding'), null);
    assert.equal((await ask('/json', 'br;q=0, gzip')).headers.get('content-encoding'), 'gzip');
    assert.equal((await ask('/small', 'br')).headers.get('content-encoding'), null);
    assert.equal((await ask('/events', 'br')).headers.get('content-encoding'), null);
  });

  it('marks hashed chunks immutable and lets everything else revalidate', () => {
    assert.equal(staticCacheControl('/dist/chunks/lit-element-Bx3k9QaZ.js'), 'public, max-age=31536000, immutable');
    assert.match(staticCacheControl('/dist/cdn/iop-widgets.js'), /^public, max-age=300/);
    assert.match(staticCacheControl('/dist/elements/intake-screener.js'), /^public, max-age=300/);
    assert.equal(staticCacheControl('/schedule.html'), 'no-cache');
  });
});

for (const backend of testBackends()) {
  describe(`health, sweeps and polls (${backend})`, () => {
    const clock = new TestClock();
    let database: TestDatabase;
    let server: TestServer;
    useTestServer(backend, clock, (opened) => ({ database, server } = opened), { staffToken: 'staff-token-for-tests-0123456789', expectedMigrations: ['001_initial.sql'] });

    it('answers /healthz, and /readyz only with the database reachable and migrations applied', async () => {
      assert.deepEqual(await (await fetch(`${server.url}/healthz`)).json(), { status: 'ok' });
      assert.deepEqual(await (await fetch(`${server.url}/readyz`)).json(), { status: 'ready' });
      const ahead = await startTestServer(database.db, clock, { expectedMigrations: ['001_initial.sql', '999_from_the_future.sql'] });
      let draining = false;
      const stopping = await startTestServer(database.db, clock, { draining: () => draining });
      try {
        const pending = await fetch(`${ahead.url}/readyz`);
        assert.equal(pending.status, 503);
        assert.deepEqual(await pending.json(), { status: 'not-ready', reason: 'migrations-pending' });
        assert.equal((await fetch(`${stopping.url}/readyz`)).status, 200);
        draining = true;
        assert.deepEqual(await (await fetch(`${stopping.url}/readyz`)).json(), { status: 'not-ready', reason: 'shutting-down' });
      } finally {
        await ahead.close();
        await stopping.close();
      }
    });

    it('purges records handled longer ago than the retention period, and nothing else', async () => {
      const oldIntake = (await post(server, 'intakes', intakeRequest())).json.id as string;
      const freshIntake = (await post(server, 'intakes', intakeRequest())).json.id as string;
      const openIntake = (await post(server, 'intakes', intakeRequest())).json.id as string;
      await database.db.query('UPDATE intakes SET handled_at = $2 WHERE id = $1', [oldIntake, new Date(clock.now().getTime() - 31 * 86_400_000)]);
      await database.db.query('UPDATE intakes SET handled_at = $2 WHERE id = $1', [freshIntake, new Date(clock.now().getTime() - 29 * 86_400_000)]);
      const counts = await sweepRecords(database.db, clock.now(), { retentionDays: 30, idempotencyRetentionMs: 48 * 3_600_000 });
      assert.equal(counts.intakes, 1);
      const left = (await database.db.query<{ id: string }>('SELECT id FROM intakes ORDER BY id')).map((row) => row.id).sort();
      assert.deepEqual(left, [freshIntake, openIntake].sort());
    });

    it('asks the payer once per poll however many readers race for it', async () => {
      let calls = 0;
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      // A FAKE payer: pending first, then it answers slowly, so racing readers overlap its call.
      const slowPayer: EligibilityProvider = {
        name: 'fake-slow-payer',
        async inquire({ attempt }) {
          calls += 1;
          if (attempt === 1) return { status: 'pending', retryAfterSeconds: 2 };
          await gate;
          return { status: 'complete', outcome: 'active', coverage: { active: true, priorAuthorization: 'no', behavioralHealthDetails: true } };
        },
      };
      const polled = await startTestServer(database.db, clock, { eligibility: slowPayer });
      try {
        const created = await post(polled, 'eligibility-checks', eligibilityRequest('IOPTIMEOUT01'));
        assert.equal(created.status, 202);
        clock.advance(2_000);
        let settled = 0;
        const readers = Array.from({ length: 8 }, () => get(polled, `eligibility-checks/${created.json.id}`).finally(() => (settled += 1)));
        // One reader holds the poll (and waits on the payer); the seven others are told to ask again.
        await waitFor(() => settled === 7 && calls === 2, 'seven readers answered while one polls');
        release();
        const all = await Promise.all(readers);
        assert.equal(calls, 2, 'one call to start, one for the poll');
        assert.equal(all.filter((reply) => reply.json.status === 'complete').length, 1, 'the poller answers complete');
        assert.equal(all.filter((reply) => reply.json.status === 'pending' && reply.json.retryAfterSeconds === 1).length, 7, 'the others: ask again in a second');
        assert.ok(all.every((reply) => reply.json.status === 'complete' || reply.json.status === 'pending'));
        assert.equal((await get(polled, `eligibility-checks/${created.json.id}`)).json.outcome, 'active');
        assert.equal(calls, 2, 'a finished check asks nobody');
      } finally {
        await polled.close();
      }
    });
  });
}
