// Bench figure for issue 8: time to the intake screener's first step painted, in frame mode and
// inline mode, on a host site at another origin than the API, both served by real servers on
// loopback. Imported by scripts/bench.mjs.
/* global document, requestAnimationFrame -- paintedAt runs in the page */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function freePort(host) {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function startApi(allowedOrigin) {
  const port = await freePort('127.0.0.1');
  const dataDir = mkdtempSync(join(tmpdir(), 'iop-bench-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', IOP_DATA_DIR: dataDir, IOP_DATA_KEY: randomBytes(32).toString('base64'), IOP_ELIGIBILITY_PROVIDER: 'simulated', IOP_ALLOWED_ORIGINS: allowedOrigin, DATABASE_URL: '' },
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
  return { origin: `http://127.0.0.1:${port}`, stop: () => (child.kill(), rmSync(dataDir, { recursive: true, force: true })) };
}

// The frame page is measured as the isolation controller renders it: the host loads the bundle, the
// tag renders `<iframe src="<api-base>embed/iop-intake-screener?parent=...">`. Until the intake screener
// takes the controller (issue 8 integration), the host page here adds that same iframe itself.
const frameHostScript = (api, hostOrigin) => `
const frame = document.createElement('iframe');
frame.title = 'Confidential form';
frame.src = ${JSON.stringify(api)} + '/api/iop/embed/iop-intake-screener?parent=' + encodeURIComponent(${JSON.stringify(hostOrigin)}) + '&locale=en&storage=memory';
document.querySelector('main').append(frame);
`;

export async function intakeFirstPaintByIsolation() {
  const runs = 9;
  const hostPort = await freePort('127.0.0.2');
  const hostOrigin = `http://127.0.0.2:${hostPort}`;
  const api = await startApi(hostOrigin);
  const page = (body) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title><script type="module" src="${api.origin}/dist/cdn/iop-widgets.js"></script></head><body><main>${body}</main></body></html>`;
  const files = {
    '/inline': ['text/html', page(`<iop-intake-screener api-base="${api.origin}/api/iop/" isolation="inline" storage="memory"></iop-intake-screener>`)],
    '/frame': ['text/html', page('<script type="module" src="/frame-host.js"></script>')],
    '/frame-host.js': ['text/javascript', frameHostScript(api.origin, hostOrigin)],
  };
  const server = createServer((req, res) => {
    const file = files[new URL(req.url ?? '/', 'http://x').pathname];
    res.writeHead(file ? 200 : 404, { 'content-type': file?.[0] ?? 'text/plain' });
    res.end(file?.[1] ?? 'not found');
  });
  await new Promise((resolve) => server.listen(hostPort, '127.0.0.2', resolve));
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  // In whichever document holds the widget: wall-clock ms of the frame after its first step's heading exists.
  const paintedAt = () =>
    new Promise((resolve) => {
      const check = () => {
        if (document.querySelector('iop-intake-screener')?.shadowRoot?.querySelector('h2')) requestAnimationFrame(() => setTimeout(() => resolve(performance.timeOrigin + performance.now())));
        else requestAnimationFrame(check);
      };
      check();
    });
  try {
    const measure = async (mode) => {
      const times = [];
      for (let run = 0; run < runs; run += 1) {
        const context = await browser.newContext();
        const tab = await context.newPage();
        await tab.goto(`${hostOrigin}/${mode}`, { waitUntil: 'commit' });
        let target = tab;
        if (mode === 'frame') {
          while (!(target = tab.frames().find((frame) => frame.url().includes('/embed/')))) await tab.waitForTimeout(5);
        }
        const painted = await target.evaluate(paintedAt);
        const started = await tab.evaluate(() => performance.timeOrigin);
        times.push(painted - started);
        await context.close();
      }
      // The first load warms the bundle in the HTTP cache of nothing (new context each run): keep all.
      const sorted = times.sort((a, b) => a - b);
      return [`${mode} (${runs} fresh contexts)`, sorted[Math.floor(sorted.length / 2)].toFixed(0), sorted[0].toFixed(0), sorted.at(-1).toFixed(0)];
    };
    return {
      title: '<iop-intake-screener>: navigation start to first step painted, frame mode vs inline mode (host on another origin than the API)',
      columns: ['mode', 'median ms', 'min ms', 'max ms'],
      rows: [await measure('inline'), await measure('frame')],
      notes: [
        'Each run is a new browser context, so the bundle is fetched every time (the frame fetches it a second time, from the API origin).',
        'Frame mode until the intake screener takes the isolation controller: the host page adds the same iframe the controller renders.',
      ],
    };
  } finally {
    await browser.close();
    server.close();
    api.stop();
  }
}
