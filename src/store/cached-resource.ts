/**
 * Stale-while-revalidate over the store's cache: a repeat visit renders from the device before the
 * network answers, and a failed refresh still shows the last copy with its age.
 */
import type { IopStore } from './store.js';

export interface CachedSnapshot<T> {
  /** Absent only when nothing is cached and the loader failed. */
  value?: T;
  /** How old `value` is; 0 when it has just come from the network. */
  ageMs: number;
  source: 'cache' | 'network';
  /** The refresh failed: `value`, if any, is the last cached copy and `error` says why. */
  offline: boolean;
  error?: unknown;
}

export interface CachedResourceOptions<T> {
  /** Describes the request (`payers?q=aet`); the store keeps only its digest. */
  key: string;
  /** Younger cached values are used without asking the network; defaults to the store's `cacheTtlMs`. */
  ttlMs?: number;
  load: () => Promise<T>;
}

/**
 * Yields the cached value first (if any), then, when it was stale or missing, the network's answer
 * or, if the loader failed, an `offline` snapshot. Only successful loads are written to the cache, after
 * the consumer has had them (iterate to the end to know the copy is kept).
 */
export async function* cachedResource<T>(store: IopStore, options: CachedResourceOptions<T>): AsyncGenerator<CachedSnapshot<T>> {
  const cached = await store.readCache<T>(options.key);
  if (cached) yield { value: cached.value, ageMs: cached.ageMs, source: 'cache', offline: false };
  if (cached && cached.ageMs < (options.ttlMs ?? store.cacheTtlMs)) return;
  let value: T;
  try {
    value = await options.load();
  } catch (error) {
    yield cached
      ? { value: cached.value, ageMs: Math.max(0, store.now() - cached.storedAt), source: 'cache', offline: true, error }
      : { ageMs: 0, source: 'cache', offline: true, error };
    return;
  }
  yield { value, ageMs: 0, source: 'network', offline: false };
  // Kept for the next visit only after the answer is shown, a task later: the store clones what it
  // keeps, and for a long answer (25,000 alumni sessions) the clone cost more than the first screen's
  // own work. A write that fails (a full disk) costs only that copy, never the answer just shown.
  await new Promise((resolve) => setTimeout(resolve, 0));
  await store.writeCache(options.key, value).catch(() => undefined);
}
