/**
 * Several real server processes (`npm run serve`) on one PostgreSQL, as behind a load balancer:
 * one booking per slot however the race spreads, idempotent replays across instances, a webhook
 * delivered exactly once although the instance delivering it dies mid-retry, a rate limit shared
 * by all, and the production start's refusals. Needs TEST_DATABASE_URL (a role with CREATEDB):
 * each run creates a throwaway database and drops it.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { applyMigrations } from '../../server/db/migrate.js';
import { migrationsFromDisk } from '../../server/db/migrations-from-disk.js';
import { openPostgresDatabase } from '../../server/db/postgres-database.js';
import type { Database } from '../../server/db/database.js';
import { hmacSha256Hex } from '../../server/security/secrets.js';
import { seedDemoCenter } from '../../server/seed/seed-demo-center.js';
import { bookingRequest, intakeRequest } from './support/fixtures.js';
import { startServerProcess, stopServerProcess, type ServerProcess } from './support/server-process.js';
import { waitFor } from './support/test-server.js';

const databaseUrl = process.env.TEST_DATABASE_URL;
const WEBHOOK_SECRET = 'multi-instance-webhook-secret';
const WRITES_PER_MINUTE = 5;

/** POST through "the load balancer": `X-Forwarded-For` as one trusted proxy would append the client's address. */
async function postAs(server: ServerProcess, path: string, body: unknown, client: string, key = `mi-${randomBytes(8).toString('hex')}`) {
  const response = await fetch(server.api + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key, 'x-forwarded-for': client },
    body: JSON.stringify(body),
  });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

interface Delivery {
  readonly body: string;
  readonly signature: string;
  readonly deliveryId: string;
  answered: number | 'hung';
}

