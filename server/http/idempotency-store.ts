/**
 * Idempotency keys in the database, so a replay survives a restart and two requests racing with
 * one key meet at the primary key. Responses are sealed: they can carry tokens and coverage.
 */
import type { Database } from '../db/database.js';
import { decideOnSeenKey } from '../domain/idempotency.js';
import type { DataCipher } from '../security/data-cipher.js';

export interface StoredResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export type KeyClaim =
  | { readonly kind: 'proceed' }
  | { readonly kind: 'replay'; readonly response: StoredResponse }
  | { readonly kind: 'mismatch' }
  | { readonly kind: 'in-progress' };

export interface IdempotencyPolicy {
  /** Keys are kept at least this long (Stripe keeps 24 h). */
  readonly retentionMs: number;
  /** An unfinished request older than this is assumed dead. */
  readonly staleAfterMs: number;
}

export const DEFAULT_IDEMPOTENCY_POLICY: IdempotencyPolicy = { retentionMs: 48 * 3_600_000, staleAfterMs: 60_000 };

interface KeyRow {
  fingerprint: string;
  status: number | null;
  response_sealed: string | null;
  locked_at: Date;
  created_at: Date;
}

export class IdempotencyStore {
  #lastPurgeMs = 0;

  constructor(
    private readonly db: Database,
    private readonly cipher: DataCipher,
    private readonly policy: IdempotencyPolicy = DEFAULT_IDEMPOTENCY_POLICY,
  ) {}

  /** `material` is what the request's fingerprint hashes (fingerprintMaterial). */
  async claim(key: string, material: string, now: Date): Promise<KeyClaim> {
    await this.#purgeNowAndThen(now);
    const fingerprint = await this.cipher.fingerprint(material);
    for (let attempt = 0; attempt < 3; attempt++) {
      const inserted = await this.db.query(
        `INSERT INTO idempotency_keys (key, fingerprint, locked_at, created_at) VALUES ($1, $2, $3, $3)
         ON CONFLICT (key) DO NOTHING RETURNING key`,
        [key, fingerprint, now],
      );
      if (inserted.length > 0) return { kind: 'proceed' };
      const [row] = await this.db.query<KeyRow & Record<string, unknown>>(
        'SELECT fingerprint, status, response_sealed, locked_at, created_at FROM idempotency_keys WHERE key = $1',
        [key],
      );
      if (!row) continue; // released between our insert and select: try again
      if (now.getTime() - row.created_at.getTime() > this.policy.retentionMs) {
        await this.db.query('DELETE FROM idempotency_keys WHERE key = $1 AND created_at = $2', [key, row.created_at]);
        continue;
      }
      // Compared under the key that made the stored fingerprint. When that key has left the ring the
      // body can no longer be compared, but the stored answer is still replayed: nothing runs twice.
      const sameRequest = await this.cipher.fingerprintMatches(row.fingerprint, material);
      const decision = decideOnSeenKey(
        { fingerprint: row.fingerprint, completed: row.status !== null, lockedAtMs: row.locked_at.getTime() },
        sameRequest === false ? fingerprint : row.fingerprint,
        now.getTime(),
        this.policy.staleAfterMs,
      );
      if (decision === 'replay' && row.response_sealed !== null) {
        const response = JSON.parse(await this.cipher.open(row.response_sealed, `idempotency:${key}`)) as StoredResponse;
        return { kind: 'replay', response };
      }
      if (decision === 'take-over') {
        const taken = await this.db.query(
          'UPDATE idempotency_keys SET locked_at = $2 WHERE key = $1 AND locked_at = $3 AND status IS NULL RETURNING key',
          [key, now, row.locked_at],
        );
        return taken.length > 0 ? { kind: 'proceed' } : { kind: 'in-progress' };
      }
      return { kind: decision === 'mismatch' ? 'mismatch' : 'in-progress' };
    }
    return { kind: 'in-progress' };
  }

  async complete(key: string, response: StoredResponse): Promise<void> {
    const sealed = await this.cipher.seal(JSON.stringify(response), `idempotency:${key}`);
    await this.db.query('UPDATE idempotency_keys SET status = $2, response_sealed = $3 WHERE key = $1', [key, response.status, sealed]);
  }

  /** After a server error nothing was promised: the client's retry runs again. */
  async release(key: string): Promise<void> {
    await this.db.query('DELETE FROM idempotency_keys WHERE key = $1 AND status IS NULL', [key]);
  }

  async #purgeNowAndThen(now: Date): Promise<void> {
    if (now.getTime() - this.#lastPurgeMs < 60_000) return;
    this.#lastPurgeMs = now.getTime();
    await this.db.query('DELETE FROM idempotency_keys WHERE created_at < $1', [new Date(now.getTime() - this.policy.retentionMs)]);
  }
}
