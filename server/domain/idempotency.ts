/**
 * Stripe-like idempotency rules, free of storage: what a request's fingerprint is, and what to do
 * when its key was seen before.
 */

/** JSON with object keys sorted, so `{a,b}` and `{b,a}` are the same request. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The text hashed into a fingerprint: the same key on another endpoint or resource is a different request. */
export function fingerprintMaterial(method: string, routePattern: string, resourceId: string, body: unknown): string {
  return `${method}\n${routePattern}\n${resourceId}\n${canonicalJson(body)}`;
}

export interface StoredKey {
  readonly fingerprint: string;
  /** Null while the first request is still being processed. */
  readonly completed: boolean;
  readonly lockedAtMs: number;
}

export type KeyDecision = 'replay' | 'mismatch' | 'in-progress' | 'take-over';

/**
 * A different body is refused even while in flight; an unfinished request older than `staleAfterMs`
 * (its process died) may be taken over so the client's retry is not refused forever.
 */
export function decideOnSeenKey(stored: StoredKey, fingerprint: string, nowMs: number, staleAfterMs: number): KeyDecision {
  if (stored.fingerprint !== fingerprint) return 'mismatch';
  if (stored.completed) return 'replay';
  return nowMs - stored.lockedAtMs > staleAfterMs ? 'take-over' : 'in-progress';
}

