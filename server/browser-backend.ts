/// <reference types="vite/client" />
/**
 * The reference server running inside the page: the same Hono app over an in-memory PGlite, with
 * a `fetch` to hand to the client and knobs for latency and failures. Storybook uses it so stories
 * behave for real without a server. Nothing here may import Node modules.
 *
 * Vite bundles the SQL migrations through `import.meta.glob`; elsewhere (Node tests) pass
 * `migrations`. PGlite ships WASM: Vite needs `optimizeDeps.exclude: ['@electric-sql/pglite']`.
 */
import type { Hono } from 'hono';
import { createApp } from './app.js';
import { applyMigrations, type Migration } from './db/migrate.js';
import { openPgliteDatabase } from './db/pglite-database.js';
import { TRUNCATE_RECORDS_SQL } from './db/record-tables.js';
import { manualEligibility } from './eligibility/manual-eligibility.js';
import { standInEligibility } from './eligibility/stand-in-eligibility.js';
import type { AppEnv } from './http/app-env.js';
import { problemResponse } from './http/problem.js';
import { createDataCipher } from './security/data-cipher.js';
import { seedDemoCenter } from './seed/seed-demo-center.js';

export type FailureMode = 'none' | 'offline' | 'server-error' | 'slow';

export interface BackendControls {
  /** Added to every answer, like a real network. */
  latencyMs: number;
  /** `offline` rejects like a dropped connection; `server-error` answers 500; `slow` waits `slowLatencyMs`. */
  failure: FailureMode;
  slowLatencyMs: number;
}

export interface BrowserBackendOptions extends Partial<BackendControls> {
  readonly eligibility?: 'simulated' | 'manual';
  readonly now?: () => Date;
  readonly migrations?: readonly Migration[];
  /** The stand-in clearinghouse's recorded documents; bundled by Vite, pass them elsewhere. */
  readonly standInDocuments?: Readonly<Record<string, string>>;
}

export interface BrowserBackend {
  /** Give this to the client as its `fetch`. Relative URLs resolve against the page. */
  readonly fetch: typeof fetch;
  /** Change at any time; the next request follows. */
  readonly controls: BackendControls;
  readonly app: Hono<AppEnv>;
  /** Forgets everything people sent; the demo center stays. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

function bundledMigrations(): Migration[] {
  let files: Record<string, string>;
  try {
    files = import.meta.glob<string>('./migrations/*.sql', { query: '?raw', import: 'default', eager: true });
  } catch {
    throw new Error('createBrowserBackend: outside Vite, pass `migrations` (e.g. migrationsFromDisk())');
  }
  return Object.entries(files).map(([path, sql]) => ({ name: path.slice(path.lastIndexOf('/') + 1), sql }));
}

function wait(ms: number, signal: AbortSignal | null | undefined): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

function bundledStandInDocuments(): Record<string, string> {
  let files: Record<string, string>;
  try {
    files = import.meta.glob<string>('./eligibility/stand-in-documents/*', { query: '?raw', import: 'default', eager: true });
  } catch {
    throw new Error('createBrowserBackend: outside Vite, pass `standInDocuments` (e.g. standInDocumentsFromDisk())');
  }
  return Object.fromEntries(Object.entries(files).map(([path, text]) => [path.slice(path.lastIndexOf('/') + 1), text]));
}

export async function createBrowserBackend(options: BrowserBackendOptions = {}): Promise<BrowserBackend> {
  const db = await openPgliteDatabase();
  await applyMigrations(db, options.migrations ?? bundledMigrations());
  await seedDemoCenter(db, options.now?.() ?? new Date());
  // A fresh random key per page: nothing survives the page, so nothing needs a stable key.
  const cipher = await createDataCipher(crypto.getRandomValues(new Uint8Array(32)));
  const app = createApp({
    db,
    cipher,
    // X12 answers need Node (node-x12): in the page they go to staff, like any unreadable answer.
    eligibility: options.eligibility === 'manual' ? manualEligibility : standInEligibility({ documents: options.standInDocuments ?? bundledStandInDocuments() }),
    ...(options.now ? { now: options.now } : {}),
    clientAddress: () => 'in-page',
    writesPerMinute: 10_000,
    log: () => {},
    // In a page the console is the host's: count-only events stay out of it too.
    report: () => {},
  });
  const controls: BackendControls = {
    latencyMs: options.latencyMs ?? 150,
    failure: options.failure ?? 'none',
    slowLatencyMs: options.slowLatencyMs ?? 4_000,
  };
  const base = (globalThis as { location?: { href: string } }).location?.href ?? 'http://localhost/';

  const backendFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? new Request(input, init) : new Request(new URL(String(input), base), init);
    await wait(controls.failure === 'slow' ? controls.slowLatencyMs : controls.latencyMs, request.signal);
    request.signal.throwIfAborted();
    if (controls.failure === 'offline') throw new TypeError('Failed to fetch');
    if (controls.failure === 'server-error') {
      return problemResponse({ status: 500, code: 'internal', detail: 'Simulated server error (in-page backend).' });
    }
    return app.fetch(request);
  };

  return {
    fetch: backendFetch as typeof fetch,
    controls,
    app,
    reset: () => db.exec(TRUNCATE_RECORDS_SQL),
    close: () => db.close(),
  };
}
