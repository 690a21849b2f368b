/**
 * How the server runs: the in-browser backend, the persistent PGlite data directory, migrations and
 * seed applied once, the development key, and `server/main.ts` started as `npm start` starts it.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { createBrowserBackend } from '../../server/browser-backend.js';
import { applyMigrations } from '../../server/db/migrate.js';
import { migrationsFromDisk } from '../../server/db/migrations-from-disk.js';
import { openPgliteDatabase } from '../../server/db/pglite-database.js';
import { standInDocumentsFromDisk } from '../../server/eligibility/stand-in-clearinghouse-server.js';
import { loadDataKey } from '../../server/node-runtime.js';
import { seedDemoCenter } from '../../server/seed/seed-demo-center.js';
import { intakeRequest } from './support/fixtures.js';
import { waitForOutput } from './support/server-process.js';

const scratch = mkdtempSync(join(tmpdir(), 'iop-server-test-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** Relative imports reachable from a module, following the source files. */
function importGraph(entry: string, seen = new Map<string, string[]>()): Map<string, string[]> {
  if (seen.has(entry)) return seen;
  const source = readFileSync(entry, 'utf8');
  const specifiers = [...source.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? '');
  seen.set(entry, specifiers);
  for (const specifier of specifiers) {
    if (specifier.startsWith('.')) importGraph(resolve(dirname(entry), specifier.replace(/\.js$/, '.ts')), seen);
  }
  return seen;
}

describe('in-browser backend', () => {
  it('imports nothing Node-only', () => {
    const graph = importGraph(resolve('server/browser-backend.ts'));
    assert.ok(graph.size > 10, 'the graph was followed');
    const external = [...graph.values()].flat().filter((s) => !s.startsWith('.'));
    const nodeOnly = external.filter((s) => s.startsWith('node:') || s === 'pg' || s.startsWith('@hono/node-server') || ['fs', 'path', 'crypto', 'os'].includes(s));
    assert.deepEqual(nodeOnly, []);
    assert.ok(![...graph.keys()].some((file) => /node-runtime|postgres-database|migrations-from-disk|main\.ts/.test(file)));
  });

  it('serves the API in-process, with switchable failures', async () => {
    const backend = await createBrowserBackend({ migrations: migrationsFromDisk(), standInDocuments: standInDocumentsFromDisk(), latencyMs: 0 });
    try {
      const programs = await backend.fetch('/api/iop/programs');
      assert.equal(programs.status, 200);
      assert.equal(((await programs.json()) as { center: { name: string } }).center.name, 'Juniper Ridge Recovery');
      const intake = await backend.fetch('/api/iop/intakes', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'browser-key-0001' },
        body: JSON.stringify(intakeRequest()),
      });
      assert.equal(intake.status, 201);

      backend.controls.failure = 'offline';
      await assert.rejects(backend.fetch('/api/iop/programs'), TypeError);
      backend.controls.failure = 'server-error';
      const failing = await backend.fetch('/api/iop/programs');
      assert.equal(failing.status, 500);
      assert.equal(((await failing.json()) as { code: string }).code, 'internal');
      backend.controls.failure = 'slow';
      backend.controls.slowLatencyMs = 20;
      const aborted = new AbortController();
      const slow = backend.fetch('/api/iop/programs', { signal: aborted.signal });
      aborted.abort();
      await assert.rejects(slow, 'an abort during the delay rejects');
      assert.equal((await backend.fetch('/api/iop/programs')).status, 200);

      backend.controls.failure = 'none';
      await backend.reset();
      const replay = await backend.fetch('/api/iop/intakes', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'browser-key-0001' },
        body: JSON.stringify(intakeRequest()),
      });
      assert.equal(replay.status, 201, 'reset forgot the key, so a different body is accepted');
    } finally {
      await backend.close();
    }
  });
});

