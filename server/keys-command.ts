/**
 * `npm run keys -- <command>`: the data keyring's housekeeping, against DATABASE_URL (or the
 * development PGlite directory) with the keys the server would use (IOP_DATA_KEYS / IOP_DATA_KEY).
 *
 *   new-key     print a fresh key (base64 of 32 random bytes) to add to IOP_DATA_KEYS
 *   status      how many sealed values each key id holds, per column
 *   reencrypt   move every sealed value to the current (first) key, in batches; safe to stop and
 *               run again, it carries on where it stopped. --batch-size N (default 200)
 */
import { ConfigError, readServerConfig } from './config.js';
import { loadKeyring, openConfiguredDatabase } from './node-runtime.js';
import { newDataKeyBase64 } from './security/data-cipher.js';
import { reencryptAll, sealedValuesByKey } from './security/reencryption.js';

async function run(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  if (command === 'new-key') {
    console.log(newDataKeyBase64());
    return 0;
  }
  if (command !== 'status' && command !== 'reencrypt') {
    console.error('Usage: npm run keys -- new-key | status | reencrypt [--batch-size N]');
    return 2;
  }
  const config = readServerConfig(process.env);
  const cipher = await loadKeyring(config, (message) => console.error(message));
  const db = await openConfiguredDatabase(config);
  try {
    if (command === 'status') {
      for (const row of await sealedValuesByKey(db)) console.log(`${row.table}.${row.column}\t${row.keyId}\t${row.count}`);
      console.log(`current key: ${cipher.currentKeyId}`);
      return 0;
    }
    const sizeAt = rest.indexOf('--batch-size');
    const batchSize = sizeAt >= 0 ? Number(rest[sizeAt + 1]) : 200;
    if (!Number.isInteger(batchSize) || batchSize <= 0) throw new ConfigError('--batch-size must be a positive whole number');
    const totals = await reencryptAll(db, cipher, {
      batchSize,
      onBatch: ({ table, column, moved, unreadable }) => console.log(`${table}.${column}: ${moved} moved${unreadable ? `, ${unreadable} unreadable` : ''}`),
    });
    const unreadable = totals.reduce((sum, total) => sum + total.unreadable, 0);
    console.log(`Re-encryption done: ${totals.reduce((sum, total) => sum + total.moved, 0)} values now on key ${cipher.currentKeyId}.`);
    if (unreadable > 0) console.error(`${unreadable} values open with no key of the ring: keep the key that sealed them.`);
    return unreadable > 0 ? 1 : 0;
  } finally {
    await db.close();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
    process.exit(1);
  },
);
