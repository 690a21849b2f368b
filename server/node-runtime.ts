/**
 * Everything that ties the app to Node: opening the configured database, the data key file, the
 * static demo site and the HTTP listener. Tests and main.ts both start servers through here.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
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
import { openPostgresDatabase } from './db/postgres-database.js';
import type { AppEnv } from './http/app-env.js';
import { createKeyring, decodeDataKey, newDataKeyBase64, parseDataKeys, SINGLE_KEY_ID, type DataCipher } from './security/data-cipher.js';

export async function openConfiguredDatabase(config: Pick<ServerConfig, 'databaseUrl' | 'dataDir'>): Promise<Database> {
  // PGlite (a development dependency) is loaded only when there is no DATABASE_URL.
  const db = config.databaseUrl
    ? await openPostgresDatabase(config.databaseUrl)
    : await (await import('./db/pglite-database.js')).openPgliteDatabase(resolve(config.dataDir, 'pglite'));
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

/** The keyring from IOP_DATA_KEYS, else the single IOP_DATA_KEY (or the development key) as `primary`. */
export function loadKeyring(config: Pick<ServerConfig, 'dataKeys' | 'dataKey' | 'dataDir'>, warn?: (message: string) => void): Promise<DataCipher> {
  if (config.dataKeys) return createKeyring(parseDataKeys(config.dataKeys));
  return createKeyring([{ id: SINGLE_KEY_ID, raw: loadDataKey(config, warn) }]);
}

/**
 * The client's address. Behind `trustedProxies` proxies of your own, each appends the address it
 * heard from to X-Forwarded-For, so the entry that many places from the right is the last one
 * nobody but the client wrote; anything left of it is the client's to invent. `true` means one hop.
 */
export function nodeClientAddress(trustedProxies: number | boolean): (c: Context) => string {
  const hops = trustedProxies === true ? 1 : trustedProxies === false ? 0 : trustedProxies;
  return (c) => {
    if (hops > 0) {
      const forwarded = (c.req.header('x-forwarded-for') ?? '')
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean);
      const client = forwarded[Math.max(0, forwarded.length - hops)];
      if (client) return client;
    }
    return getConnInfo(c).remote.address ?? 'unknown';
  };
}

/** `/` from `demo/` (unless `demoPages` is false), `/dist/*` from `dist/`, both relative to `root`. */
export function demoSiteFiles(root = '.', { demoPages = true } = {}): MiddlewareHandler {
  const site = serveStatic({ root: join(root, 'demo') });
  const dist = serveStatic({ root });
  return async (c, next) => (c.req.path.startsWith('/dist/') ? dist(c, next) : demoPages ? site(c, next) : next());
}

/** The staff console, built into `dist/console/` (index.html and its module), at `/console/`. */
export function consoleSiteFiles(root = '.'): MiddlewareHandler {
  const files = serveStatic({ root: join(root, 'dist'), rewriteRequestPath: (path) => (path === '/console/' || path === '/console' ? '/console/index.html' : path) });
  return async (c, next) => files(c, next);
}

/**
 * Files of dist/cdn/ for the isolation frame (the loader `iop-widgets.js` and its `chunks/`), read
 * per request so a rebuild is served at once. Only those two shapes of name are ever read.
 */
export function cdnBundleFile(root = '.'): (name?: string) => Promise<Uint8Array | undefined> {
  return async (name = 'iop-widgets.js') => {
    if (name !== 'iop-widgets.js' && !/^chunks\/[A-Za-z0-9_-][A-Za-z0-9_.-]*\.js$/.test(name)) return undefined;
    const file = join(root, 'dist', 'cdn', name);
    return existsSync(file) ? readFile(file) : undefined;
  };
}

/** Types worth compressing; never text/event-stream, which must stream. */
const COMPRESSIBLE_TYPE = /^(?:application\/(?:json|problem\+json|javascript|fhir\+json)|text\/(?:html|css|plain|javascript|calendar)|image\/svg\+xml)\b/;
const MIN_COMPRESSED_BYTES = 1024;
/** Public static files are compressed once per version (path, length, modification time). */
const compressedStatics = new Map<string, Uint8Array>();

