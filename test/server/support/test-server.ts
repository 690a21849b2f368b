/**
 * Real servers on 127.0.0.1 for the server tests. Each test file opens one database per backend
 * (PGlite always; PostgreSQL too when TEST_DATABASE_URL is set, in a schema of its own) and starts
 * as many app instances over it as it needs.
 */
import { randomBytes } from 'node:crypto';
import { after, before, beforeEach } from 'node:test';
import { createServerParts, type AppOptions } from '../../../server/app.js';
import type { Database } from '../../../server/db/database.js';
import { applyMigrations } from '../../../server/db/migrate.js';
import { migrationsFromDisk } from '../../../server/db/migrations-from-disk.js';
import { openPgliteDatabase } from '../../../server/db/pglite-database.js';
import { openPostgresDatabase } from '../../../server/db/postgres-database.js';
import { TRUNCATE_RECORDS_SQL } from '../../../server/db/record-tables.js';
import { standInDocumentsFromDisk } from '../../../server/eligibility/stand-in-clearinghouse-server.js';
import { standInEligibility } from '../../../server/eligibility/stand-in-eligibility.js';
import { read271 } from '../../../server/eligibility/x12-271-reader.js';
import type { RequestLogEntry } from '../../../server/http/request-log.js';
import { listen, nodeClientAddress } from '../../../server/node-runtime.js';
import { createDataCipher, type DataCipher } from '../../../server/security/data-cipher.js';
import { seedDemoCenter } from '../../../server/seed/seed-demo-center.js';

export type Backend = 'pglite' | 'postgres';

/** The backends this run covers. */
export function testBackends(): Backend[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/** Monday 2 March 2026, 10:00 in Denver (MST): the week before the US spring-forward change. */
export const TEST_EPOCH = new Date('2026-03-02T17:00:00Z');

export class TestClock {
  #ms: number;
  constructor(start: Date = TEST_EPOCH) {
    this.#ms = start.getTime();
  }
  readonly now = (): Date => new Date(this.#ms);
  advance(ms: number): void {
    this.#ms += ms;
  }
}

export interface TestDatabase {
  readonly db: Database;
  /** Empties what people sent; the seeded center stays. */
  truncate(): Promise<void>;
  close(): Promise<void>;
}

/** `seed: false`: an empty database, as a production start finds it (no center until first-run setup). */
export async function openTestDatabase(backend: Backend, clock: TestClock, { seed = true } = {}): Promise<TestDatabase> {
  let db: Database;
  let dropSchema = async () => {};
  if (backend === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('TEST_DATABASE_URL is not set');
    const schema = `test_${randomBytes(6).toString('hex')}`;
    const admin = await openPostgresDatabase(url, { maxConnections: 1 });
    await admin.exec(`CREATE SCHEMA ${schema}`);
    db = await openPostgresDatabase(url, { searchPath: schema, maxConnections: 10 });
    dropSchema = async () => {
      await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    };
  } else {
    db = await openPgliteDatabase();
  }
  await applyMigrations(db, migrationsFromDisk());
  if (seed) await seedDemoCenter(db, clock.now());
  return {
    db,
    truncate: () => db.exec(TRUNCATE_RECORDS_SQL),
    async close() {
      await db.close();
      await dropSchema();
    },
  };
}

export interface TestServer {
  readonly url: string;
  readonly api: string;
  readonly logs: RequestLogEntry[];
  readonly cipher: DataCipher;
  close(): Promise<void>;
}

let sharedCipher: Promise<DataCipher> | undefined;

/** One key per test process, so servers started over one database can read each other's records. */
export function testCipher(): Promise<DataCipher> {
  sharedCipher ??= createDataCipher(randomBytes(32));
  return sharedCipher;
}

/** `runJobs`: this server also runs jobs (webhook deliveries, polls, sweeps) in the background, polling often. */
export async function startTestServer(db: Database, clock: TestClock, options: Partial<AppOptions> = {}, { runJobs = false } = {}): Promise<TestServer> {
  const logs: RequestLogEntry[] = [];
  const cipher = await testCipher();
  const { app, jobs } = createServerParts({
    db,
    cipher,
    eligibility: standInEligibility({ documents: standInDocumentsFromDisk(), readX12: read271 }),
    now: clock.now,
    log: (entry) => logs.push(entry),
    clientAddress: nodeClientAddress(false),
    writesPerMinute: 10_000,
    ...options,
    jobs: { pollMs: 20, ...options.jobs },
  });
  const server = await listen(app, 0, '127.0.0.1');
  if (runJobs) jobs.start();
  return {
    url: server.url,
    api: `${server.url}/api/iop/`,
    logs,
    cipher: options.cipher ?? cipher,
    async close() {
      await jobs.stop();
      await server.close();
    },
  };
}

/** Resolves once `condition` holds, checking as often as the event loop allows; fails after `timeoutMs`. */
export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export interface ApiResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The body parsed as JSON (undefined when empty); tests read it loosely on purpose. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly json: any;
}

async function toApiResponse(response: Response): Promise<ApiResponse> {
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: text ? JSON.parse(text) : undefined };
}

export async function get(server: TestServer, path: string, headers: Record<string, string> = {}): Promise<ApiResponse> {
  return toApiResponse(await fetch(server.api + path, { headers }));
}

let keyCounter = 0;
export function newIdempotencyKey(): string {
  return `test-key-${process.pid}-${++keyCounter}-${randomBytes(4).toString('hex')}`;
}

export async function post(
  server: TestServer,
  path: string,
  body: unknown,
  options: { key?: string | null; headers?: Record<string, string> } = {},
): Promise<ApiResponse> {
  const key = options.key === undefined ? newIdempotencyKey() : options.key;
  return toApiResponse(
    await fetch(server.api + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key === null ? {} : { 'idempotency-key': key }), ...options.headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

export async function del(server: TestServer, path: string, token?: string): Promise<ApiResponse> {
  return toApiResponse(await fetch(server.api + path, { method: 'DELETE', headers: token === undefined ? {} : { authorization: `Bearer ${token}` } }));
}

/** Every row of every table as text, for "is this value stored in clear anywhere?" checks. */
export async function dumpAllRows(db: Database): Promise<string> {
  const tables = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
  );
  if (tables.length < 10) throw new Error('dumpAllRows found too few tables: wrong schema?');
  const dumps: string[] = [];
  for (const { table_name } of tables) dumps.push(JSON.stringify(await db.query(`SELECT * FROM ${table_name}`)));
  return dumps.join('\n');
}

/**
 * A seeded database and a server over it for one describe block, closed after it; people's records
 * are emptied before each test unless `keepRecords` (the seeded center always stays).
 */
export function useTestServer(
  backend: Backend,
  clock: TestClock,
  ready: (opened: { database: TestDatabase; server: TestServer }) => void,
  options: Partial<AppOptions> = {},
  { keepRecords = false } = {},
): void {
  let database: TestDatabase | undefined;
  let server: TestServer | undefined;
  before(async () => {
    database = await openTestDatabase(backend, clock);
    server = await startTestServer(database.db, clock, options);
    ready({ database, server });
  });
  if (!keepRecords) beforeEach(() => database!.truncate());
  after(async () => {
    await server?.close();
    await database?.close();
  });
}
