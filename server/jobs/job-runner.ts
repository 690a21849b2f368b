/**
 * Runs jobs from the jobs table: one at a time per instance, polling when idle, woken at once when
 * this instance enqueued something. Periodic kinds (sweeps) are enqueued under a key per period, so
 * however many instances run, each period's job exists once. `stop()` lets the job in hand finish.
 * No Node-only imports (timers only): the in-page backend can run it too.
 */
import type { Database } from '../db/database.js';
import { errorKind } from '../http/request-log.js';
import { claimJob, completeJob, enqueueJob, rescheduleJob, type ClaimedJob } from './job-queue.js';

/** `again`: not a failure, just not finished (a payer that has not answered yet): run it then. */
export type JobResult = void | { readonly again: Date };

export interface JobKind {
  run(payload: Record<string, unknown>, job: ClaimedJob): Promise<JobResult>;
  /** How long after failed attempt `attempt` (1-based) to try again. */
  retryDelayMs(attempt: number): number;
  /** The last attempt failed; nothing personal is passed. */
  onGiveUp?(job: ClaimedJob, error: string): void;
}

export interface PeriodicJob {
  readonly kind: string;
  readonly everyMs: number;
}

export interface JobRunnerOptions {
  readonly db: Database;
  /** Who holds a claimed job (host and process id): visible in the table while it runs. */
  readonly worker: string;
  readonly now: () => Date;
  readonly kinds: Readonly<Record<string, JobKind>>;
  readonly pollMs: number;
  readonly leaseMs: number;
  readonly periodic?: readonly PeriodicJob[];
  /** A claim or a bookkeeping query failed (the database went away): logged, retried on the next poll. */
  readonly onError?: (error: unknown) => void;
}

/** Kinds this instance has no handler for (its configuration differs) wait for an instance that has. */
const UNHANDLED_RETRY_MS = 60_000;

export class JobRunner {
  readonly #options: JobRunnerOptions;
  #running = false;
  #loop: Promise<void> | undefined;
  #wake: (() => void) | undefined;
  /** A wake-up that came while a job ran: no sleep before the next look. */
  #woken = false;
  readonly #periodsEnqueued = new Map<string, number>();

  constructor(options: JobRunnerOptions) {
    this.#options = options;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#loop = this.#run();
  }

  /** No new job is taken; resolves once the job in hand (if any) has finished. */
  async stop(): Promise<void> {
    this.#running = false;
    this.wake();
    await this.#loop;
  }

  /** Something was just enqueued here: look now rather than at the next poll. */
  wake(): void {
    this.#woken = true;
    this.#wake?.();
  }

  /**
   * Claims and runs one due job (only the one with `uniqueKey` when given). 'busy' never happens
   * for a due job nobody holds; it means another worker has it in hand right now.
   */
  async runNext(uniqueKey?: string): Promise<'ran' | 'none'> {
    const { db, now, worker, leaseMs, kinds } = this.#options;
    const job = await claimJob(db, worker, now(), leaseMs, uniqueKey);
    if (!job) return 'none';
    const kind = kinds[job.kind];
    if (!kind) {
      await rescheduleJob(db, { ...job, maxAttempts: job.attempt + 1 }, now(), new Date(now().getTime() + UNHANDLED_RETRY_MS), 'unhandled kind');
      return 'ran';
    }
    let result: JobResult;
    try {
      result = await kind.run(job.payload, job);
    } catch (error) {
      const kindOfError = errorKind(error);
      const outcome = await rescheduleJob(db, job, now(), new Date(now().getTime() + kind.retryDelayMs(job.attempt)), kindOfError);
      if (outcome === 'failed') kind.onGiveUp?.(job, kindOfError);
      return 'ran';
    }
    if (result && 'again' in result) await rescheduleJob(db, { ...job, maxAttempts: Number.MAX_SAFE_INTEGER }, now(), result.again);
    else await completeJob(db, job.id, now());
    return 'ran';
  }

  async #enqueuePeriodic(): Promise<void> {
    const nowMs = this.#options.now().getTime();
    for (const { kind, everyMs } of this.#options.periodic ?? []) {
      const period = Math.floor(nowMs / everyMs);
      if (this.#periodsEnqueued.get(kind) === period) continue;
      await enqueueJob(this.#options.db, { kind, payload: {}, runAt: new Date(nowMs), uniqueKey: `${kind}:${period}` }, new Date(nowMs));
      this.#periodsEnqueued.set(kind, period);
    }
  }

  async #run(): Promise<void> {
    while (this.#running) {
      let ran = false;
      try {
        await this.#enqueuePeriodic();
        ran = (await this.runNext()) === 'ran';
      } catch (error) {
        this.#options.onError?.(error);
      }
      if (ran || !this.#running || this.#woken) {
        this.#woken = false;
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.#options.pollMs);
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.#wake = undefined;
    }
  }
}
