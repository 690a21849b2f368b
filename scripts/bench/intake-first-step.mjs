// <iop-intake-screener>: element definition to first step painted.
import { benchHtml, bundleForPage, percentiles, waitForGlobal, withPage } from './page.mjs';

// The page holds the tag before the element exists, as a center's page would with a deferred script.
// Timed from just before the module is imported (parse + define) and from the define itself, to the
// frame after the first step's heading is in the shadow root (IndexedDB open + draft check included).
const intakePageScript = `
const el = document.querySelector('iop-intake-screener');
const importStart = performance.now();
await import('./intake.js');
const defined = performance.now();
while (!el.shadowRoot?.querySelector('h2')) await new Promise((resolve) => requestAnimationFrame(resolve));
await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
const painted = performance.now();
window.benchResult = { fromImport: painted - importStart, fromDefine: painted - defined, heading: el.shadowRoot.querySelector('h2').textContent };
`;

export async function intakeFirstStep() {
  const runs = 15;
  const files = {
    '/': ['text/html', benchHtml('<iop-intake-screener api-base="/api/"></iop-intake-screener>')],
    '/bench.js': ['text/javascript', intakePageScript],
    '/intake.js': ['text/javascript', await bundleForPage({ entry: 'src/elements/intake-screener/intake-screener.ts' })],
  };
  return withPage(files, {}, async (page, origin) => {
    const results = [];
    for (let run = 0; run < runs; run += 1) {
      await page.goto(`${origin}/`);
      results.push(await waitForGlobal(page, 'benchResult'));
    }
    // `runs` is odd: the median is the middle load.
    const figure = (key) => {
      const { median, min, max } = percentiles(results.map((result) => result[key]));
      return [median.toFixed(1), min.toFixed(1), max.toFixed(1)];
    };
    return {
      title: `<iop-intake-screener>: time to first step painted ("${results[0].heading}"), ${runs} page loads`,
      columns: ['from', 'median ms', 'min ms', 'max ms'],
      rows: [
        ['element defined (customElements.define)', ...figure('fromDefine')],
        ['module import started (parse + evaluate + define)', ...figure('fromImport')],
      ],
      notes: ['Includes opening IndexedDB and looking for a saved draft before the first step is shown; bundled with its runtime, minified.'],
    };
  });
}
