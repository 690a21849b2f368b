/**
 * `npm run staff -- invite --role admin [--name "Dana"]`: prints a single-use enrolment link for the
 * console (the way a center creates its first admin). `npm run staff -- token --name CRM --role intake`
 * issues an API token for an integration; `npm run staff -- list` lists accounts and tokens.
 * Uses the server's configuration (DATABASE_URL or the PGlite data directory; stop a PGlite server first).
 */
import { parseArgs } from 'node:util';
import { StaffRole } from '../src/api/staff-schemas.js';
import { mkdirSync } from 'node:fs';
import { ConfigError, readServerConfig } from '../server/config.js';
import { openConfiguredDatabase } from '../server/node-runtime.js';
import { appendAudit } from '../server/staff/audit-trail.js';
import { consoleOrigin, createInvite, issueApiToken, listAccounts, listApiTokens } from '../server/staff/staff-identity.js';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { role: { type: 'string' }, name: { type: 'string' } } });
const command = positionals[0];
const usage = 'Usage: npm run staff -- invite --role admin|intake|alumni|viewer [--name "Display name"]\n       npm run staff -- token --name "CRM" --role intake\n       npm run staff -- list';

try {
  const config = readServerConfig(process.env);
  if (command !== 'invite' && command !== 'token' && command !== 'list') throw new ConfigError(usage);
  const role = StaffRole.safeParse(values.role ?? (command === 'list' ? 'viewer' : undefined));
  if (!role.success) throw new ConfigError(usage);
  if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
  const db = await openConfiguredDatabase(config);
  try {
    const now = new Date();
    const cli = { actorKind: 'anonymous', actorId: null, actorLabel: 'command line', sourceAddress: 'localhost' } as const;
    if (command === 'invite') {
      const invite = await createInvite(db, role.data, now, { displayName: values.name });
      await appendAudit(db, { ...cli, action: 'change-settings', detail: `invite-issued:${role.data}` }, now);
      const origin = consoleOrigin(`http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`, config.publicOrigin);
      console.log(`Single-use enrolment link for a new ${role.data} (valid until ${invite.expiresAt}):\n${origin}${invite.enrolmentPath}`);
    } else if (command === 'token') {
      if (!values.name) throw new ConfigError(usage);
      const token = await issueApiToken(db, values.name, role.data, null, now);
      await appendAudit(db, { ...cli, action: 'token-issued', detail: `token:${token.id}:${token.role}` }, now);
      console.log(`API token for ${token.name} (${token.role}); shown once, send it as "Authorization: Bearer <token>":\n${token.token}`);
    } else {
      for (const account of await listAccounts(db)) console.log(`account ${account.id}  ${account.role.padEnd(7)} ${account.disabledAt ? 'disabled' : 'active  '} ${account.displayName}`);
      for (const token of await listApiTokens(db)) console.log(`token   ${token.id}  ${token.role.padEnd(7)} ${token.revokedAt ? 'revoked ' : 'active  '} ${token.name} (last used ${token.lastUsedAt ?? 'never'})`);
    }
  } finally {
    await db.close();
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
