/**
 * Live queue updates across server instances: each instance polls the monotonic `queue_changes`
 * sequence (a trigger adds a row for every record people send, and the workflow adds one for every
 * status change), and tells its own open event streams when it moves. Polling one indexed max()
 * works the same on PGlite and on a PostgreSQL shared by several instances, where LISTEN/NOTIFY
 * would need a dedicated connection per instance and does not exist in PGlite.
 */
import type { Database } from '../db/database.js';
import { latestQueueChange } from './work-queue.js';

export const QUEUE_POLL_MS = 500;

export class QueueWatch {
  readonly #db: Database;
  /** Each listener with the last change number it was told about. */
  readonly #listeners = new Map<(seq: number) => void, number>();
  #timer: ReturnType<typeof setInterval> | undefined;
  #polling = false;

  constructor(db: Database) {
    this.#db = db;
  }

  /** `known`: the change number the listener has seen. Returns the unsubscribe function; polling runs only while someone listens. */
  subscribe(known: number, listener: (seq: number) => void): () => void {
    this.#listeners.set(listener, known);
    this.#timer ??= setInterval(() => void this.#poll(), QUEUE_POLL_MS);
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0 && this.#timer) {
        clearInterval(this.#timer);
        this.#timer = undefined;
      }
    };
  }

  async #poll(): Promise<void> {
    if (this.#polling) return;
    this.#polling = true;
    try {
      const seq = await latestQueueChange(this.#db);
      for (const [listener, known] of this.#listeners) {
        if (seq === known) continue;
        this.#listeners.set(listener, seq);
        listener(seq);
      }
    } catch {
      // A closed database (shutdown) or a dropped connection: the next tick tries again.
    } finally {
      this.#polling = false;
    }
  }
}
