/**
 * `npm start` runs this (through scripts/start.mjs): the API under /api/iop/ and the demo center
 * site at /, on one port. Configuration is environment variables only (see config.ts).
 */
import { createApp } from './app.js';
import { ConfigError, readServerConfig } from './config.js';
import { manualEligibility } from './eligibility/manual-eligibility.js';
import { createClearinghouseEligibility } from './eligibility/clearinghouse-eligibility.js';
import type { EligibilityProvider } from './eligibility/eligibility-provider.js';
import { startStandInClearinghouse, type RunningStandIn } from './eligibility/stand-in-clearinghouse-server.js';
import { read271 } from './eligibility/x12-271-reader.js';
import { cdnBundleFile, demoSiteFiles, listen, loadDataKey, nodeClientAddress, openConfiguredDatabase } from './node-runtime.js';
import { createDataCipher } from './security/data-cipher.js';
import { seedDemoCenter } from './seed/seed-demo-center.js';
import { createWebhookNotifier, silentNotifier } from './services/record-webhook.js';

/** The NPI of the stand-in's enrolment: a made-up number that passes the NPI check digit. */
const STAND_IN_NPI = '1999999984';

/** `simulated` is the clearinghouse provider talking to the stand-in clearinghouse on 127.0.0.1. */
async function eligibilityProvider(config: ReturnType<typeof readServerConfig>): Promise<{ provider: EligibilityProvider; standIn?: RunningStandIn }> {
  if (config.clearinghouse) return { provider: createClearinghouseEligibility(config.clearinghouse, { readX12: read271 }) };
  if (config.eligibilityProvider !== 'simulated') return { provider: manualEligibility };
  const apiKey = crypto.randomUUID();
  const standIn = await startStandInClearinghouse({ apiKey });
  const provider = createClearinghouseEligibility(
    { baseUrl: standIn.url, apiKey, providerNpi: STAND_IN_NPI, providerName: 'Juniper Ridge Recovery', timeoutMs: 2_000, maxAttempts: 2 },
    { readX12: read271 },
  );
  return { provider, standIn };
}

async function main(): Promise<void> {
  const config = readServerConfig(process.env);
  const eligibility = await eligibilityProvider(config);
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
    eligibility: eligibility.provider,
    allowedOrigins: config.allowedOrigins,
    ...(config.staffToken ? { staffToken: config.staffToken } : {}),
    notifier,
    clientAddress: nodeClientAddress(config.trustProxy),
    writesPerMinute: config.writesPerMinute,
    bodyLimitBytes: config.bodyLimitBytes,
    staticFiles: demoSiteFiles(),
    embedBundle: cdnBundleFile(),
  });
  const server = await listen(app, config.port, config.host);

  console.log(`Database: ${db.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}/pglite`}`);
  console.log(
    `Eligibility provider: ${config.eligibilityProvider}${eligibility.standIn ? ' (demo only: a stand-in clearinghouse on 127.0.0.1 answers from recorded documents)' : ''}`,
  );
  if (!config.staffToken) console.log('Staff API disabled: set IOP_STAFF_TOKEN to enable /api/iop/staff/.');
  console.log(`IOP Widgets demo center: ${server.url}/  (API: ${server.url}/api/iop/)`);

  const shutdown = async () => {
    // Webhook retries still pending are dropped: they are best-effort by design (see record-webhook.ts).
    await server.close();
    await eligibility.standIn?.close();
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
