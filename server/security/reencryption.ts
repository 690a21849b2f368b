/**
 * Moves every sealed value to the keyring's current key, a batch at a time, so an old key can
 * leave the ring. Resumable by construction: each pass selects only values not yet on the current
 * key, in primary-key order after the last one seen, and each update only lands if the value is
 * still the one read (a concurrent write wins). Runs on PGlite and PostgreSQL alike.
 */
import type { Database } from '../db/database.js';
import type { DataCipher } from './data-cipher.js';

/** A column holding sealed values, and the context (additional authenticated data) each was sealed with. */
export interface SealedColumn {
  readonly table: string;
  readonly key: string;
  readonly column: string;
  /** Other columns the context needs. */
  readonly with?: readonly string[];
  readonly context: (row: Record<string, unknown>) => string;
  readonly binary?: boolean;
}

/** Every sealed column of the schema. A migration adding one adds it here (the keys test checks each table it writes). */
export const SEALED_COLUMNS: readonly SealedColumn[] = [
  { table: 'intakes', key: 'id', column: 'sealed', context: (row) => `intakes:${row.id}` },
  { table: 'callback_requests', key: 'id', column: 'sealed', context: (row) => `callback_requests:${row.id}` },
  { table: 'bookings', key: 'id', column: 'contact_sealed', context: (row) => `bookings:${row.id}` },
  { table: 'rsvps', key: 'id', column: 'contact_sealed', context: (row) => `rsvps:${row.id}` },
  { table: 'eligibility_checks', key: 'id', column: 'request_sealed', context: (row) => `eligibility_checks:${row.id}:request` },
  { table: 'eligibility_checks', key: 'id', column: 'result_sealed', context: (row) => `eligibility_checks:${row.id}:result` },
  {
    table: 'card_photos',
    key: 'id',
    column: 'sealed',
    with: ['eligibility_check_id'],
    context: (row) => `card_photos:${row.id}:${row.eligibility_check_id}`,
    binary: true,
  },
  { table: 'idempotency_keys', key: 'key', column: 'response_sealed', context: (row) => `idempotency:${row.key}` },
];

export interface ReencryptionProgress {
  readonly table: string;
  readonly column: string;
  readonly moved: number;
  /** Values no key of the ring opens (reported, left as they are). */
  readonly unreadable: number;
}

export interface ReencryptionOptions {
  readonly batchSize?: number;
  readonly columns?: readonly SealedColumn[];
  readonly onBatch?: (progress: ReencryptionProgress) => void;
}

/** Sealed values not on the current key: `v2.<current>.` is the only prefix that needs no move. */
function notCurrentClause(column: string): string {
  return `${column} IS NOT NULL AND ${column} NOT LIKE $1`;
}

export async function reencryptAll(db: Database, cipher: DataCipher, options: ReencryptionOptions = {}): Promise<ReencryptionProgress[]> {
  const batchSize = options.batchSize ?? 200;
  const currentPrefix = `v2.${cipher.currentKeyId}.%`;
  const totals: ReencryptionProgress[] = [];
  for (const sealed of options.columns ?? SEALED_COLUMNS) {
    let after: string | null = null;
    let moved = 0;
    let unreadable = 0;
    const selected = [sealed.key, sealed.column, ...(sealed.with ?? [])].join(', ');
    for (;;) {
      const rows: Record<string, unknown>[] = await db.query(
        `SELECT ${selected} FROM ${sealed.table} WHERE ${notCurrentClause(sealed.column)} ${after === null ? '' : `AND ${sealed.key} > $3`}
         ORDER BY ${sealed.key} LIMIT $2`,
        after === null ? [currentPrefix, batchSize] : [currentPrefix, batchSize, after],
      );
      if (rows.length === 0) break;
      for (const row of rows) {
        const old = String(row[sealed.column]);
        const context = sealed.context(row);
        let fresh: string;
        try {
          fresh = sealed.binary ? await cipher.sealBytes(await cipher.openBytes(old, context), context) : await cipher.seal(await cipher.open(old, context), context);
        } catch {
          unreadable += 1;
          continue;
        }
        const updated = await db.query(`UPDATE ${sealed.table} SET ${sealed.column} = $1 WHERE ${sealed.key} = $2 AND ${sealed.column} = $3 RETURNING 1`, [
          fresh,
          row[sealed.key],
          old,
        ]);
        moved += updated.length;
      }
      after = String(rows[rows.length - 1]![sealed.key]);
      options.onBatch?.({ table: sealed.table, column: sealed.column, moved, unreadable });
    }
    totals.push({ table: sealed.table, column: sealed.column, moved, unreadable });
  }
  return totals;
}

/** How many sealed values each key id holds, per column (`legacy`: v1 values from before key ids). */
export async function sealedValuesByKey(db: Database, columns: readonly SealedColumn[] = SEALED_COLUMNS): Promise<{ table: string; column: string; keyId: string; count: number }[]> {
  const counts: { table: string; column: string; keyId: string; count: number }[] = [];
  for (const sealed of columns) {
    const rows = await db.query<{ key_id: string; count: number }>(
      `SELECT CASE WHEN ${sealed.column} LIKE 'v2.%' THEN split_part(${sealed.column}, '.', 2) ELSE 'legacy' END AS key_id, count(*)::int AS count
         FROM ${sealed.table} WHERE ${sealed.column} IS NOT NULL GROUP BY 1 ORDER BY 1`,
    );
    for (const row of rows) counts.push({ table: sealed.table, column: sealed.column, keyId: row.key_id, count: row.count });
  }
  return counts;
}
