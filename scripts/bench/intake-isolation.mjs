// Bench figure for issue 8: time to the intake screener's first step painted, in frame mode and
// inline mode, on a host site at another origin than the API, both served by real servers on
// loopback.
/* global document, requestAnimationFrame -- paintedAt runs in the page */
import { freePort, startReferenceServer } from '../../test/support/reference-server-process.mjs';
import { launchChromium, percentiles, servePage } from './page.mjs';

// In whichever document holds the widget: wall-clock ms of the frame after its first step's heading exists.
const paintedAt = () =>
  new Promise((resolve) => {
    const check = () => {
      if (document.querySelector('iop-intake-screener')?.shadowRoot?.querySelector('h2')) requestAnimationFrame(() => setTimeout(() => resolve(performance.timeOrigin + performance.now())));
      else requestAnimationFrame(check);
    };
    check();
  });

export async function intakeFirstPaintByIsolation() {
  const runs = 9;
  const hostPort = await freePort('127.0.0.2');
  const hostOrigin = `http://127.0.0.2:${hostPort}`;
  const api = await startReferenceServer({ env: { IOP_ALLOWED_ORIGINS: hostOrigin } });
  const page = (body) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title><script type="module" src="${api.origin}/dist/cdn/iop-widgets.js"></script></head><body><main>${body}</main></body></html>`;
  const files = {
    '/inline': ['text/html', page(`<iop-intake-screener api-base="${api.origin}/api/iop/" isolation="inline" storage="memory"></iop-intake-screener>`)],
    // The real tag: the isolation controller renders `<iframe src="<api-base>embed/iop-intake-screener?parent=...">`.
    '/frame': ['text/html', page(`<iop-intake-screener api-base="${api.origin}/api/iop/" isolation="frame" storage="memory"></iop-intake-screener>`)],
  };
  let server;
  let browser;
  try {
    server = await servePage(files, { host: '127.0.0.2', port: hostPort });
    browser = await launchChromium();
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
      // `runs` is odd: the median is the middle run.
      const { median, min, max } = percentiles(times);
      return [`${mode} (${runs} fresh contexts)`, median.toFixed(0), min.toFixed(0), max.toFixed(0)];
    };
    return {
      title: '<iop-intake-screener>: navigation start to first step painted, frame mode vs inline mode (host on another origin than the API)',
      columns: ['mode', 'median ms', 'min ms', 'max ms'],
      rows: [await measure('inline'), await measure('frame')],
      notes: [
        'Each run is a new browser context, so the bundle is fetched every time (the frame fetches it a second time, from the API origin).',
        'Frame mode is the real tag with isolation="frame": the host bundle renders the iframe, which loads the frame page and the bundle again.',
      ],
    };
  } finally {
    await browser?.close();
    await server?.close();
    api.stop();
  }
}
