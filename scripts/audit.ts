/**
 * `npm run audit -- verify`: recomputes the audit trail's hash chain and reports the first broken
 * link (exit code 1), or how many rows hold together. Uses the server's configuration.
 */
import { mkdirSync } from 'node:fs';
import { ConfigError, readServerConfig } from '../server/config.js';
import { openConfiguredDatabase } from '../server/node-runtime.js';
import { verifyAuditChain } from '../server/staff/audit-trail.js';

try {
  if (process.argv[2] !== 'verify') throw new ConfigError('Usage: npm run audit -- verify');
  const config = readServerConfig(process.env);
  if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
  const db = await openConfiguredDatabase(config);
  try {
    const verdict = await verifyAuditChain(db);
    if (verdict.firstBroken) {
      const why = verdict.firstBroken.reason === 'content-changed' ? 'its content was changed' : 'it does not follow the row before it (a row was removed or replaced)';
      console.error(`Audit trail BROKEN at row ${verdict.firstBroken.seq}: ${why}.`);
      process.exitCode = 1;
    } else console.log(`Audit trail intact: ${verdict.rows} rows, every link verified.`);
  } finally {
    await db.close();
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
