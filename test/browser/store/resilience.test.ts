import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import { openStore } from '../../../src/store/store.js';
import { intakeRequest } from '../../support/fixtures.js';
import { databaseExists, deleteBucket, openTinyBucket, rawRecords, uniqueDbName } from './helpers.js';

describe('store: resilience', () => {
  it('falls back to memory when IndexedDB is over quota, says so and keeps every draft', async () => {
    const bucket = await openTinyBucket(200_000);
    const name = uniqueDbName();
    const large = { step: 2, notes: 'x'.repeat(1_000_000) };
    try {
      const store = await openStore({ name, indexedDB: bucket.indexedDB });
      await store.saveDraft('before', { step: 1 });
      expect(store.persistent).to.equal(true);
      let announced = 0;
      store.addEventListener('persistence-changed', () => announced++);

      await store.saveDraft('after', large);

      expect(store.persistent).to.equal(false);
      expect(store.fallbackReason).to.equal('quota');
      expect(announced).to.equal(1);
      expect(await store.loadDraft('before')).to.deep.equal({ step: 1 });
      expect(await store.loadDraft('after')).to.deep.equal(large);
      // The outbox keeps working in memory too.
      await store.addToOutbox({ endpoint: 'createIntake', body: intakeRequest() });
      expect(await store.listOutbox()).to.have.length(1);
      await store.close();

      const onDisk = (await rawRecords(name, bucket.indexedDB)).drafts!.filter((r) => typeof r === 'object');
      expect(onDisk.map((r) => (r as { id: string }).id)).to.deep.equal(['before']);
    } finally {
      await deleteBucket(bucket);
    }
  });

  it('memory mode keeps everything working and never creates a database', async () => {
    const name = uniqueDbName();
    const store = await openStore({ name, storage: 'memory' });
    expect(store.persistent).to.equal(false);
    expect(store.fallbackReason).to.equal('memory-mode');

    await store.saveDraft('intake-screener', { step: 4 });
    await store.writeCache('programs', { programs: [] });
    await store.addToOutbox({ endpoint: 'createIntake', body: intakeRequest() });
    expect(await store.loadDraft('intake-screener')).to.deep.equal({ step: 4 });
    expect((await store.readCache('programs'))?.value).to.deep.equal({ programs: [] });
    expect(await store.listOutbox()).to.have.length(1);
    await store.close();

    expect(await databaseExists(name)).to.equal(false);
    const again = await openStore({ name, storage: 'memory' });
    expect(await again.loadDraft('intake-screener')).to.equal(undefined);
  });

  it('closes on versionchange so a newer version can upgrade, then keeps working', async () => {
    const name = uniqueDbName();
    const store = await openStore({ name });
    await store.saveDraft('intake-screener', { step: 1 });

    const newer = await new Promise<Awaited<ReturnType<typeof openDB>>>((resolve, reject) => {
      openDB(name, 2, {
        upgrade: (db) => void db.createObjectStore('added-by-newer-code'),
        // Only fires when the store kept its connection open through the versionchange.
        blocked: () => reject(new Error('the store did not close its connection')),
      }).then(resolve, reject);
    });

    expect(await store.loadDraft('intake-screener')).to.deep.equal({ step: 1 });
    await store.saveDraft('intake-screener', { step: 2 });
    expect(store.persistent).to.equal(true);
    expect(newer.version).to.equal(2);
    const saved = await newer.get('drafts', 'intake-screener');
    expect(saved).to.have.property('expiresAt');
    newer.close();
    await store.close();

    const reopened = await openStore({ name });
    expect(await reopened.loadDraft('intake-screener')).to.deep.equal({ step: 2 });
    await reopened.close();
  });

  it('falls back to memory when the database lacks its stores (foreign code on the same name)', async () => {
    const name = uniqueDbName();
    const foreign = await openDB(name, 1, { upgrade: (db) => void db.createObjectStore('something-else') });
    foreign.close();

    const store = await openStore({ name });
    expect(store.persistent).to.equal(false);
    expect(store.fallbackReason).to.equal('unavailable');
    await store.saveDraft('intake-screener', { step: 1 });
    expect(await store.loadDraft('intake-screener')).to.deep.equal({ step: 1 });
    await store.close();
  });
});
