// The demo center's pages as a phone would load them: the reference server started as `npm start`
// starts it (compression, cache headers, the strict policy), Chromium with a 4x CPU throttle, a cold
// cache per load; then Lighthouse mobile on each page.
import { brotliCompressSync, constants } from 'node:zlib';
import { startReferenceServer } from '../../test/support/reference-server-process.mjs';
import { launchChromium } from './page.mjs';

/** Every page of demo/, plus one page (served by the bench, same origin and policy) with all four widgets. */
export const demoPages = ['index.html', 'intake.html', 'insurance.html', 'schedule.html', 'alumni.html', 'all-four (bench page)'];
export const allFourPath = '/bench-all-four.html';
export const allFourHtml = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>All four widgets</title><link rel="stylesheet" href="site.css"><script type="module" src="/dist/cdn/iop-widgets.js"></script></head>
<body><main id="content"><h1>Everything</h1>
<iop-intake-screener api-base="/api/iop/"></iop-intake-screener>
<iop-insurance-verification api-base="/api/iop/"></iop-insurance-verification>
<iop-schedule-picker api-base="/api/iop/"></iop-schedule-picker>
<iop-alumni-browser api-base="/api/iop/"></iop-alumni-browser>
<footer><p>Footer</p></footer></main></body></html>`;
const demoPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";
export const pathOf = (page) => (page.endsWith('(bench page)') ? allFourPath : `/${page}`);

// Runs in the page before anything else: long tasks, layout shifts and the first frame in which a
// widget's shadow root holds text (checked once per frame, which costs little even at 4x).
const observeScript = `
window.__bench = { longTasks: [], shifts: [], firstText: null };
new PerformanceObserver((list) => { for (const e of list.getEntries()) __bench.longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) __bench.shifts.push(e.value); }).observe({ type: 'layout-shift', buffered: true });
const look = () => {
  for (const el of document.querySelectorAll('iop-intake-screener, iop-insurance-verification, iop-schedule-picker, iop-alumni-browser')) {
    if ((el.shadowRoot?.textContent ?? '').trim()) { __bench.firstText = performance.now(); return; }
  }
  requestAnimationFrame(look);
};
requestAnimationFrame(look);
`;

const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kB = (bytes) => (bytes / 1024).toFixed(1);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** One cold load of `url` at 4x: JS bytes (brotli of each fetched script), first widget text, long tasks, CLS. */
async function measureLoad(browser, url) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1 });
  try {
    await context.route(`**${allFourPath}`, (route) =>
      route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': demoPolicy }, body: allFourHtml }),
    );
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.addInitScript(observeScript);
    const scripts = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(response.body().then((body) => ({ url: response.url(), brotli: brotli(body), raw: body.length, encoding: response.headers()['content-encoding'] ?? 'none' })));
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    // Settle: a widget may still render what the network answered; two frames and a quiet moment.
    await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 500))))');
    const observed = await page.evaluate('window.__bench');
    const fetched = await Promise.all(scripts);
    return {
      jsBrotli: fetched.reduce((sum, script) => sum + script.brotli, 0),
      jsRaw: fetched.reduce((sum, script) => sum + script.raw, 0),
      files: fetched.length,
      encodings: [...new Set(fetched.map((script) => script.encoding))].join('/'),
      firstText: observed.firstText,
      longestTask: Math.max(0, ...observed.longTasks),
      longTasks: observed.longTasks.length,
      cls: observed.shifts.reduce((sum, value) => sum + value, 0),
    };
  } finally {
    await context.close();
  }
}

export async function demoPagesAtFourX({ runs = 3 } = {}) {
  const server = await startReferenceServer({ timeoutMs: 120_000 });
  let browser;
  try {
    browser = await launchChromium();
    // A first load outside the figures: the server compresses static files once and keeps them.
    for (const page of demoPages) await measureLoad(browser, `${server.origin}${pathOf(page)}`);
    const rows = [];
    for (const page of demoPages) {
      const loads = [];
      for (let run = 0; run < runs; run += 1) loads.push(await measureLoad(browser, `${server.origin}${pathOf(page)}`));
      const [first] = loads;
      const texts = loads.map((load) => load.firstText).filter((value) => value !== null);
      rows.push([
        page,
        kB(first.jsBrotli),
        kB(first.jsRaw),
        `${first.files} (${first.encodings})`,
        texts.length ? median(texts).toFixed(0) : '-',
        median(loads.map((load) => load.longestTask)).toFixed(0),
        median(loads.map((load) => load.longTasks)),
        median(loads.map((load) => load.cls)).toFixed(3),
      ]);
    }
    return {
      title: `Demo pages at 4x CPU throttle, 412x823 viewport, cold cache (median of ${runs} loads)`,
      columns: ['page', 'JS kB br', 'JS kB raw', 'scripts (sent as)', 'first text ms', 'longest task ms', 'long tasks', 'CLS'],
      rows,
      notes: [
        '"JS kB br": brotli q11 of every script the page fetched, whatever the server sent; "raw": decoded bytes.',
        '"first text": from navigation start to the first frame with text in a widget\'s shadow root.',
        'Targets (issue 15): one widget <= 30 kB br, all four <= 65 kB, home < 5 kB; CLS <= 0.02; no long task > 100 ms without the alumni browser.',
      ],
    };
  } finally {
    await browser?.close();
    server.stop();
  }
}

/** Lighthouse mobile (its default: simulated slow 4G and 4x CPU) on each demo page, performance only. */
export async function demoPagesLighthouse() {
  const [{ default: lighthouse }, { launch }] = await Promise.all([import('lighthouse'), import('chrome-launcher')]);
  const server = await startReferenceServer({ timeoutMs: 120_000 });
  let chrome;
  try {
    chrome = await launch({
      chromePath: '/usr/bin/chromium',
      chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      logLevel: 'silent',
    });
    const rows = [];
    for (const page of demoPages.filter((name) => !name.endsWith('(bench page)'))) {
      const result = await lighthouse(`${server.origin}/${page}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
      const { categories, audits } = result.lhr;
      const ms = (id) => (audits[id]?.numericValue ?? NaN).toFixed(0);
      rows.push([
        page,
        Math.round((categories.performance.score ?? 0) * 100),
        ms('first-contentful-paint'),
        ms('largest-contentful-paint'),
        ms('total-blocking-time'),
        (audits['cumulative-layout-shift']?.numericValue ?? NaN).toFixed(3),
        ms('speed-index'),
      ]);
    }
    return {
      title: 'Lighthouse mobile (simulated throttling), performance category',
      columns: ['page', 'score', 'FCP ms', 'LCP ms', 'TBT ms', 'CLS', 'SI ms'],
      rows,
      notes: ['Target (issue 15): at least 95 on every demo page.'],
    };
  } finally {
    chrome?.kill();
    server.stop();
  }
}
