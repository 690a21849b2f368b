/**
 * The widgets' device storage: a cache of non-personal GETs, encrypted drafts, and an encrypted
 * outbox of writes waiting to be delivered. One IndexedDB database, with an in-memory twin that
 * takes over (same API, same data) whenever the device cannot or must not keep anything.
 */
import type { IDBPDatabase } from 'idb';
import type { BodyOf, WriteEndpointName } from '../api/endpoints.js';
import type { Problem } from '../api/schemas.js';
import { ClientError } from '../client/errors.js';
import { createDataKey, digest, seal, unseal, type Sealed } from './crypto.js';
import { openDatabase, storeNames, type StoreName } from './database.js';

const hourMs = 3_600_000;
/** Safari deletes script-written storage after 7 days without a visit; a draft never outlives that. */
const maxDraftTtlMs = 168 * hourMs;
const keyId = 'aes-gcm';

export type StorageMode = 'local' | 'memory';
/** Why nothing survives a reload: so the UI can say "this device won't keep a draft". */
export type FallbackReason = 'memory-mode' | 'unavailable' | 'blocked' | 'quota';

export interface StoreOptions {
  /** Database name; tests and embedders running two apps on one origin pick their own. */
  name?: string;
  /** `memory` for shared devices: nothing is written to the device, IndexedDB is not even opened. */
  storage?: StorageMode;
  /** Where the database lives: the page's `indexedDB` by default; a Storage Bucket's factory works too. */
  indexedDB?: IDBFactory;
  /** How long an untouched draft lives; 72 hours by default, never more than 7 days. */
  draftTtlMs?: number;
  /** How long a cached GET counts as fresh; 5 minutes by default. */
  cacheTtlMs?: number;
  now?: () => number;
}

/** A write as the widget hands it over; `draftId` names a draft to delete once the write is delivered. */
export interface OutboxWrite<N extends WriteEndpointName = WriteEndpointName> {
  endpoint: N;
  /** The `{id}` path parameter. */
  id?: string;
  body?: BodyOf<N>;
  /** Created once per logical submission; generated when absent. */
  idempotencyKey?: string;
  token?: string;
  draftId?: string;
  /** The API the write belongs to: one store serves every widget on the page, whatever its api-base. */
  apiBase?: string;
}

/** What `send` receives: the shape of the client's `call(endpoint, input)` input. */
export interface OutboxOperation {
  endpoint: WriteEndpointName;
  id?: string;
  body?: unknown;
  idempotencyKey: string;
  token?: string;
  apiBase?: string;
}

export type OutboxState = 'pending' | 'attention';

/** An outbox entry as the UI may show it: no body, no token, nothing a person typed. */
export interface OutboxEntry {
  id: string;
  endpoint: WriteEndpointName;
  createdAt: number;
  attempts: number;
  state: OutboxState;
  /** Why the server refused the write (state `attention`). */
  problem?: Problem;
  draftId?: string;
}

/** Sends one stored write; resolves on 2xx, rejects with a `ClientError` otherwise. */
export type Send = (operation: OutboxOperation) => Promise<unknown>;

export interface FlushResult {
  delivered: number;
  /** Another tab or call holds the outbox lock; it delivers instead. */
  busy: boolean;
}

export interface CachedEntry<T> {
  value: T;
  storedAt: number;
  ageMs: number;
}

export class OutboxDeliveredEvent extends Event {
  constructor(
    readonly entryId: string,
    readonly endpoint: WriteEndpointName,
    /** The parsed 2xx response, e.g. an intake receipt to show. */
    readonly response: unknown,
  ) {
    super('outbox-delivered');
  }
}

export interface IopStoreEventMap {
  /** `persistent` or `fallbackReason` changed. */
  'persistence-changed': Event;
  'outbox-changed': Event;
  'outbox-delivered': OutboxDeliveredEvent;
}

type StoredRecord = { id: string };
type MemoryStores = Map<StoreName, Map<string, StoredRecord>>;
interface KeyRecord extends StoredRecord {
  key: CryptoKey;
}
interface DraftRecord extends StoredRecord, Sealed {
  expiresAt: number;
}
interface CacheRecord extends StoredRecord {
  value: unknown;
  storedAt: number;
}
interface OutboxRecord extends Omit<OutboxEntry, 'problem'> {
  operation: Sealed;
  problem?: Sealed;
}

const entryOf = ({ id, endpoint, createdAt, attempts, state, draftId }: OutboxRecord): OutboxEntry => ({ id, endpoint, createdAt, attempts, state, draftId });
const byCreation = (a: OutboxRecord, b: OutboxRecord) => a.createdAt - b.createdAt;
const problemId = (entryId: string) => `${entryId}/problem`;

