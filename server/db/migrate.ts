/**
 * Applies SQL migrations in name order, each once, recorded in `schema_migrations`. An advisory
 * lock makes two servers starting against one PostgreSQL take turns.
 */
import type { Database } from './database.js';

export interface Migration {
  /** File name, e.g. `001_initial.sql`; the order is the name order. */
  readonly name: string;
  readonly sql: string;
}

const MIGRATION_LOCK = 7_461_001;

export async function applyMigrations(db: Database, migrations: readonly Migration[]): Promise<string[]> {
  const ordered = [...migrations].sort((a, b) => a.name.localeCompare(b.name));
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const applied = new Set((await tx.query<{ name: string }>('SELECT name FROM schema_migrations')).map((row) => row.name));
    const newlyApplied: string[] = [];
    for (const migration of ordered) {
      if (applied.has(migration.name)) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [migration.name]);
      newlyApplied.push(migration.name);
    }
    return newlyApplied;
  });
}
