/**
 * The periodic sweep: lapsed slot holds and idempotency keys, old rate-limit windows, and the
 * retention purge of records staff marked handled more than `retentionDays` ago (with finished
 * jobs and past RSVPs). Holds and keys lapse on their own when read; the sweep keeps tables small.
 */
import type { Database } from '../db/database.js';
import type { JobKind } from './job-runner.js';

export const RECORDS_SWEEP_JOB = 'records.sweep';
const MS_PER_DAY = 86_400_000;

export interface SweepPolicy {
  readonly retentionDays: number;
  readonly idempotencyRetentionMs: number;
}

export interface SweepCounts {
  readonly [what: string]: number;
}

export async function sweepRecords(db: Database, now: Date, policy: SweepPolicy): Promise<SweepCounts> {
  const cutoff = new Date(now.getTime() - policy.retentionDays * MS_PER_DAY);
  const count = async (sql: string, params: unknown[]) => (await db.query(`${sql} RETURNING 1`, params)).length;
  return {
    slotHolds: await count('DELETE FROM slot_holds WHERE expires_at <= $1', [now]),
    idempotencyKeys: await count('DELETE FROM idempotency_keys WHERE created_at < $1', [new Date(now.getTime() - policy.idempotencyRetentionMs)]),
    rateLimitWindows: await count('DELETE FROM rate_limit_windows WHERE window_start < $1', [new Date(now.getTime() - 10 * 60_000)]),
    intakes: await count('DELETE FROM intakes WHERE handled_at < $1', [cutoff]),
    bookings: await count('DELETE FROM bookings WHERE handled_at < $1', [cutoff]),
    callbackRequests: await count('DELETE FROM callback_requests WHERE handled_at < $1', [cutoff]),
    // Card photos go with their check (ON DELETE CASCADE).
    eligibilityChecks: await count('DELETE FROM eligibility_checks WHERE handled_at < $1', [cutoff]),
    rsvps: await count('DELETE FROM rsvps WHERE occurrence_date < $1', [cutoff.toISOString().slice(0, 10)]),
    jobs: await count('DELETE FROM jobs WHERE finished_at < $1', [cutoff]),
  };
}

export function recordsSweep(db: Database, now: () => Date, policy: SweepPolicy, onSwept?: (counts: SweepCounts) => void): JobKind {
  return {
    async run() {
      onSwept?.(await sweepRecords(db, now(), policy));
    },
    retryDelayMs: () => 60_000,
  };
}