describe('three server processes on one PostgreSQL', { skip: databaseUrl ? false : 'TEST_DATABASE_URL is not set: the multi-instance test needs PostgreSQL' }, () => {
  const databaseName = `iop_multi_${randomBytes(5).toString('hex')}`;
  let admin: Database;
  let db: Database;
  let servers: ServerProcess[] = [];
  const deliveries: Delivery[] = [];
  let hangNextIntakeDelivery = false;
  const hung: ServerResponse[] = [];
  const receiver = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const delivery: Delivery = { body, signature: String(req.headers['iop-signature']), deliveryId: String(req.headers['iop-delivery']), answered: 200 };
      deliveries.push(delivery);
      const intakeAttempts = deliveries.filter((d) => d.body.includes('"intake.created"')).length;
      if (!body.includes('"intake.created"')) return void res.writeHead(204).end();
      // The intake's webhook: refused twice, then the third attempt hangs until its instance is killed.
      if (intakeAttempts <= 2) {
        delivery.answered = 500;
        return void res.writeHead(500).end();
      }
      if (hangNextIntakeDelivery) {
        hangNextIntakeDelivery = false;
        delivery.answered = 'hung';
        hung.push(res);
        return;
      }
      delivery.answered = 204;
      res.writeHead(204).end();
    });
  });

  before(async () => {
    admin = await openPostgresDatabase(databaseUrl!, { maxConnections: 1 });
    await admin.exec(`CREATE DATABASE ${databaseName}`);
    const url = new URL(databaseUrl!);
    url.pathname = `/${databaseName}`;
    db = await openPostgresDatabase(url.toString());
    await applyMigrations(db, migrationsFromDisk());
    // Production never seeds: the center's configuration is the operator's; here the demo stands in.
    await seedDemoCenter(db);
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const env = {
      DATABASE_URL: url.toString(),
      IOP_DATA_KEY: randomBytes(32).toString('base64'),
      IOP_ELIGIBILITY_PROVIDER: 'simulated',
      IOP_WEBHOOK_URL: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
      IOP_WEBHOOK_SECRET: WEBHOOK_SECRET,
      IOP_WEBHOOK_BACKOFF_MS: '100',
      IOP_JOB_POLL_MS: '50',
      // Long enough that the hung delivery is still held when the test finds and kills its holder on a
      // busy machine; the survivors take the job over when it runs out.
      IOP_JOB_LEASE_MS: '6000',
      IOP_TRUSTED_PROXIES: '1',
      IOP_RATE_LIMIT_WRITES_PER_MINUTE: String(WRITES_PER_MINUTE),
      IOP_LOG_LEVEL: 'info',
    };
    servers = await Promise.all([0, 1, 2].map(() => startServerProcess('server/serve.ts', env)));
  });

  after(async () => {
    for (const res of hung) res.destroy();
    await Promise.all(servers.map(stopServerProcess));
    await new Promise((resolve) => receiver.close(resolve));
    await db?.close();
    await admin?.exec(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    await admin?.close();
  });

  it('gives one 201 for 50 concurrent bookings of one slot spread over the three', async () => {
    const from = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const list = await (await fetch(`${servers[0]!.api}assessment-slots?from=${from}&to=${to}`)).json();
    const slot = (list as { slots: { id: string }[] }).slots[0]!.id;
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => postAs(servers[i % 3]!, 'bookings', bookingRequest(slot), `10.0.1.${i}`)));
    const statuses = results.map((result) => result.status);
    assert.equal(statuses.filter((status) => status === 201).length, 1, `one booking: ${statuses.join(',')}`);
    assert.equal(statuses.filter((status) => status === 409).length, 49, 'every other one told the time was taken');
    const [row] = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM bookings WHERE slot_id = $1', [slot]);
    assert.equal(row?.count, 1);
  });

  it('replays an Idempotency-Key on another instance with the identical response', async () => {
    const key = `mi-replay-${randomBytes(6).toString('hex')}`;
    const body = intakeRequest();
    const first = await postAs(servers[0]!, 'callback-requests', { phone: '+1 303-555-0100', bestTimes: 'Mornings', voicemailOk: false, consent: true, topic: 'insurance', locale: 'en' }, '10.0.2.1', key);
    assert.equal(first.status, 201);
    const second = await postAs(servers[1]!, 'callback-requests', { phone: '+1 303-555-0100', bestTimes: 'Mornings', voicemailOk: false, consent: true, topic: 'insurance', locale: 'en' }, '10.0.2.2', key);
    assert.equal(second.status, 201);
    assert.equal(second.text, first.text);
    assert.equal(second.headers.get('idempotent-replayed'), 'true');
    const third = await postAs(servers[2]!, 'callback-requests', body, '10.0.2.3', key);
    assert.equal(third.status, 422, 'another body under the same key is refused on the third instance too');
  });

  it('holds the rate limit across instances, keyed on the hop the proxy added', async () => {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const client = `10.0.3.${attempt}`;
      const windowAtStart = Math.floor(Date.now() / 60_000);
      const statuses: number[] = [];
      // The leftmost entry is the client's to invent: varying it must not buy more writes.
      for (let i = 0; i < WRITES_PER_MINUTE + 3; i += 1) statuses.push((await postAs(servers[i % 3]!, 'callback-requests', { nonsense: i }, `spoofed-${i}, ${client}`)).status);
      if (Math.floor(Date.now() / 60_000) !== windowAtStart) continue; // a minute boundary fell inside: the count restarted
      assert.deepEqual(statuses, [...Array(WRITES_PER_MINUTE).fill(422), 429, 429, 429]);
      return;
    }
    assert.fail('two minute boundaries in a row');
  });

  it('delivers a webhook exactly once although the instance delivering it is killed mid-retry', async () => {
    hangNextIntakeDelivery = true;
    const created = await postAs(servers[0]!, 'intakes', intakeRequest(), '10.0.4.1');
    assert.equal(created.status, 201);
    const intakeId = JSON.parse(created.text).id as string;
    const intakeDeliveries = () => deliveries.filter((d) => d.body.includes('"intake.created"'));
    await waitFor(() => intakeDeliveries().length === 3, 'two refused attempts and a third in flight');
    const [job] = await db.query<{ locked_by: string }>("SELECT locked_by FROM jobs WHERE kind = 'webhook.deliver' AND payload->>'id' = $1", [intakeId]);
    const holder = servers.find((server) => job?.locked_by.endsWith(`:${server.pid}`));
    assert.ok(holder, `the job is held by one of the three: ${job?.locked_by}`);
    await stopServerProcess(holder);

    await waitFor(
      async () => (await db.query("SELECT 1 FROM jobs WHERE kind = 'webhook.deliver' AND payload->>'id' = $1 AND outcome = 'done'", [intakeId])).length === 1,
      'the delivery done by a surviving instance after the lease ran out',
    );
    const attempts = intakeDeliveries();
    assert.deepEqual(
      attempts.map((d) => d.answered),
      [500, 500, 'hung', 204],
    );
    assert.equal(attempts.filter((d) => d.answered === 204).length, 1, 'acknowledged exactly once');
    assert.equal(new Set(attempts.map((d) => d.deliveryId)).size, 1, 'one delivery id on every attempt');
    for (const delivery of attempts) {
      assert.deepEqual(JSON.parse(delivery.body), { type: 'intake.created', id: intakeId });
      const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(delivery.signature);
      assert.equal(match?.[2], await hmacSha256Hex(WEBHOOK_SECRET, `${match?.[1]}.${delivery.body}`));
    }
  });
});

describe('npm run serve refuses to start without what production needs', () => {
  it('exits non-zero naming DATABASE_URL and the data key', async () => {
    const started = startServerProcess('server/serve.ts', { DATABASE_URL: '', IOP_DATA_KEY: '' }, 30_000);
    await assert.rejects(started, (error: Error) => {
      assert.match(error.message, /exited \(1\)/);
      assert.match(error.message, /Configuration error: the production server needs DATABASE_URL .* and IOP_DATA_KEY/);
      return true;
    });
  });
});
