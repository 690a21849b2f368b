/**
 * Server configuration from environment variables (documented in the README). Pure: it takes the
 * environment as an argument so tests can pass their own.
 */
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
  readonly eligibilityProvider: 'manual' | 'simulated';
  readonly writesPerMinute: number;
  readonly bodyLimitBytes: number;
  /** Take the client address from the first X-Forwarded-For entry (only behind a proxy you run). */
  readonly trustProxy: boolean;
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

export function readServerConfig(env: Record<string, string | undefined>): ServerConfig {
  const provider = nonEmpty(env.IOP_ELIGIBILITY_PROVIDER) ?? 'manual';
  if (provider !== 'manual' && provider !== 'simulated') throw new ConfigError('IOP_ELIGIBILITY_PROVIDER must be manual or simulated');
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
    writesPerMinute: positiveInt(env, 'IOP_RATE_LIMIT_WRITES_PER_MINUTE', 60),
    bodyLimitBytes: positiveInt(env, 'IOP_BODY_LIMIT_BYTES', 64 * 1024),
    trustProxy: env.IOP_TRUST_PROXY === '1' || env.IOP_TRUST_PROXY === 'true',
    publicOrigin,
  };
}
