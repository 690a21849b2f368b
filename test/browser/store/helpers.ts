import { wrap } from 'idb';
import { createClient, type CallInput } from '../../../src/client/client.js';
import type { WriteEndpointName } from '../../../src/api/endpoints.js';
import type { Send } from '../../../src/store/store.js';

/** A fresh database per test: nothing leaks between tests or runs. */
export const uniqueDbName = () => `iop-test-${crypto.randomUUID()}`;

/** The real client, without its own retries: the outbox is what retries in these tests. */
export function clientFor(apiBase: string) {
  return createClient({ apiBase, retry: false, timeoutMs: 5000 });
}

export function sendTo(apiBase: string): Send {
  const client = clientFor(apiBase);
  return (operation) => client.call(operation.endpoint, operation as CallInput<WriteEndpointName>);
}

/** Every value and key in every object store, opened behind the store's back. */
export async function rawRecords(name: string, factory: IDBFactory = indexedDB): Promise<Record<string, unknown[]>> {
  const db = (await wrap(factory.open(name)))!;
  try {
    const records: Record<string, unknown[]> = {};
    for (const store of db.objectStoreNames) records[store] = [...(await db.getAll(store)), ...(await db.getAllKeys(store))];
    return records;
  } finally {
    db.close();
  }
}

/** All text a record could reveal: strings as they are, binary data decoded as UTF-8. */
export function textsIn(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string') found.push(value);
  else if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) found.push(new TextDecoder().decode(value));
  else if (value && typeof value === 'object') for (const inner of Object.values(value)) textsIn(inner, found);
  return found;
}

export async function databaseExists(name: string): Promise<boolean> {
  return (await indexedDB.databases()).some((db) => db.name === name);
}

/** Resolves with the next event of `type`; the test's timeout fails it if none comes. */
export function nextEvent<E extends Event>(target: EventTarget, type: string): Promise<E> {
  return new Promise((resolve) => target.addEventListener(type, (event) => resolve(event as E), { once: true }));
}

interface StorageBucket {
  name: string;
  indexedDB: IDBFactory;
}
interface StorageBucketManager {
  open(name: string, options?: { quota?: number }): Promise<StorageBucket>;
  delete(name: string): Promise<void>;
}

/**
 * A Storage Bucket with a tiny quota: its IndexedDB throws a real QuotaExceededError. (The CDP quota
 * override only applies to an origin whose IndexedDB this browser has not used yet, so it cannot
 * serve a test that runs after others.)
 */
export function openTinyBucket(quotaBytes: number): Promise<StorageBucket> {
  const manager = (navigator as Navigator & { storageBuckets: StorageBucketManager }).storageBuckets;
  return manager.open(`quota-${crypto.randomUUID().slice(0, 8)}`, { quota: quotaBytes });
}

export function deleteBucket(bucket: StorageBucket): Promise<void> {
  return (navigator as Navigator & { storageBuckets: StorageBucketManager }).storageBuckets.delete(bucket.name);
}
