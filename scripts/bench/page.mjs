// What the page benchmarks share: bundle a page script as shipped, serve it on loopback, open it in
// Debian's Chromium, wait for the figures it leaves in a global, and summarise timings.
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

/** The repository root: page scripts import from it ('./src/...', './stories/...'). */
export const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * One minified ES module with everything it imports, as a center's bundler would ship it (production
 * Lit, the repository's decorator settings). Give `entry` (a file, relative to the root) or `source`
 * (TypeScript whose './' imports are relative to the root). `minify: false` keeps function names for
 * a CPU profile. Resolves to the code.
 */
export async function bundleForPage({ entry, source, minify = true }) {
  const result = await esbuild.build({
    ...(source === undefined ? { entryPoints: [join(root, entry)] } : { stdin: { contents: source, resolveDir: root, sourcefile: 'bench-entry.ts', loader: 'ts' } }),
    bundle: true,
    minify,
    format: 'esm',
    target: 'es2022',
    write: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/** The page every benchmark loads: `body` (if any) before the module script /bench.js. */
export const benchHtml = (body = '') => `<!doctype html><html lang="en"><title>bench</title>${body}<script type="module" src="bench.js"></script>`;

/**
 * Serves `files` ({ '/path': [content type, body] }, looked up per request) on loopback. With
 * `crossOriginIsolated`, pages are cross-origin isolated, which gives performance.now() 5 us
 * resolution instead of 100 us. Resolves to `{ origin, close() }`.
 */
export async function servePage(files, { crossOriginIsolated = false, host = '127.0.0.1', port = 0 } = {}) {
  const isolation = crossOriginIsolated ? { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' } : {};
  const server = createServer((req, res) => {
    const file = files[new URL(req.url ?? '/', 'http://x').pathname];
    res.writeHead(file ? 200 : 404, { 'content-type': file?.[0] ?? 'text/plain', ...isolation });
    res.end(file?.[1] ?? 'not found');
  });
  await new Promise((resolve) => server.listen(port, host, resolve));
  return {
    origin: `http://${host}:${server.address().port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Headless Chromium from Debian (playwright-core is loaded only when a page benchmark runs). */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

const pageErrors = new WeakMap();

/**
 * Serves `files` (see servePage, with its `options`), opens a tab in a new Chromium and resolves to
 * what `run(page, origin)` resolves to, closing browser and server either way. The tab starts blank:
 * `run` loads `origin` itself. The tab's uncaught errors are kept for waitForGlobal.
 */
export async function withPage(files, options, run) {
  const server = await servePage(files, options);
  let browser;
  try {
    browser = await launchChromium();
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    pageErrors.set(page, errors);
    return await run(page, server.origin);
  } finally {
    await browser?.close();
    await server.close();
  }
}

/** The (JSON) value of `globalThis[name]` once the page sets it; fails with the page's first uncaught error, if any (for a tab from withPage). */
export async function waitForGlobal(page, name, { timeout = 30000 } = {}) {
  try {
    const handle = await page.waitForFunction((key) => globalThis[key], name, { timeout });
    return await handle.jsonValue();
  } catch (error) {
    throw new Error(pageErrors.get(page)?.[0] ?? error.message, { cause: error });
  }
}

/** Median, p95, min and max of some timings (the k-th smallest for quantile q is k = ceil(q * n)). */
export function percentiles(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { median: at(0.5), p95: at(0.95), min: sorted[0], max: sorted.at(-1), count: sorted.length };
}
