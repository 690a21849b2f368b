/** Reads `server/migrations/*.sql` (Node only; the in-browser backend bundles them instead). */
import { readdirSync, readFileSync } from 'node:fs';
import type { Migration } from './migrate.js';

const directory = new URL('../migrations/', import.meta.url);

export function migrationsFromDisk(): Migration[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .map((name) => ({ name, sql: readFileSync(new URL(name, directory), 'utf8') }));
}
