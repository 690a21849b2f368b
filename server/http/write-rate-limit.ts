/**
 * A token bucket per client: `burst` writes at once, refilled at `perMinute`. In memory, because a
 * reference server runs as one process; behind several processes put the limit in the proxy.
 */
export interface RateDecision {
  readonly allowed: boolean;
  /** Whole seconds until one more write is allowed (only when refused). */
  readonly retryAfterSeconds: number;
}

interface Bucket {
  tokens: number;
  updatedMs: number;
}

export class WriteRateLimiter {
  readonly #buckets = new Map<string, Bucket>();
  readonly #perMinute: number;
  readonly #burst: number;

  constructor(perMinute: number, burst = perMinute) {
    this.#perMinute = perMinute;
    this.#burst = burst;
  }

  take(client: string, nowMs: number): RateDecision {
    const refillPerMs = this.#perMinute / 60_000;
    const bucket = this.#buckets.get(client) ?? { tokens: this.#burst, updatedMs: nowMs };
    bucket.tokens = Math.min(this.#burst, bucket.tokens + (nowMs - bucket.updatedMs) * refillPerMs);
    bucket.updatedMs = nowMs;
    this.#buckets.set(client, bucket);
    if (this.#buckets.size > 10_000) this.#forgetFullBuckets(nowMs);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, retryAfterSeconds: 0 };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000)) };
  }

  /** Keeps memory bounded: a full bucket is the same as no bucket. */
  #forgetFullBuckets(nowMs: number): void {
    const refillPerMs = this.#perMinute / 60_000;
    for (const [client, bucket] of this.#buckets) {
      if (bucket.tokens + (nowMs - bucket.updatedMs) * refillPerMs >= this.#burst) this.#buckets.delete(client);
    }
  }
}
