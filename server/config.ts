/**
 * Server configuration from environment variables (documented in the README). Pure: it takes the
 * environment as an argument so tests can pass their own.
 */
import type { ClearinghouseSettings } from './eligibility/clearinghouse-eligibility.js';
import { readClearinghouseSettings } from './eligibility/clearinghouse-config.js';

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  /** PGlite data directory (relative to the working directory). */
  readonly dataDir: string;
  /** Set: use this PostgreSQL server instead of PGlite. */
  readonly databaseUrl: string | undefined;
  /** Base64 of 32 bytes; unset: a development key is generated into the data directory. */
  readonly dataKey: string | undefined;
  readonly allowedOrigins: string[];
  readonly staffToken: string | undefined;
  readonly webhookUrl: string | undefined;
  readonly webhookSecret: string | undefined;
  readonly eligibilityProvider: 'manual' | 'simulated' | 'clearinghouse';
  /** Set when the provider is `clearinghouse`. */
  readonly clearinghouse: ClearinghouseSettings | undefined;
  readonly writesPerMinute: number;
  readonly bodyLimitBytes: number;
  /** @deprecated read `trustedProxies`: IOP_TRUST_PROXY=1 means one trusted hop. */
  readonly trustProxy: boolean;
  /** `IOP_DATA_KEYS` (`id:base64,...`, first current); wins over `dataKey`. */
  readonly dataKeys: string | undefined;
  /** Proxies you run in front of the server: the client is the rightmost X-Forwarded-For entry they did not add. */
  readonly trustedProxies: number;
  /** Handled records (and finished jobs) are purged this many days after they were handled. */
  readonly retentionDays: number;
  readonly webhookMaxAttempts: number;
  /** First webhook retry delay; doubled per attempt. */
  readonly webhookBackoffMs: number;
  /** How often an idle instance looks for due jobs. */
  readonly jobPollMs: number;
  /** A job whose worker vanished is taken over after this long. */
  readonly jobLeaseMs: number;
  /** On SIGTERM, requests in flight get this long to finish. */
  readonly drainTimeoutMs: number;
  readonly logLevel: string;
  /** The origin staff open the console at (passkeys are bound to its host name); unset: http://HOST:PORT. */
  readonly publicOrigin: string | undefined;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function positiveInt(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new ConfigError(`${name} must be a positive whole number`);
  return value;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** IOP_TRUSTED_PROXIES=N, or the older IOP_TRUST_PROXY=1 (one hop); 0 = use the socket's address. */
function trustedProxyCount(env: Record<string, string | undefined>): number {
  const raw = nonEmpty(env.IOP_TRUSTED_PROXIES);
  if (raw !== undefined) {
    const count = Number(raw);
    if (!Number.isInteger(count) || count < 0 || count > 10) throw new ConfigError('IOP_TRUSTED_PROXIES must be a whole number from 0 to 10');
    return count;
  }
  return env.IOP_TRUST_PROXY === '1' || env.IOP_TRUST_PROXY === 'true' ? 1 : 0;
}

/**
 * `npm run serve` refuses to start without what real records need: PostgreSQL shared by every
 * instance, and a key every instance shares (a key made up per instance could not read the others' rows).
 */
export function requireProductionConfig(config: ServerConfig): void {
  const missing = [
    ...(config.databaseUrl ? [] : ['DATABASE_URL (postgres://user:password@host:5432/database)']),
    ...(config.dataKeys || config.dataKey ? [] : ['IOP_DATA_KEY (openssl rand -base64 32) or IOP_DATA_KEYS (id:base64,...)']),
  ];
  if (missing.length > 0) throw new ConfigError(`the production server needs ${missing.join(' and ')}`);
}

export function readServerConfig(env: Record<string, string | undefined>): ServerConfig {
  const provider = nonEmpty(env.IOP_ELIGIBILITY_PROVIDER) ?? 'manual';
  if (provider !== 'manual' && provider !== 'simulated' && provider !== 'clearinghouse') {
    throw new ConfigError('IOP_ELIGIBILITY_PROVIDER must be manual, simulated or clearinghouse');
  }
  let clearinghouse: ClearinghouseSettings | undefined;
  try {
    clearinghouse = provider === 'clearinghouse' ? readClearinghouseSettings(env) : undefined;
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  const allowedOrigins = (env.IOP_ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of allowedOrigins) {
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      throw new ConfigError('IOP_ALLOWED_ORIGINS must be a comma-separated list of origins such as https://www.example-center.org');
    }
    if (parsed.origin !== origin) throw new ConfigError(`IOP_ALLOWED_ORIGINS entries must be bare origins (no path or trailing slash): ${origin}`);
  }
  const webhookUrl = nonEmpty(env.IOP_WEBHOOK_URL);
  const webhookSecret = nonEmpty(env.IOP_WEBHOOK_SECRET);
  if (webhookUrl && !webhookSecret) throw new ConfigError('IOP_WEBHOOK_URL needs IOP_WEBHOOK_SECRET to sign deliveries');
  const staffToken = nonEmpty(env.IOP_STAFF_TOKEN);
  if (staffToken && staffToken.length < 24) throw new ConfigError('IOP_STAFF_TOKEN must be at least 24 characters');
  const publicOrigin = nonEmpty(env.IOP_PUBLIC_ORIGIN);
  if (publicOrigin) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(publicOrigin);
    } catch {
      parsed = undefined;
    }
    if (parsed?.origin !== publicOrigin) throw new ConfigError('IOP_PUBLIC_ORIGIN must be a bare origin such as https://console.example-center.org');
  }
  return {
    port: env.PORT === undefined || env.PORT === '' ? 8787 : Number(env.PORT),
    host: nonEmpty(env.HOST) ?? '127.0.0.1',
    dataDir: nonEmpty(env.IOP_DATA_DIR) ?? '.data',
    databaseUrl: nonEmpty(env.DATABASE_URL),
    dataKey: nonEmpty(env.IOP_DATA_KEY),
    allowedOrigins,
    staffToken,
    webhookUrl,
    webhookSecret,
    eligibilityProvider: provider,
    clearinghouse,
    writesPerMinute: positiveInt(env, 'IOP_RATE_LIMIT_WRITES_PER_MINUTE', 60),
    bodyLimitBytes: positiveInt(env, 'IOP_BODY_LIMIT_BYTES', 64 * 1024),
    trustProxy: env.IOP_TRUST_PROXY === '1' || env.IOP_TRUST_PROXY === 'true',
    dataKeys: nonEmpty(env.IOP_DATA_KEYS),
    trustedProxies: trustedProxyCount(env),
    retentionDays: positiveInt(env, 'IOP_RETENTION_DAYS', 90),
    webhookMaxAttempts: positiveInt(env, 'IOP_WEBHOOK_MAX_ATTEMPTS', 8),
    webhookBackoffMs: positiveInt(env, 'IOP_WEBHOOK_BACKOFF_MS', 5_000),
    jobPollMs: positiveInt(env, 'IOP_JOB_POLL_MS', 1_000),
    jobLeaseMs: positiveInt(env, 'IOP_JOB_LEASE_MS', 60_000),
    drainTimeoutMs: positiveInt(env, 'IOP_DRAIN_TIMEOUT_MS', 25_000),
    logLevel: nonEmpty(env.IOP_LOG_LEVEL) ?? 'info',
    publicOrigin,
  };
}
