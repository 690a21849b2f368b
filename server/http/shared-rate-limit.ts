/**
 * Writes per client address in fixed one-minute windows, counted in the database so every instance
 * behind the load balancer shares one count (an in-memory bucket per process multiplied the limit
 * by the number of instances and forgot it on restart). One upsert per write; runs on PGlite too.
 */
import type { Queryable } from '../db/database.js';

export interface RateDecision {
  readonly allowed: boolean;
  /** Whole seconds until one more write is allowed (only when refused). */
  readonly retryAfterSeconds: number;
}

const WINDOW_MS = 60_000;

export class SharedRateLimiter {
  constructor(
    private readonly db: Queryable,
    private readonly perMinute: number,
  ) {}

  async take(client: string, nowMs: number): Promise<RateDecision> {
    const windowStartMs = Math.floor(nowMs / WINDOW_MS) * WINDOW_MS;
    const [row] = await this.db.query<{ hits: number }>(
      `INSERT INTO rate_limit_windows (client, window_start, hits) VALUES ($1, $2, 1)
       ON CONFLICT (client, window_start) DO UPDATE SET hits = rate_limit_windows.hits + 1
       RETURNING hits`,
      [client, new Date(windowStartMs)],
    );
    if ((row?.hits ?? 1) <= this.perMinute) return { allowed: true, retryAfterSeconds: 0 };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowStartMs + WINDOW_MS - nowMs) / 1000)) };
  }
}
