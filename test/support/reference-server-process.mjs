// The reference server as a child process on loopback, for the browser tests (reference-api.mjs), the
// e2e tests and the benchmarks: a throwaway data directory and data key, and none of the developer's
// DATABASE_URL, so every start is a fresh, seeded demo center on embedded PGlite.
// Plain JS so the .mjs test-runner config can import it; types in reference-server-process.d.mts.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
// server/main.ts prints this line once it listens.
const readyLine = /IOP Widgets demo center: (http:\/\/\S+?)\/? /;

/** A port free on `host` right now. */
export function freePort(host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts `entry` (server/main.ts, run through tsx, or scripts/start.mjs) from the repository root and
 * resolves once it listens on `host`. `env` adds to (and may override) the eligibility provider,
 * which defaults to the simulated one (the stand-in clearinghouse); the port, host, data directory, data key and DATABASE_URL are
 * always the ones chosen here. `stop()` kills the server and removes its data directory.
 */
export async function startReferenceServer({ entry = 'server/main.ts', env = {}, host = '127.0.0.1', timeoutMs = 60_000 } = {}) {
  const port = await freePort(host);
  const dataDir = mkdtempSync(join(tmpdir(), 'iop-server-'));
  const child = spawn(process.execPath, entry.endsWith('.ts') ? ['--import', 'tsx', entry] : [entry], {
    cwd: root,
    env: {
      ...process.env,
      IOP_ELIGIBILITY_PROVIDER: 'simulated',
      ...env,
      PORT: String(port),
      HOST: host,
      IOP_DATA_DIR: dataDir,
      IOP_DATA_KEY: randomBytes(32).toString('base64'),
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () => {
    child.kill();
    rmSync(dataDir, { recursive: true, force: true });
  };
  let output = '';
  try {
    const origin = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${entry} did not start in ${timeoutMs / 1000} s:\n${output}`)), timeoutMs);
      const read = (chunk) => {
        output += chunk;
        const match = readyLine.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${entry} exited (${code}):\n${output}`));
      });
    });
    return { origin, port, stop, output: () => output };
  } catch (error) {
    stop();
    throw error;
  }
}
