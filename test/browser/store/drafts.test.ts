import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import { openStore } from '../../../src/store/store.js';
import { canary, intakeRequest } from '../../support/fixtures.js';
import { rawRecords, textsIn, uniqueDbName } from './helpers.js';

const hour = 3_600_000;

describe('store: drafts', () => {
  it('round-trips a draft through a new store instance and removes it', async () => {
    const name = uniqueDbName();
    const draft = { step: 3, answers: { 'audit-c-1': 2, note: 'más o menos' }, contact: null };
    const first = await openStore({ name });
    await first.saveDraft('intake-screener', draft);
    await first.close();

    const second = await openStore({ name });
    expect(second.persistent).to.equal(true);
    expect(await second.loadDraft('intake-screener')).to.deep.equal(draft);
    await second.removeDraft('intake-screener');
    expect(await second.loadDraft('intake-screener')).to.equal(undefined);
    await second.close();
  });

  it('keeps no plaintext canary in raw IndexedDB from a draft or an outbox entry', async () => {
    const name = uniqueDbName();
    const draftCanary = canary('draft');
    const outboxCanary = canary('outbox');
    const searchCanary = canary('search');
    const store = await openStore({ name });
    await store.saveDraft('intake-screener', { contact: { name: draftCanary } });
    await store.addToOutbox({ endpoint: 'createIntake', body: intakeRequest(outboxCanary), idempotencyKey: crypto.randomUUID() });
    // Non-personal data is stored in clear: it proves the scan below can see what is there.
    await store.writeCache(`payers?q=${searchCanary}`, { payers: [], marker: 'public-marker' });
    await store.close();

    const text = textsIn(await rawRecords(name)).join('\n');
    expect(text).to.include('public-marker');
    expect(text).not.to.include(draftCanary);
    expect(text).not.to.include(outboxCanary);
    expect(text).not.to.include(searchCanary);
  });

  it('keeps its key non-extractable and uses a fresh IV for every write', async () => {
    const name = uniqueDbName();
    const store = await openStore({ name });
    await store.saveDraft('intake-screener', { step: 1 });
    const firstIv = (await rawRecords(name)).drafts!.find((r) => (r as { id?: string }).id === 'intake-screener') as { iv: Uint8Array };
    await store.saveDraft('intake-screener', { step: 1 });
    await store.close();

    const raw = await rawRecords(name);
    const secondIv = raw.drafts!.find((r) => (r as { id?: string }).id === 'intake-screener') as { iv: Uint8Array };
    const { key } = raw.keys![0] as { key: CryptoKey };
    expect(key.extractable).to.equal(false);
    expect(key.algorithm).to.include({ name: 'AES-GCM', length: 256 });
    expect(secondIv.iv.byteLength).to.equal(12);
    expect([...secondIv.iv]).not.to.deep.equal([...firstIv.iv]);
  });

  it('refuses a draft record copied under another id (the id is bound to the ciphertext)', async () => {
    const name = uniqueDbName();
    const store = await openStore({ name });
    await store.saveDraft('intake-screener', { step: 2 });
    await store.close();

    const db = await openDB(name);
    const record = await db.get('drafts', 'intake-screener');
    await db.put('drafts', { ...record, id: 'insurance-check' });
    db.close();

    const reopened = await openStore({ name });
    expect(await reopened.loadDraft('intake-screener')).to.deep.equal({ step: 2 });
    expect(await reopened.loadDraft('insurance-check')).to.equal(undefined);
    await reopened.close();
    expect((await rawRecords(name)).drafts!.filter((r) => typeof r === 'object')).to.have.length(1);
  });

  it('expires a draft after 72 hours by default and purges it on load', async () => {
    const name = uniqueDbName();
    let now = 1_000_000;
    const store = await openStore({ name, now: () => now });
    await store.saveDraft('intake-screener', { step: 1 });
    await store.saveDraft('callback', { step: 1 });

    now += 72 * hour - 1;
    expect(await store.loadDraft('intake-screener')).to.deep.equal({ step: 1 });
    now += 1;
    expect(await store.loadDraft('intake-screener')).to.equal(undefined);
    await store.close();
    // Loading one draft purged every expired draft, not only the one asked for.
    expect((await rawRecords(name)).drafts).to.deep.equal([]);
  });

  it('clamps a draft lifetime longer than 7 days to 7 days', async () => {
    let now = 5_000_000;
    const store = await openStore({ name: uniqueDbName(), now: () => now, draftTtlMs: 30 * 24 * hour });
    await store.saveDraft('intake-screener', { step: 1 });
    now += 7 * 24 * hour - 1;
    expect(await store.loadDraft('intake-screener')).to.deep.equal({ step: 1 });
    now += 1;
    expect(await store.loadDraft('intake-screener')).to.equal(undefined);
    await store.close();
  });

  it('purges expired drafts when a store opens', async () => {
    const name = uniqueDbName();
    const first = await openStore({ name, now: () => 0 });
    await first.saveDraft('intake-screener', { step: 1 });
    await first.close();

    const later = await openStore({ name, now: () => 73 * hour });
    await later.close();
    expect((await rawRecords(name)).drafts).to.deep.equal([]);
  });

  it('clearPersonalData removes drafts, outbox and key but keeps the public cache', async () => {
    const name = uniqueDbName();
    const store = await openStore({ name });
    await store.saveDraft('intake-screener', { step: 1 });
    await store.addToOutbox({ endpoint: 'createIntake', body: intakeRequest(), idempotencyKey: crypto.randomUUID() });
    await store.writeCache('programs', { programs: [] });

    await store.clearPersonalData();

    expect(await store.loadDraft('intake-screener')).to.equal(undefined);
    expect(await store.listOutbox()).to.deep.equal([]);
    expect((await store.readCache('programs'))?.value).to.deep.equal({ programs: [] });
    await store.close();
    const raw = await rawRecords(name);
    expect(raw.drafts).to.deep.equal([]);
    expect(raw.outbox).to.deep.equal([]);
    expect(raw.keys).to.deep.equal([]);
  });
});