describe('storage', () => {
  it('keeps data in the PGlite directory across a restart; migrations and seed run once', async () => {
    const dataDir = join(scratch, 'pglite');
    const first = await openPgliteDatabase(dataDir);
    const all = migrationsFromDisk().map((migration) => migration.name);
    assert.deepEqual(await applyMigrations(first, migrationsFromDisk()), all);
    assert.ok(all.includes('001_initial.sql'));
    assert.equal(await seedDemoCenter(first), true);
    await first.exec(`UPDATE center SET name = 'Renamed by the center'`);
    await first.close();

    const second = await openPgliteDatabase(dataDir);
    try {
      assert.deepEqual(await applyMigrations(second, migrationsFromDisk()), []);
      assert.equal(await seedDemoCenter(second), false);
      const [row] = await second.query<{ name: string }>('SELECT name FROM center');
      assert.equal(row?.name, 'Renamed by the center', 'the seed did not overwrite the edit');
    } finally {
      await second.close();
    }
  });

  it('generates a development key once, with a loud warning, and reuses it', () => {
    const dataDir = join(scratch, 'keyed');
    const warnings: string[] = [];
    const key = loadDataKey({ dataKey: undefined, dataDir }, (m) => warnings.push(m));
    assert.equal(key.length, 32);
    assert.match(warnings.join(''), /WARNING: IOP_DATA_KEY is not set/);
    assert.equal(statSync(join(dataDir, 'dev-data-key')).mode & 0o077, 0, 'readable by the owner only');
    assert.deepEqual(loadDataKey({ dataKey: undefined, dataDir }, () => {}), key);
    const given = Buffer.alloc(32, 9).toString('base64');
    assert.deepEqual(Buffer.from(loadDataKey({ dataKey: given, dataDir: join(scratch, 'unused') }, () => assert.fail('no warning'))), Buffer.alloc(32, 9));
    assert.equal(existsSync(join(scratch, 'unused')), false);
  });
});

describe('server/main.ts', () => {
  async function startMain(dataDir: string): Promise<{ url: string; stop: () => Promise<void>; output: () => string }> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, PORT: '0', IOP_DATA_DIR: dataDir, IOP_DATA_KEY: '', DATABASE_URL: '', IOP_STAFF_TOKEN: 'main-process-staff-token-0123456789', IOP_ELIGIBILITY_PROVIDER: 'simulated' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    const url = await new Promise<string>((resolveUrl, reject) => {
      const check = setInterval(() => {
        const match = /IOP Widgets demo center: (http:\/\/\S+?)\/ /.exec(output);
        if (match?.[1]) {
          clearInterval(check);
          resolveUrl(match[1]);
        }
      }, 50);
      void exited.then(() => {
        clearInterval(check);
        reject(new Error(`server exited:\n${output}`));
      });
    });
    return {
      url,
      output: () => output,
      stop: async () => {
        child.kill('SIGTERM');
        await exited;
      },
    };
  }

  it('serves the API and the demo site, and keeps records across a restart', async () => {
    const dataDir = join(scratch, 'main');
    const first = await startMain(dataDir);
    let intakeId: string;
    try {
      assert.match(first.output(), /WARNING: IOP_DATA_KEY is not set/);
      const page = await fetch(`${first.url}/schedule.html`);
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.match(html, /<script type="module" src="\/dist\/cdn\/iop-widgets\.js"><\/script>/);
      assert.match(html, /<iop-schedule-picker api-base="\/api\/iop\/">/);
      assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
      assert.equal((await fetch(`${first.url}/`)).status, 200);
      assert.equal((await fetch(`${first.url}/no-such-page.html`)).status, 404);
      assert.equal((await fetch(`${first.url}/dist/no-such-file.js`)).status, 404);
      const created = await fetch(`${first.url}/api/iop/intakes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'main-process-key-1' },
        body: JSON.stringify(intakeRequest('CanaryMainProcess')),
      });
      assert.equal(created.status, 201);
      intakeId = ((await created.json()) as { id: string }).id;
      // The access line is written once the response has gone, so it can reach us after the answer.
      assert.ok(await waitForOutput(first, /"route":"POST intakes","status":201/), 'the request was logged');
      assert.ok(!first.output().includes('CanaryMainProcess'));
    } finally {
      await first.stop();
    }

    const second = await startMain(dataDir);
    try {
      const record = await fetch(`${second.url}/api/iop/staff/intakes/${intakeId}`, { headers: { authorization: 'Bearer main-process-staff-token-0123456789' } });
      assert.equal(record.status, 200);
      assert.match(await record.text(), /CanaryMainProcess/);
    } finally {
      await second.stop();
    }
  });
});
