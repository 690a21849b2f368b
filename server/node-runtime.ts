/**
 * Everything that ties the app to Node: opening the configured database, the data key file, the
 * static demo site and the HTTP listener. Tests and main.ts both start servers through here.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, MiddlewareHandler } from 'hono';
import type { Hono } from 'hono';
import type { ServerConfig } from './config.js';
import type { Database } from './db/database.js';
import { applyMigrations } from './db/migrate.js';
import { migrationsFromDisk } from './db/migrations-from-disk.js';
import { openPgliteDatabase } from './db/pglite-database.js';
import { openPostgresDatabase } from './db/postgres-database.js';
import type { AppEnv } from './http/app-env.js';
import { decodeDataKey, newDataKeyBase64 } from './security/data-cipher.js';

export async function openConfiguredDatabase(config: Pick<ServerConfig, 'databaseUrl' | 'dataDir'>): Promise<Database> {
  const db = config.databaseUrl ? await openPostgresDatabase(config.databaseUrl) : await openPgliteDatabase(resolve(config.dataDir, 'pglite'));
  await applyMigrations(db, migrationsFromDisk());
  return db;
}

const DEV_KEY_FILE = 'dev-data-key';

/**
 * The data key from IOP_DATA_KEY, or a development key kept in the data directory. The latter
 * sits next to the data it protects, which is fine for a demo and wrong for real records.
 */
export function loadDataKey(config: Pick<ServerConfig, 'dataKey' | 'dataDir'>, warn: (message: string) => void = console.warn): Uint8Array {
  if (config.dataKey) return decodeDataKey(config.dataKey);
  const file = join(config.dataDir, DEV_KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, `${newDataKeyBase64()}\n`, { mode: 0o600 });
  }
  warn(
    [
      '',
      '!!! WARNING: IOP_DATA_KEY is not set. Health data is encrypted with a DEVELOPMENT key',
      `!!! stored next to the data in ${file}. Anyone with the data directory can read it.`,
      '!!! For real records set IOP_DATA_KEY (openssl rand -base64 32) and keep it elsewhere.',
      '',
    ].join('\n'),
  );
  return decodeDataKey(readFileSync(file, 'utf8'));
}

/** The socket's address, or the first X-Forwarded-For entry behind a trusted proxy. */
export function nodeClientAddress(trustProxy: boolean): (c: Context) => string {
  return (c) => {
    if (trustProxy) {
      const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
      if (forwarded) return forwarded;
    }
    return getConnInfo(c).remote.address ?? 'unknown';
  };
}

/** `/` from `demo/`, `/dist/*` from `dist/`, both relative to the working directory. */
export function demoSiteFiles(root = '.'): MiddlewareHandler {
  const site = serveStatic({ root: join(root, 'demo') });
  const dist = serveStatic({ root });
  return async (c, next) => (c.req.path.startsWith('/dist/') ? dist(c, next) : site(c, next));
}

/** The staff console, built into `dist/console/` (index.html and its module), at `/console/`. */
export function consoleSiteFiles(root = '.'): MiddlewareHandler {
  const files = serveStatic({ root: join(root, 'dist'), rewriteRequestPath: (path) => (path === '/console/' || path === '/console' ? '/console/index.html' : path) });
  return async (c, next) => files(c, next);
}

/** `dist/cdn/iop-widgets.js` for the isolation frame, read per request so a rebuild is served at once. */
export function cdnBundleFile(root = '.'): () => Promise<Uint8Array | undefined> {
  const file = join(root, 'dist', 'cdn', 'iop-widgets.js');
  return async () => (existsSync(file) ? readFile(file) : undefined);
}

export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Port 0 picks a free port; the URL says which. */
export function listen(app: Hono<AppEnv>, port: number, host: string): Promise<RunningServer> {
  return new Promise((resolvePromise, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info: AddressInfo) => {
      const shownHost = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolvePromise({
        url: `http://${shownHost}:${info.port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
    server.once('error', reject);
  });
}
