import { expect } from '@open-wc/testing';
import { openStore, type OutboxDeliveredEvent } from '../../../src/store/store.js';
import { faultBase, faultStats, intakeRequest, runId, setFaultOffline } from '../../support/fixtures.js';
import { nextEvent, sendTo, uniqueDbName } from './helpers.js';

const intake = { endpoint: 'createIntake', body: intakeRequest() } as const;

describe('store: outbox', () => {
  it('survives a reload and delivers exactly once when back online', async () => {
    const name = uniqueDbName();
    const run = runId();
    const send = sendTo(faultBase('switch', run));
    await setFaultOffline(run, true);

    const before = await openStore({ name });
    const idempotencyKey = crypto.randomUUID();
    const entry = await before.addToOutbox({ ...intake, idempotencyKey });
    expect(await before.flushOutbox(send)).to.deep.equal({ delivered: 0, busy: false });
    await before.close();

    const afterReload = await openStore({ name });
    const [pending] = await afterReload.listOutbox();
    expect(pending).to.include({ id: entry.id, endpoint: 'createIntake', state: 'pending', attempts: 1 });
    expect(pending).not.to.have.property('operation');

    await setFaultOffline(run, false);
    expect(await afterReload.flushOutbox(send)).to.deep.equal({ delivered: 1, busy: false });
    expect(await afterReload.flushOutbox(send)).to.deep.equal({ delivered: 0, busy: false });
    expect(await afterReload.listOutbox()).to.deep.equal([]);
    await afterReload.close();

    const stats = (await faultStats(run)) as Awaited<ReturnType<typeof faultStats>> & { deliveries: Record<string, { replays: number }> };
    // Request counts are not asserted while offline: Chromium itself may retry on a reset socket.
    expect(stats.delivered).to.equal(1);
    expect(stats.deliveries).to.deep.equal({ [idempotencyKey]: { replays: 0 } });
    expect(JSON.parse(stats.bodies[0]!)).to.deep.equal(intake.body);
  });

  it('delivers once when two store instances flush at once', async () => {
    const name = uniqueDbName();
    const run = runId();
    const send = sendTo(faultBase('ok', run));
    const first = await openStore({ name });
    const second = await openStore({ name });
    await first.addToOutbox({ ...intake, idempotencyKey: crypto.randomUUID() });
    await second.addToOutbox({ ...intake, idempotencyKey: crypto.randomUUID() });

    const results = await Promise.all([first.flushOutbox(send), second.flushOutbox(send)]);

    expect(results.map((r) => r.busy).sort()).to.deep.equal([false, true]);
    expect(results[0]!.delivered + results[1]!.delivered).to.equal(2);
    const stats = await faultStats(run);
    expect(stats.delivered).to.equal(2);
    expect(stats.requests).to.equal(2);
    expect(await first.listOutbox()).to.deep.equal([]);
    await Promise.all([first.close(), second.close()]);
  });

  it('announces a delivery with entry id, endpoint and response, and deletes the linked draft', async () => {
    const store = await openStore({ name: uniqueDbName() });
    await store.saveDraft('intake-screener', { step: 9 });
    const entry = await store.addToOutbox({ ...intake, draftId: 'intake-screener' });
    const delivered = nextEvent<OutboxDeliveredEvent>(store, 'outbox-delivered');

    await store.flushOutbox(sendTo(faultBase('ok')));

    const event = await delivered;
    expect(event.entryId).to.equal(entry.id);
    expect(event.endpoint).to.equal('createIntake');
    expect(event.response).to.include({ status: 'received' });
    expect(await store.loadDraft('intake-screener')).to.equal(undefined);
    await store.close();
  });

  it('parks a write the server refuses (4xx) as needing attention, and it stays', async () => {
    const name = uniqueDbName();
    const run = runId();
    const send = sendTo(faultBase('invalid', run));
    const store = await openStore({ name });
    await store.saveDraft('intake-screener', { step: 9 });
    const entry = await store.addToOutbox({ ...intake, draftId: 'intake-screener' });

    await store.flushOutbox(send);
    await store.flushOutbox(send);
    await store.close();

    const reopened = await openStore({ name });
    const [parked] = await reopened.listOutbox();
    expect(parked).to.include({ id: entry.id, state: 'attention', attempts: 1 });
    expect(parked?.problem).to.include({ status: 422, code: 'validation' });
    // Not retried, and the draft is kept so the person can correct the answers.
    expect((await faultStats(run)).requests).to.equal(1);
    expect(await reopened.loadDraft('intake-screener')).to.deep.equal({ step: 9 });

    await reopened.discardOutboxEntry(entry.id);
    expect(await reopened.listOutbox()).to.deep.equal([]);
    await reopened.close();
  });

  it('keeps a write pending after a transient failure (503) and counts attempts', async () => {
    const run = runId();
    const send = sendTo(faultBase('seq-503', run));
    const store = await openStore({ name: uniqueDbName() });
    await store.addToOutbox(intake);

    await store.flushOutbox(send);
    await store.flushOutbox(send);

    const [entry] = await store.listOutbox();
    expect(entry).to.include({ state: 'pending', attempts: 2 });
    expect(entry).not.to.have.property('problem');
    expect((await faultStats(run)).requests).to.equal(2);
    await store.close();
  });

  it('stops at the first transient failure and keeps the order of the entries behind it', async () => {
    const run = runId();
    await setFaultOffline(run, true);
    let now = 1;
    const store = await openStore({ name: uniqueDbName(), now: () => now++ });
    const first = await store.addToOutbox(intake);
    const second = await store.addToOutbox({ endpoint: 'createCallbackRequest', body: { phone: '+1 303 555 0142', voicemailOk: false, consent: true, topic: 'insurance', locale: 'en' } });

    await store.flushOutbox(sendTo(faultBase('switch', run)));

    const entries = await store.listOutbox();
    expect(entries.map((e) => [e.id, e.attempts])).to.deep.equal([
      [first.id, 1],
      [second.id, 0],
    ]);
    await store.close();
  });

  it('flushes automatically when the device comes back online and after each add', async () => {
    const run = runId();
    await setFaultOffline(run, true);
    const store = await openStore({ name: uniqueDbName() });
    await store.addToOutbox(intake);
    const send = sendTo(faultBase('switch', run));
    const stop = store.autoFlushOutbox(send);
    // The flush on start meets the dropped connection and leaves the entry pending.
    while ((await store.listOutbox())[0]?.attempts !== 1) await nextEvent(store, 'outbox-changed');

    await setFaultOffline(run, false);
    const deliveredOnline = nextEvent(store, 'outbox-delivered');
    window.dispatchEvent(new Event('online'));
    await deliveredOnline;

    const deliveredAfterAdd = nextEvent<OutboxDeliveredEvent>(store, 'outbox-delivered');
    const added = await store.addToOutbox(intake);
    expect((await deliveredAfterAdd).entryId).to.equal(added.id);

    stop();
    await store.addToOutbox(intake);
    window.dispatchEvent(new Event('online'));
    // Had the stopped auto-flush started a flush, it would hold the outbox and this one would be busy.
    expect(await store.flushOutbox(send)).to.deep.equal({ delivered: 1, busy: false });
    expect((await faultStats(run)).delivered).to.equal(3);
    await store.close();
  });
});
