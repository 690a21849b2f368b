/**
 * Starting and stopping a server process: `npm start` (server/main.ts, the demo) and `npm run serve`
 * (server/serve.ts, production) differ only in what they require, seed and serve.
 *
 * Shutdown on SIGTERM or SIGINT: /readyz turns 503 so the load balancer stops sending, the listener
 * stops accepting, requests in flight get IOP_DRAIN_TIMEOUT_MS to finish, the job in hand finishes,
 * then the database closes and the process exits 0.
 */
import { hostname } from 'node:os';
import pino from 'pino';
import { createServerParts } from './app.js';
import { ConfigError, readServerConfig, requireProductionConfig } from './config.js';
import { createClearinghouseEligibility } from './eligibility/clearinghouse-eligibility.js';
import type { EligibilityProvider } from './eligibility/eligibility-provider.js';
import { manualEligibility } from './eligibility/manual-eligibility.js';
import { startStandInClearinghouse, type RunningStandIn } from './eligibility/stand-in-clearinghouse-server.js';
import { read271 } from './eligibility/x12-271-reader.js';
import { migrationsFromDisk } from './db/migrations-from-disk.js';
import { errorKind } from './http/request-log.js';
import { cdnBundleFile, consoleSiteFiles, demoSiteFiles, listen, loadKeyring, nodeClientAddress, openConfiguredDatabase } from './node-runtime.js';
import { seedDemoCenter } from './seed/seed-demo-center.js';
import { webhookEndpoint } from './settings/center-settings.js';
import { consoleOrigin, issueSetupInvite } from './staff/staff-identity.js';

/**
 * Anything personal a log call might be handed by mistake is censored by key. The request log
 * itself carries route patterns, statuses and timings only (request-log.ts).
 */
export const REDACTED_LOG_PATHS = [
  'contact', 'name', 'firstName', 'lastName', 'email', 'phone', 'dateOfBirth', 'memberId', 'answers', 'patient', 'body', 'query', 'url', 'headers',
  '*.contact', '*.name', '*.firstName', '*.lastName', '*.email', '*.phone', '*.dateOfBirth', '*.memberId', '*.answers', '*.patient', '*.body', '*.query', '*.url', '*.headers',
];

export function createLogger(level: string, destination?: pino.DestinationStream): pino.Logger {
  return pino(
    {
      level,
      base: { pid: process.pid, host: hostname() },
      redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
      // Errors are logged as their kind (class and database code): messages can quote data.
      serializers: { err: (error: unknown) => errorKind(error) },
    },
    // Synchronous: a line is out before the response it describes, and none is lost at exit.
    destination ?? pino.destination({ fd: 1, sync: true }),
  );
}

/** The NPI of the stand-in's enrolment: a made-up number that passes the NPI check digit. */
const STAND_IN_NPI = '1999999984';

/** `simulated` is the clearinghouse provider talking to the stand-in clearinghouse on 127.0.0.1 (demo only). */
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

export interface RunMode {
  /** `npm run serve`: PostgreSQL and a shared key required, no demo seed, no demo pages. */
  readonly production: boolean;
}

export async function runServer(mode: RunMode): Promise<void> {
  const config = readServerConfig(process.env);
  if (mode.production) requireProductionConfig(config);
  const logger = createLogger(config.logLevel);
  const eligibility = await eligibilityProvider(config);
  const cipher = await loadKeyring(config, (message) => console.warn(message));
  // Migrations run under an advisory lock (migrate.ts): instances starting together take turns.
  const db = await openConfiguredDatabase(config);
  if (!mode.production && (await seedDemoCenter(db))) console.log('Seeded the demo center (Juniper Ridge Recovery).');

  let draining = false;
  const worker = `${hostname()}:${process.pid}`;
  const { app, jobs } = createServerParts({
    db,
    cipher,
    eligibility: eligibility.provider,
    // Set, IOP_ALLOWED_ORIGINS overrides the center's saved embedding origins; unset, the settings decide.
    ...(config.allowedOrigins.length ? { allowedOrigins: config.allowedOrigins } : {}),
    webhookSecretConfigured: config.webhookSecret !== undefined,
    ...(config.staffToken ? { staffToken: config.staffToken } : {}),
    ...(config.publicOrigin ? { publicOrigin: config.publicOrigin } : {}),
    consoleFiles: consoleSiteFiles(),
    // The endpoint is the center's setting (console > settings > embedding), else IOP_WEBHOOK_URL; the secret is the environment's only.
    ...(config.webhookSecret
      ? {
          webhook: {
            url: webhookEndpoint(db, config.webhookUrl),
            secret: config.webhookSecret,
            maxAttempts: config.webhookMaxAttempts,
            baseDelayMs: config.webhookBackoffMs,
            onGiveUp: (event, attempts) => logger.error({ webhook: 'gave-up', type: event.type, attempts }, 'webhook delivery gave up'),
          },
        }
      : {}),
    log: ({ time: _time, ...entry }) => logger.info(entry, 'request'),
    // Count-only service events (an intake whose browser result the server contradicted): one logger, one redaction.
    report: (event) => logger.info(event, 'service event'),
    clientAddress: nodeClientAddress(config.trustedProxies),
    writesPerMinute: config.writesPerMinute,
    bodyLimitBytes: config.bodyLimitBytes,
    staticFiles: demoSiteFiles('.', { demoPages: !mode.production }),
    embedBundle: cdnBundleFile(),
    jobs: {
      worker,
      pollMs: config.jobPollMs,
      leaseMs: config.jobLeaseMs,
      retentionDays: config.retentionDays,
      onError: (error) => logger.warn({ err: error }, 'job queue unavailable'),
      onSwept: (counts) => logger.info({ swept: counts }, 'records swept'),
    },
    expectedMigrations: migrationsFromDisk().map((migration) => migration.name),
    draining: () => draining,
  });
  const server = await listen(app, config.port, config.host, { compress: true });
  jobs.start();

  logger.info({ address: server.url, worker, database: db.kind, eligibility: config.eligibilityProvider }, 'listening');
  if (!mode.production) {
    console.log(`Database: ${db.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}/pglite`}`);
    console.log(`Eligibility provider: ${config.eligibilityProvider}${config.eligibilityProvider === 'simulated' ? ' (demo only: a stand-in clearinghouse on 127.0.0.1 answers from recorded documents)' : ''}`);
  }
  // Production needs its first administrator too: the link is printed once, while no admin exists.
  const setup = await issueSetupInvite(db, new Date());
  const staffOrigin = consoleOrigin(server.url, config.publicOrigin);
  if (setup) console.log(`No console administrator yet. One-time setup link (single use, 72 h): ${staffOrigin}${setup.enrolmentPath}`);
  console.log(`Center console: ${staffOrigin}/console/`);
  if (!mode.production) console.log(`IOP Widgets demo center: ${server.url}/  (API: ${server.url}/api/iop/)`);

  let stopping: Promise<void> | undefined;
  const shutdown = (signal: string) => {
    stopping ??= (async () => {
      draining = true;
      logger.info({ signal, drainTimeoutMs: config.drainTimeoutMs }, 'draining');
      const [drained] = await Promise.all([server.drain(config.drainTimeoutMs), jobs.stop()]);
      await eligibility.standIn?.close();
      await db.close();
      logger.info({ drained }, 'stopped');
      logger.flush();
      process.exit(0);
    })();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

export function exitOnStartFailure(error: unknown): never {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
}
