import { expect } from '@open-wc/testing';
import { createClient } from '../../../src/client/client.js';
import { ClientError } from '../../../src/client/errors.js';
import { faultStats, intakeRequest, runId, setFaultOffline } from '../../support/fixtures.js';

const fastRetry = { retries: 3, baseDelayMs: 5, maxDelayMs: 20 };

async function failureOf(promise: Promise<unknown>): Promise<ClientError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(ClientError);
    return error as ClientError;
  }
  throw new Error('expected the call to fail');
}

function clientFor(scenario: string, run: string, options: Partial<Parameters<typeof createClient>[0]> = {}) {
  return createClient({ apiBase: `/fault/${scenario}/${run}/`, retry: fastRetry, ...options });
}

describe('client over real HTTP', () => {
  it('reports offline when no server answers, after retrying', async () => {
    const run = runId();
    await setFaultOffline(run, true);
    const error = await failureOf(clientFor('switch', run).listPrograms());
    expect(error.kind).to.equal('offline');
    // At least the first try and three retries; Chromium itself may resend once on a reset socket.
    expect((await faultStats(run)).requests).to.be.at.least(4);
  });

  it('reports offline for a host that refuses connections', async () => {
    const error = await failureOf(createClient({ apiBase: 'http://127.0.0.1:9/', retry: false }).listPrograms());
    expect(error.kind).to.equal('offline');
  });

  it('retries 500, 500 and returns the parsed 200', async () => {
    const run = runId();
    const list = await clientFor('seq-500-500-200', run).listPrograms();
    expect(list.programs[0]?.tracks[0]?.id).to.equal('evening');
    expect((await faultStats(run)).requests).to.equal(3);
  });

  it('gives up after the retry budget with the last problem', async () => {
    const run = runId();
    const error = await failureOf(clientFor('seq-503', run).listPrograms());
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(503);
    expect(error.problem?.code).to.equal('internal');
    expect((await faultStats(run)).requests).to.equal(4);
  });

  it('waits for Retry-After on a 429 before trying again', async () => {
    const run = runId();
    const started = performance.now();
    const list = await clientFor('retry-after-1', run).listPrograms();
    expect(list.center.timeZone).to.equal('America/Denver');
    // A lower bound only: the client must not come back sooner than the server asked.
    expect(performance.now() - started).to.be.at.least(950);
    expect((await faultStats(run)).requests).to.equal(2);
  });

  it('retries 409 idempotency-in-progress after Retry-After with the same key, and gets the one receipt', async () => {
    const run = runId();
    const started = performance.now();
    const receipt = await clientFor('in-progress', run).createIntake(intakeRequest(), { idempotencyKey: 'one-logical-intake-0001' });
    expect(receipt.status).to.equal('received');
    expect(performance.now() - started).to.be.at.least(950);
    const stats = await faultStats(run);
    expect(stats.keysSeen).to.deep.equal(['one-logical-intake-0001', 'one-logical-intake-0001']);
    expect(stats.delivered).to.equal(1);
  });

  it('times out a response that comes too late', async () => {
    const run = runId();
    const error = await failureOf(clientFor('slow-3000', run, { timeoutMs: 150, retry: false }).listPrograms());
    expect(error.kind).to.equal('timeout');
  });

  it('tells the caller abort apart from a timeout', async () => {
    const run = runId();
    const controller = new AbortController();
    const pending = clientFor('slow-3000', run).listPrograms({ signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect((await failureOf(pending)).kind).to.equal('aborted');
  });

  it('turns malformed JSON into a contract error', async () => {
    const error = await failureOf(clientFor('malformed', runId()).listPrograms());
    expect(error.kind).to.equal('contract');
    expect(error.issues).to.deep.equal(['(root): invalid JSON']);
  });

  it('turns JSON that breaks the schema into a contract error naming paths, not values', async () => {
    const error = await failureOf(clientFor('wrong-shape', runId()).listPrograms());
    expect(error.kind).to.equal('contract');
    expect(error.issues).to.include('center.name: invalid_type');
    expect(error.message).not.to.contain('42');
  });

  it('does not retry a 409 and exposes its problem', async () => {
    const run = runId();
    const error = await failureOf(clientFor('conflict', run).createIntake(intakeRequest()));
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(409);
    expect(error.problem?.code).to.equal('slot-taken');
    expect(error.transient).to.equal(false);
    expect((await faultStats(run)).requests).to.equal(1);
  });

  it('does not retry a 422', async () => {
    const run = runId();
    const error = await failureOf(clientFor('invalid', run).createIntake(intakeRequest()));
    expect(error.status).to.equal(422);
    expect((await faultStats(run)).requests).to.equal(1);
  });

  it('retries a write with one Idempotency-Key so it is delivered once', async () => {
    const run = runId();
    const receipt = await clientFor('seq-500-502-200', run).createIntake(intakeRequest(), { idempotencyKey: 'key-retried-once' });
    expect(receipt.status).to.equal('received');
    const stats = await faultStats(run);
    expect(stats.requests).to.equal(3);
    expect(stats.delivered).to.equal(1);
  });

  it('refuses to send a request that breaks the contract', async () => {
    const run = runId();
    const bad = { ...intakeRequest(), consent: false } as unknown as ReturnType<typeof intakeRequest>;
    const error = await failureOf(clientFor('ok', run).createIntake(bad));
    expect(error.kind).to.equal('invalid-request');
    expect(error.issues).to.deep.equal(['consent: invalid_value']);
    expect((await faultStats(run)).requests).to.equal(0);
  });

  it('keeps personal data out of error messages', async () => {
    const error = await failureOf(clientFor('invalid', runId()).createIntake(intakeRequest('Zebulon Canary')));
    expect(String(error)).not.to.contain('Zebulon');
    expect(JSON.stringify(error)).not.to.contain('Zebulon');
  });
});

describe('client and cache validators (ETag) on the reference API', () => {
  it('gets the parsed list when the browser revalidates and the server answers 304', async () => {
    const client = createClient({ apiBase: '/api/iop/', retry: false });
    const first = await client.listPrograms();
    const again = await client.listPrograms();
    expect(again).to.deep.equal(first);
    // The second exchange carried headers only: Chromium sent If-None-Match and got 304, then used its cached body.
    const timings = performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('/api/iop/programs')) as PerformanceResourceTiming[];
    const last = timings.at(-1)!;
    expect(timings.length).to.be.at.least(2);
    expect(last.encodedBodySize).to.be.greaterThan(1000);
    expect(last.transferSize).to.be.greaterThan(0);
    expect(last.transferSize).to.be.lessThan(last.encodedBodySize);
  });

  it('asks once in full when a fetch layer of its own surfaces a 304', async () => {
    const etag = (await fetch('/api/iop/payers')).headers.get('etag')!;
    const seen: number[] = [];
    // A layer that revalidates with its own validator unless told to reload (as a service worker might).
    const revalidating: typeof fetch = async (input, init) => {
      const response = await fetch(input, init?.cache === 'reload' ? init : { ...init, headers: { ...(init?.headers as Record<string, string>), 'if-none-match': etag } });
      seen.push(response.status);
      return response;
    };
    const list = await createClient({ apiBase: '/api/iop/', retry: false, fetch: revalidating }).listPayers();
    expect(seen).to.deep.equal([304, 200]);
    expect(list.payers.length).to.be.greaterThan(5);
  });
});
