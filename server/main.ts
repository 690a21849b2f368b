/**
 * `npm start` runs this (through scripts/start.mjs): the API under /api/iop/ and the demo center
 * site at /, on one port. Configuration is environment variables only (see config.ts).
 */
import { createApp } from './app.js';
import { ConfigError, readServerConfig } from './config.js';
import { manualEligibility } from './eligibility/manual-eligibility.js';
import { simulatedEligibility } from './eligibility/simulated-eligibility.js';
import { cdnBundleFile, consoleSiteFiles, demoSiteFiles, listen, loadDataKey, nodeClientAddress, openConfiguredDatabase } from './node-runtime.js';
import { createDataCipher } from './security/data-cipher.js';
import { seedDemoCenter } from './seed/seed-demo-center.js';
import { createWebhookNotifier, silentNotifier } from './services/record-webhook.js';
import { consoleOrigin, issueSetupInvite } from './staff/staff-identity.js';

async function main(): Promise<void> {
  const config = readServerConfig(process.env);
  const cipher = await createDataCipher(loadDataKey(config));
  const db = await openConfiguredDatabase(config);
  if (await seedDemoCenter(db)) console.log('Seeded the demo center (Juniper Ridge Recovery).');

  const notifier =
    config.webhookUrl && config.webhookSecret
      ? createWebhookNotifier({
          url: config.webhookUrl,
          secret: config.webhookSecret,
          onGiveUp: (event, attempts) => console.error(JSON.stringify({ webhook: 'gave-up', type: event.type, attempts })),
        })
      : silentNotifier;
  const app = createApp({
    db,
    cipher,
    eligibility: config.eligibilityProvider === 'simulated' ? simulatedEligibility : manualEligibility,
    allowedOrigins: config.allowedOrigins,
    ...(config.staffToken ? { staffToken: config.staffToken } : {}),
    ...(config.publicOrigin ? { publicOrigin: config.publicOrigin } : {}),
    consoleFiles: consoleSiteFiles(),
    notifier,
    clientAddress: nodeClientAddress(config.trustProxy),
    writesPerMinute: config.writesPerMinute,
    bodyLimitBytes: config.bodyLimitBytes,
    staticFiles: demoSiteFiles(),
    embedBundle: cdnBundleFile(),
  });
  const server = await listen(app, config.port, config.host);

  console.log(`Database: ${db.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}/pglite`}`);
  console.log(`Eligibility provider: ${config.eligibilityProvider}${config.eligibilityProvider === 'simulated' ? ' (demo only: fake payer answers)' : ''}`);
  const setup = await issueSetupInvite(db, new Date());
  const staffOrigin = consoleOrigin(server.url, config.publicOrigin);
  if (setup) console.log(`No console administrator yet. One-time setup link (single use, 72 h): ${staffOrigin}${setup.enrolmentPath}`);
  console.log(`Center console: ${staffOrigin}/console/`);
  console.log(`IOP Widgets demo center: ${server.url}/  (API: ${server.url}/api/iop/)`);

  const shutdown = async () => {
    // Webhook retries still pending are dropped: they are best-effort by design (see record-webhook.ts).
    await server.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
