import { expect } from '@open-wc/testing';
import type { ProgramList } from '../../../src/api/schemas.js';
import { ClientError } from '../../../src/client/errors.js';
import { cachedResource, type CachedSnapshot } from '../../../src/store/cached-resource.js';
import { openStore } from '../../../src/store/store.js';
import { faultBase, runId, setFaultOffline } from '../../support/fixtures.js';
import { clientFor, rawRecords, textsIn, uniqueDbName } from './helpers.js';

async function collect<T>(snapshots: AsyncGenerator<CachedSnapshot<T>>): Promise<CachedSnapshot<T>[]> {
  const all: CachedSnapshot<T>[] = [];
  for await (const snapshot of snapshots) all.push(snapshot);
  return all;
}

const minute = 60_000;

describe('store: cached resource (stale-while-revalidate)', () => {
  it('emits the cached value before a slow loader answers, then the fresh one', async () => {
    let now = 0;
    const store = await openStore({ name: uniqueDbName(), now: () => now });
    const cachedCopy = { center: { name: 'cached copy' } };
    await store.writeCache('programs', cachedCopy);
    now = 10 * minute;

    let loaderAnswered = false;
    const slow = clientFor(faultBase('slow-800'));
    const order: string[] = [];
    for await (const snapshot of cachedResource<unknown>(store, {
      key: 'programs',
      ttlMs: minute,
      load: () => slow.listPrograms().then((list) => ((loaderAnswered = true), list)),
    })) {
      order.push(`${snapshot.source}:${loaderAnswered}`);
      if (snapshot.source === 'cache') expect(snapshot).to.deep.include({ value: cachedCopy, ageMs: 10 * minute, offline: false });
      else {
        expect((snapshot.value as ProgramList).center.name).to.equal('Juniper Ridge Recovery');
        // The answer comes first; the copy for the next visit is written after it is shown.
        expect((await store.readCache('programs'))?.value).to.deep.equal(cachedCopy);
      }
    }

    expect(order).to.deep.equal(['cache:false', 'network:true']);
    expect((await store.readCache<ProgramList>('programs'))?.value.center.name).to.equal('Juniper Ridge Recovery');
    await store.close();
  });

  it('shows the cached value flagged offline, with its age, when the refresh fails', async () => {
    const run = runId();
    const client = clientFor(faultBase('switch', run));
    let now = 1_000_000;
    const store = await openStore({ name: uniqueDbName(), now: () => now });
    const first = await collect(cachedResource(store, { key: 'programs', ttlMs: minute, load: () => client.listPrograms() }));
    expect(first.map((s) => s.source)).to.deep.equal(['network']);

    await setFaultOffline(run, true);
    now += 25 * minute;
    const offline = await collect(cachedResource(store, { key: 'programs', ttlMs: minute, load: () => client.listPrograms() }));

    expect(offline).to.have.length(2);
    expect(offline[0]).to.include({ source: 'cache', offline: false, ageMs: 25 * minute });
    expect(offline[1]).to.include({ source: 'cache', offline: true, ageMs: 25 * minute });
    expect(offline[1]!.value).to.deep.equal(first[0]!.value);
    expect((offline[1]!.error as ClientError).kind).to.equal('offline');
    await store.close();
  });

  it('still gives the answer, not "offline", when keeping a copy fails (a full disk)', async () => {
    const store = await openStore({ name: uniqueDbName() });
    // A stand-in for a full disk: the one write this test makes is refused as IndexedDB would refuse it.
    store.writeCache = () => Promise.reject(new DOMException('The disk is full.', 'QuotaExceededError'));
    const snapshots = await collect(cachedResource(store, { key: 'programs', load: () => clientFor(faultBase('ok')).listPrograms() }));
    expect(snapshots.map((s) => `${s.source}:${s.offline}`)).to.deep.equal(['network:false']);
    expect((snapshots[0]!.value as ProgramList).center.name).to.equal('Juniper Ridge Recovery');
    await store.close();
  });

  it('yields the error when nothing is cached and the loader fails', async () => {
    const run = runId();
    await setFaultOffline(run, true);
    const store = await openStore({ name: uniqueDbName() });
    const client = clientFor(faultBase('switch', run));

    const snapshots = await collect(cachedResource(store, { key: 'programs', load: () => client.listPrograms() }));

    expect(snapshots).to.have.length(1);
    expect(snapshots[0]).to.include({ offline: true });
    expect(snapshots[0]).not.to.have.property('value');
    expect(snapshots[0]!.error).to.be.instanceOf(ClientError);
    expect(await store.readCache('programs')).to.equal(undefined);
    await store.close();
  });

  it('does not call the loader while the cached value is fresh', async () => {
    let now = 0;
    const store = await openStore({ name: uniqueDbName(), now: () => now });
    await store.writeCache('payers?q=aet', { payers: [] });
    now = minute - 1;
    let loads = 0;

    const snapshots = await collect(cachedResource(store, { key: 'payers?q=aet', ttlMs: minute, load: async () => (loads++, { payers: [] }) }));

    expect(snapshots.map((s) => s.source)).to.deep.equal(['cache']);
    expect(loads).to.equal(0);
    await store.close();
  });

  it('stores cache keys only as digests', async () => {
    const name = uniqueDbName();
    const store = await openStore({ name });
    await store.writeCache('payers?q=blue-cross-search', { payers: [] });
    await store.close();
    expect(textsIn((await rawRecords(name)).cache).join('\n')).not.to.include('blue-cross');
  });
});
