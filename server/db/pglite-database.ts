/**
 * Embedded PostgreSQL (PGlite, WASM). No Node-only imports: the in-browser backend uses it too.
 * PGlite runs one statement at a time and queues queries behind an open transaction, so
 * transactions never interleave.
 */
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Database, Queryable, Row } from './database.js';

function wrap(target: PGlite | Transaction): Queryable {
  return {
    async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
      const result = await target.query<T>(sql, [...params]);
      return result.rows;
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
  };
}

/** `dataDir` undefined means in memory. */
export async function openPgliteDatabase(dataDir?: string): Promise<Database> {
  const pglite = await PGlite.create(dataDir);
  const queryable = wrap(pglite);
  return {
    kind: 'pglite',
    ...queryable,
    transaction: (work) => pglite.transaction((tx) => work(wrap(tx))),
    close: () => pglite.close(),
  };
}
