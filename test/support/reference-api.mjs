// The reference API server for browser tests: started fresh (new data directory, seeded demo
// center, simulated eligibility) when the test runner starts, and reached through the dev server
// at /api/iop/ so pages under test talk to it same-origin, as a center's own site would.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Staff token for tests that read what the server stored. */
export const testStaffToken = 'test-staff-token-0123456789abcdef';

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

export function createReferenceApi() {
  let child;
  let dataDir;
  let ready;

  async function start() {
    const port = await freePort();
    dataDir = mkdtempSync(join(tmpdir(), 'iop-wtr-'));
    child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        IOP_DATA_DIR: dataDir,
        IOP_DATA_KEY: randomBytes(32).toString('base64'),
        IOP_ELIGIBILITY_PROVIDER: 'simulated',
        IOP_STAFF_TOKEN: testStaffToken,
        // Component tests write far more than a person would.
        IOP_RATE_LIMIT_WRITES_PER_MINUTE: '100000',
        DATABASE_URL: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`reference server did not start:\n${output}`)), 60000);
      const read = (chunk) => {
        output += chunk;
        if (output.includes('IOP Widgets demo center:')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      child.once('exit', (code) => reject(new Error(`reference server exited (${code}):\n${output}`)));
    });
    return port;
  }

  return {
    plugin: {
      name: 'reference-api',
      serverStart() {
        ready = start();
        // Surface a failed start on the first request rather than as an unhandled rejection.
        ready.catch(() => {});
      },
      serverStop() {
        child?.kill();
        if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      },
    },
    async middleware(ctx, next) {
      if (!ctx.path.startsWith('/api/iop/') || !ready) return next();
      const port = await ready;
      ctx.respond = false;
      await new Promise((resolve) => {
        const upstream = request(
          { host: '127.0.0.1', port, method: ctx.req.method, path: ctx.req.url, headers: { ...ctx.req.headers, host: `127.0.0.1:${port}` } },
          (response) => {
            ctx.res.writeHead(response.statusCode ?? 502, response.headers);
            response.pipe(ctx.res);
            response.once('end', resolve);
          },
        );
        upstream.once('error', () => {
          if (!ctx.res.headersSent) ctx.res.writeHead(502);
          ctx.res.end();
          resolve();
        });
        ctx.req.pipe(upstream);
      });
    },
  };
}