function chosenEncoding(acceptEncoding: string): 'br' | 'gzip' | undefined {
  if (/(?:^|[\s,])br(?:[\s,;]|$)/.test(acceptEncoding) && !/br;\s*q=0(?:[^.]|$)/.test(acceptEncoding)) return 'br';
  if (/(?:^|[\s,])gzip(?:[\s,;]|$)/.test(acceptEncoding) && !/gzip;\s*q=0(?:[^.]|$)/.test(acceptEncoding)) return 'gzip';
  return undefined;
}

/**
 * Brotli or gzip for JSON and the bundle, at the edge of the process so the app stays free of Node
 * modules. Dynamic answers get a quick brotli level (4): a 300 KB slot list shrinks about tenfold
 * in a few milliseconds; public static files are compressed at a high level once and kept.
 */
export function withCompression<E>(fetchApp: (request: Request, env: E) => Response | Promise<Response>) {
  return async (request: Request, env: E): Promise<Response> => {
    const response = await fetchApp(request, env);
    const type = response.headers.get('content-type') ?? '';
    if (!response.body || request.method === 'HEAD' || response.headers.has('content-encoding') || !COMPRESSIBLE_TYPE.test(type)) return response;
    const headers = new Headers(response.headers);
    headers.append('vary', 'accept-encoding');
    const encoding = chosenEncoding(request.headers.get('accept-encoding') ?? '');
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (!encoding || bytes.byteLength < MIN_COMPRESSED_BYTES) {
      return new Response(bytes, { status: response.status, statusText: response.statusText, headers });
    }
    const isPublicStatic = (headers.get('cache-control') ?? '').startsWith('public');
    const cacheKey = isPublicStatic ? `${encoding} ${new URL(request.url).pathname} ${bytes.byteLength} ${headers.get('last-modified') ?? ''}` : '';
    let compressed = isPublicStatic ? compressedStatics.get(cacheKey) : undefined;
    if (!compressed) {
      compressed =
        encoding === 'br'
          ? brotliCompressSync(bytes, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: isPublicStatic ? 11 : 4, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength } })
          : gzipSync(bytes, { level: isPublicStatic ? 9 : 6 });
      if (isPublicStatic) {
        if (compressedStatics.size > 200) compressedStatics.clear();
        compressedStatics.set(cacheKey, compressed);
      }
    }
    headers.set('content-encoding', encoding);
    headers.set('content-length', String(compressed.byteLength));
    // A strong validator names one representation: the compressed bytes get their own ("-br", as Apache's "-gzip").
    const etag = headers.get('etag');
    if (etag?.startsWith('"')) headers.set('etag', `${etag.slice(0, -1)}-${encoding}"`);
    return new Response(compressed as Uint8Array<ArrayBuffer>, { status: response.status, statusText: response.statusText, headers });
  };
}

export interface RunningServer {
  readonly url: string;
  /** Stops at once, cutting connections (tests). */
  close(): Promise<void>;
  /**
   * Graceful: stops accepting, lets requests in flight finish (closing each connection once idle),
   * and cuts whatever is left after `timeoutMs`. Resolves true when everything finished in time.
   */
  drain(timeoutMs: number): Promise<boolean>;
}

export interface ListenOptions {
  /** Brotli/gzip responses (withCompression). */
  readonly compress?: boolean;
}

/** Port 0 picks a free port; the URL says which. */
export function listen(app: Hono<AppEnv>, port: number, host: string, options: ListenOptions = {}): Promise<RunningServer> {
  return new Promise((resolvePromise, reject) => {
    const fetchApp = options.compress ? withCompression(app.fetch) : app.fetch;
    const server = serve({ fetch: fetchApp, port, hostname: host }, (info: AddressInfo) => {
      const shownHost = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolvePromise({
        url: `http://${shownHost}:${info.port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
        drain: (timeoutMs) =>
          new Promise<boolean>((done) => {
            let finished = false;
            const closeIdle = () => {
              if ('closeIdleConnections' in server) server.closeIdleConnections();
            };
            // A keep-alive connection whose request just finished is idle: close it so close() can complete.
            const sweep = setInterval(closeIdle, 50);
            const deadline = setTimeout(() => {
              if ('closeAllConnections' in server) server.closeAllConnections();
            }, timeoutMs);
            server.close(() => {
              finished = true;
              clearInterval(sweep);
              clearTimeout(deadline);
              done(true);
            });
            closeIdle();
            // Reported when the deadline had to cut connections.
            setTimeout(() => {
              if (!finished) done(false);
            }, timeoutMs + 1_000).unref();
          }),
      });
    });
    server.once('error', reject);
  });
}
