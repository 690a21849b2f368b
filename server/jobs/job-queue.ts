/**
 * The jobs table (migration 004): enqueue inside the caller's transaction, claim the oldest due
 * job with FOR UPDATE SKIP LOCKED, finish it. A jobs table rather than graphile-worker or pg-boss:
 * both need real PostgreSQL connections (LISTEN/NOTIFY, their own pools and schemas) and cannot
 * run on the embedded PGlite that `npm start`, the tests and the in-page backend use; this runs
 * on both with the same SQL. No Node-only imports: the in-page backend uses it too.
 */
import type { Queryable } from '../db/database.js';

export interface NewJob {
  readonly kind: string;
  /** Opaque ids only: the table is not sealed. */
  readonly payload: Record<string, unknown>;
  readonly runAt: Date;
  readonly maxAttempts?: number;
  /** At most one unfinished or finished job per key; a second enqueue is a no-op. */
  readonly uniqueKey?: string;
}

export interface ClaimedJob {
  readonly id: string;
  readonly kind: string;
  readonly payload: Record<string, unknown>;
  /** 1 on the first run. */
  readonly attempt: number;
  readonly maxAttempts: number;
}

export async function enqueueJob(db: Queryable, job: NewJob, now: Date): Promise<void> {
  await db.query(
    `INSERT INTO jobs (kind, payload, unique_key, run_at, max_attempts, created_at) VALUES ($1, $2::text::jsonb, $3, $4, $5, $6)
     ON CONFLICT (unique_key) DO NOTHING`,
    [job.kind, JSON.stringify(job.payload), job.uniqueKey ?? null, job.runAt, job.maxAttempts ?? 1, now],
  );
}

interface JobRow {
  id: string | number;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
}

/**
 * Takes one due job for `leaseMs` (or the one with `uniqueKey`, if due). Racing workers skip rows
 * another holds, so a job runs on one worker at a time; a lease that ran out is free again.
 */
export async function claimJob(db: Queryable, worker: string, now: Date, leaseMs: number, uniqueKey?: string): Promise<ClaimedJob | undefined> {
  const [row] = await db.query<JobRow & Record<string, unknown>>(
    `UPDATE jobs SET locked_by = $2, locked_until = $3, attempts = attempts + 1
      WHERE id = (
        SELECT id FROM jobs
         WHERE finished_at IS NULL AND run_at <= $1 AND (locked_until IS NULL OR locked_until <= $1)
           ${uniqueKey === undefined ? '' : 'AND unique_key = $4'}
         ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING id, kind, payload, attempts, max_attempts`,
    uniqueKey === undefined ? [now, worker, new Date(now.getTime() + leaseMs)] : [now, worker, new Date(now.getTime() + leaseMs), uniqueKey],
  );
  if (!row) return undefined;
  return { id: String(row.id), kind: row.kind, payload: row.payload, attempt: row.attempts, maxAttempts: row.max_attempts };
}

export async function completeJob(db: Queryable, id: string, now: Date): Promise<void> {
  await db.query(`UPDATE jobs SET outcome = 'done', finished_at = $2, locked_until = NULL WHERE id = $1`, [id, now]);
}

/** Runs it again at `runAt` (a retry, or a poll not yet answered), or records that it failed for good. */
export async function rescheduleJob(db: Queryable, job: ClaimedJob, now: Date, runAt: Date | undefined, error?: string): Promise<'retry' | 'failed'> {
  if (runAt === undefined || job.attempt >= job.maxAttempts) {
    await db.query(`UPDATE jobs SET outcome = 'failed', finished_at = $2, locked_until = NULL, last_error = $3 WHERE id = $1`, [job.id, now, error ?? null]);
    return 'failed';
  }
  await db.query('UPDATE jobs SET run_at = $2, locked_until = NULL, last_error = $3 WHERE id = $1', [job.id, runAt, error ?? null]);
  return 'retry';
}
