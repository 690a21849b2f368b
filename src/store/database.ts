/**
 * The one IndexedDB database the widgets share, and its migrations. Store names and record ids
 * are fixed words or random ids, never anything a person typed.
 */
import { wrap, type IDBPDatabase } from 'idb';

export const storeNames = ['cache', 'drafts', 'outbox', 'keys'] as const;
export type StoreName = (typeof storeNames)[number];

/** `migrations[n]` moves a database from version n to n + 1. Append; never edit a shipped step. */
const migrations: ReadonlyArray<(db: IDBDatabase) => void> = [
  (db) => {
    for (const name of storeNames) db.createObjectStore(name, { keyPath: 'id' });
  },
];
export const databaseVersion = migrations.length;

/** Called when the connection is gone: another tab upgrades or deletes the database, or the browser dropped it. */
export type OnConnectionLost = () => void;

// Not idb's openDB: that one only knows the page's `indexedDB`, and a Storage Bucket has its own factory.
function openVersion(factory: IDBFactory, name: string, version: number | undefined, onLost: OnConnectionLost): Promise<IDBPDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name, version);
    let gaveUp = false;
    request.onupgradeneeded = (event) => {
      for (let step = event.oldVersion; step < (event.newVersion ?? databaseVersion); step++) migrations[step]?.(request.result);
    };
    // Another tab keeps an old connection open and our upgrade would wait for it indefinitely.
    request.onblocked = () => {
      gaveUp = true;
      reject(new DOMException('Another tab blocks the upgrade', 'BlockedError'));
    };
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      if (gaveUp) return db.close();
      // Closing at once lets newer code upgrade; our next operation reopens.
      db.onversionchange = () => (db.close(), onLost());
      db.onclose = onLost;
      resolve(wrap(db));
    };
  });
}

export async function openDatabase(factory: IDBFactory, name: string, onLost: OnConnectionLost): Promise<IDBPDatabase> {
  let db: IDBPDatabase;
  try {
    db = await openVersion(factory, name, databaseVersion, onLost);
  } catch (error) {
    // A newer tab already upgraded the database: use it as it is if it still has our stores.
    if ((error as Error).name !== 'VersionError') throw error;
    db = await openVersion(factory, name, undefined, onLost);
  }
  if (storeNames.some((store) => !db.objectStoreNames.contains(store))) {
    db.close();
    throw new DOMException('The database lacks a store this code needs', 'NotFoundError');
  }
  return db;
}