// Typed addEventListener overloads merged onto the class: the standard EventTarget typing pattern.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface IopStore {
  addEventListener<K extends keyof IopStoreEventMap>(
    type: K,
    listener: (event: IopStoreEventMap[K]) => void,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof IopStoreEventMap>(
    type: K,
    listener: (event: IopStoreEventMap[K]) => void,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void;
}

/** Open with `openStore()`. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class IopStore extends EventTarget {
  /** False when nothing written now survives a reload; `fallbackReason` says why. */
  persistent = true;
  fallbackReason?: FallbackReason;
  readonly now: () => number;
  readonly cacheTtlMs: number;
  readonly #name: string;
  readonly #factory?: IDBFactory;
  readonly #draftTtlMs: number;
  #connection?: Promise<IDBPDatabase>;
  #memory?: MemoryStores;
  #switching?: Promise<void>;
  #flushing = false;
  #autoFlush?: () => void;
  #stopAutoFlush?: () => void;

  constructor(options: StoreOptions = {}) {
    super();
    this.#name = options.name ?? 'iop-widgets';
    this.#factory = options.indexedDB;
    this.now = options.now ?? Date.now;
    this.cacheTtlMs = options.cacheTtlMs ?? 300_000;
    this.#draftTtlMs = Math.min(options.draftTtlMs ?? 72 * hourMs, maxDraftTtlMs);
  }

  static async open(options: StoreOptions = {}): Promise<IopStore> {
    const store = new IopStore(options);
    if (options.storage === 'memory') await store.#fallBack('memory-mode');
    await store.#purgeExpired();
    return store;
  }

  // ---- cache of non-personal GETs ----------------------------------------------------------

  async readCache<T>(key: string): Promise<CachedEntry<T> | undefined> {
    const record = await this.#get<CacheRecord>('cache', await digest(key));
    return record && { value: record.value as T, storedAt: record.storedAt, ageMs: Math.max(0, this.now() - record.storedAt) };
  }

  async writeCache(key: string, value: unknown): Promise<void> {
    const id = await digest(key);
    await this.#update<CacheRecord>('cache', id, () => ({ id, value, storedAt: this.now() }));
  }

  // ---- drafts: encrypted, short-lived ------------------------------------------------------

  /** `id` names the form (`intake-screener`), never the person. Resolves once the draft is on disk. */
  async saveDraft(id: string, value: unknown): Promise<void> {
    // Encrypt first: a transaction left waiting on non-IndexedDB work commits early.
    const sealed = await this.#seal(id, value);
    await this.#update<DraftRecord>('drafts', id, () => ({ id, ...sealed, expiresAt: this.now() + this.#draftTtlMs }));
  }

  async loadDraft<T>(id: string): Promise<T | undefined> {
    await this.#purgeExpired();
    const record = await this.#get<DraftRecord>('drafts', id);
    if (!record) return undefined;
    try {
      return await this.#unseal<T>(id, record);
    } catch {
      // The key is gone (personal data cleared in another tab): the draft can never be read again.
      await this.removeDraft(id);
      return undefined;
    }
  }

  removeDraft(id: string): Promise<void> {
    return this.#delete('drafts', [id]);
  }

  // ---- outbox: writes kept until the server has them ---------------------------------------

  /** Resolves once the write is stored, encrypted, before any attempt to send it. */
  async addToOutbox<N extends WriteEndpointName>(write: OutboxWrite<N>): Promise<OutboxEntry> {
    const id = crypto.randomUUID();
    const { endpoint, draftId } = write;
    const operation: OutboxOperation = {
      endpoint,
      id: write.id,
      body: write.body,
      token: write.token,
      apiBase: write.apiBase,
      idempotencyKey: write.idempotencyKey ?? crypto.randomUUID(),
    };
    const record: OutboxRecord = { id, endpoint, draftId, createdAt: this.now(), attempts: 0, state: 'pending', operation: await this.#seal(id, operation) };
    await this.#update('outbox', id, () => record);
    this.#outboxChanged();
    this.#autoFlush?.();
    return entryOf(record);
  }

  /** Oldest first. */
  async listOutbox(): Promise<OutboxEntry[]> {
    const records = (await this.#all<OutboxRecord>('outbox')).sort(byCreation);
    return Promise.all(
      records.map(async (record) =>
        record.problem
          ? { ...entryOf(record), problem: await this.#unseal<Problem>(problemId(record.id), record.problem).catch(() => undefined) }
          : entryOf(record),
      ),
    );
  }

  async discardOutboxEntry(id: string): Promise<void> {
    await this.#delete('outbox', [id]);
    this.#outboxChanged();
  }

  /** Sends pending entries one at a time, in one tab at a time. Never rejects because of `send`. */
  async flushOutbox(send: Send): Promise<FlushResult> {
    const busy = { delivered: 0, busy: true };
    if (this.#flushing) return busy;
    this.#flushing = true;
    try {
      // An in-memory outbox belongs to this page alone; a shared one must be replayed by one tab only.
      if (!this.persistent || !navigator.locks) return await this.#deliver(send);
      return await navigator.locks.request(`${this.#name}/outbox`, { ifAvailable: true }, (lock) => (lock ? this.#deliver(send) : busy));
    } finally {
      this.#flushing = false;
    }
  }

  /** Flushes now, when the device comes online, when the page becomes visible and after each add. */
  autoFlushOutbox(send: Send): () => void {
    const flush = () => void this.flushOutbox(send);
    const flushIfVisible = () => document.visibilityState === 'visible' && flush();
    addEventListener('online', flush);
    document.addEventListener('visibilitychange', flushIfVisible);
    this.#stopAutoFlush?.();
    this.#autoFlush = flush;
    flush();
    return (this.#stopAutoFlush = () => {
      removeEventListener('online', flush);
      document.removeEventListener('visibilitychange', flushIfVisible);
      if (this.#autoFlush === flush) this.#autoFlush = this.#stopAutoFlush = undefined;
    });
  }

  // ---- housekeeping ------------------------------------------------------------------------

  /** Drafts, outbox and the key: after this nothing a person typed can be recovered on this device. */
  async clearPersonalData(): Promise<void> {
    await this.#clear(['drafts', 'outbox', 'keys']);
    this.#outboxChanged();
  }

  /** Releases the connection and stops automatic flushing; a later call reopens. */
  async close(): Promise<void> {
    this.#stopAutoFlush?.();
    const connection = this.#connection;
    this.#connection = undefined;
    (await connection?.catch(() => undefined))?.close();
  }

  // ---- private -----------------------------------------------------------------------------

  async #deliver(send: Send): Promise<FlushResult> {
    const tried = new Set<string>();
    let delivered = 0;
    // Re-read after each entry: picks up writes added meanwhile and skips ones discarded meanwhile.
    for (;;) {
      const record = (await this.#all<OutboxRecord>('outbox')).filter((r) => r.state === 'pending' && !tried.has(r.id)).sort(byCreation)[0];
      if (!record) return { delivered, busy: false };
      tried.add(record.id);
      let operation: OutboxOperation;
      try {
        operation = await this.#unseal<OutboxOperation>(record.id, record.operation);
      } catch {
        await this.#settle(record, true);
        continue;
      }
      let response: unknown;
      try {
        response = await send(operation);
      } catch (error) {
        // Only a definite refusal parks an entry; anything that may work later stays pending.
        const refused = error instanceof ClientError && !error.transient && error.kind !== 'aborted';
        await this.#settle(record, refused, refused ? error.problem : undefined);
        // Offline or a struggling server: the entries behind this one would fail the same way.
        if (refused) continue;
        return { delivered, busy: false };
      }
      await this.#delete('outbox', [record.id]);
      if (record.draftId) await this.removeDraft(record.draftId);
      delivered++;
      this.dispatchEvent(new OutboxDeliveredEvent(record.id, record.endpoint, response));
      this.#outboxChanged();
    }
  }

  async #settle(record: OutboxRecord, refused: boolean, problem?: Problem): Promise<void> {
    const sealedProblem = problem && (await this.#seal(problemId(record.id), problem));
    await this.#update<OutboxRecord>('outbox', record.id, (current) =>
      current && { ...current, attempts: current.attempts + 1, ...(refused && { state: 'attention', problem: sealedProblem }) },
    );
    this.#outboxChanged();
  }

  #outboxChanged(): void {
    this.dispatchEvent(new Event('outbox-changed'));
  }

  async #purgeExpired(): Promise<void> {
    const now = this.now();
    const expired = (await this.#all<DraftRecord>('drafts')).filter((draft) => draft.expiresAt <= now);
    if (expired.length) await this.#delete('drafts', expired.map((draft) => draft.id));
  }

  async #key(create: boolean): Promise<CryptoKey | undefined> {
    const stored = await this.#get<KeyRecord>('keys', keyId);
    if (stored || !create) return stored?.key;
    const fresh = await createDataKey();
    // Two tabs may race to create the key: the first one stored wins and both use it.
    const kept = await this.#update<KeyRecord>('keys', keyId, (current) => current ?? { id: keyId, key: fresh });
    return kept?.key;
  }

  async #seal(recordId: string, value: unknown): Promise<Sealed> {
    return seal((await this.#key(true))!, recordId, value);
  }

  async #unseal<T>(recordId: string, sealed: Sealed): Promise<T> {
    const key = await this.#key(false);
    if (!key) throw new DOMException('No data key', 'OperationError');
    return unseal<T>(key, recordId, sealed);
  }

  #get<T extends StoredRecord>(store: StoreName, id: string): Promise<T | undefined> {
    return this.#run(
      (db) => db.get(store, id),
      (memory) => structuredClone(memory.get(store)!.get(id)),
    ) as Promise<T | undefined>;
  }

  #all<T extends StoredRecord>(store: StoreName): Promise<T[]> {
    return this.#run(
      (db) => db.getAll(store),
      (memory) => [...memory.get(store)!.values()].map((record) => structuredClone(record)),
    ) as Promise<T[]>;
  }

  /** Reads a record and writes what `change` makes of it, in one transaction; `undefined` writes nothing. */
  #update<T extends StoredRecord>(store: StoreName, id: string, change: (current: T | undefined) => T | undefined): Promise<T | undefined> {
    return this.#run(
      async (db) => {
        const tx = db.transaction(store, 'readwrite');
        const next = change(await tx.store.get(id));
        // "Saved" means committed: wait for the transaction, not just the request.
        await Promise.all([next && tx.store.put(next), tx.done]);
        return next;
      },
      (memory) => {
        const records = memory.get(store)!;
        const next = change(structuredClone(records.get(id)) as T | undefined);
        if (next) records.set(id, structuredClone(next));
        return next;
      },
    );
  }

  #delete(store: StoreName, ids: string[]): Promise<void> {
    return this.#run(
      async (db) => {
        const tx = db.transaction(store, 'readwrite');
        await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
      },
      (memory) => ids.forEach((id) => memory.get(store)!.delete(id)),
    );
  }

  #clear(stores: StoreName[]): Promise<void> {
    return this.#run(
      async (db) => {
        const tx = db.transaction(stores, 'readwrite');
        await Promise.all([...stores.map((store) => tx.objectStore(store).clear()), tx.done]);
      },
      (memory) => stores.forEach((store) => memory.get(store)!.clear()),
    );
  }

  /**
   * Runs an operation against IndexedDB, reopening once after a lost connection, and against the
   * in-memory stores once IndexedDB has failed, so that nothing a person typed is lost.
   */
  async #run<T>(onDisk: (db: IDBPDatabase) => Promise<T>, inMemory: (memory: MemoryStores) => T): Promise<T> {
    for (let reopened = false; ; reopened = true) {
      await this.#switching;
      if (this.#memory) return inMemory(this.#memory);
      try {
        return await onDisk(await this.#connect());
      } catch (error) {
        const name = (error as Error).name;
        // The value itself cannot be stored: memory would refuse it too, so the caller must know.
        if (name === 'DataCloneError' || name === 'DataError') throw error;
        if (name === 'InvalidStateError' && !reopened) {
          this.#connection = undefined;
          continue;
        }
        await this.#fallBack(name === 'QuotaExceededError' ? 'quota' : name === 'BlockedError' ? 'blocked' : 'unavailable');
      }
    }
  }

  #connect(): Promise<IDBPDatabase> {
    if (this.#connection) return this.#connection;
    // Read late: `indexedDB` is missing in some private modes, which the caller sees as a fallback.
    const connection = openDatabase(this.#factory ?? globalThis.indexedDB, this.#name, () => {
      if (this.#connection === connection) this.#connection = undefined;
    });
    return (this.#connection = connection);
  }

  /** Moves to memory for the rest of this page's life, taking along whatever IndexedDB still holds. */
  #fallBack(reason: FallbackReason): Promise<void> {
    return (this.#switching ??= (async () => {
      const memory: MemoryStores = new Map(storeNames.map((store) => [store, new Map()]));
      const connection = this.#connection;
      this.#connection = undefined;
      try {
        const db = await connection;
        if (db) {
          for (const store of storeNames) for (const record of await db.getAll(store)) memory.get(store)!.set(record.id, record);
          db.close();
        }
      } catch {
        // Unreadable: memory starts empty and keeps everything from now on.
      }
      this.#memory = memory;
      this.persistent = false;
      this.fallbackReason = reason;
      this.dispatchEvent(new Event('persistence-changed'));
    })());
  }
}

export function openStore(options?: StoreOptions): Promise<IopStore> {
  return IopStore.open(options);
}
