// Cache read latency in Chromium: the store as shipped (minified, bundled with idb and zod) reading
// one cached GET programs answer from IndexedDB.
import { benchHtml, bundleForPage, percentiles, waitForGlobal, withPage } from './page.mjs';

/** A GET programs answer of a realistic size: 6 programs x 3 tracks. */
function programsResponse() {
  const track = (p, t) => ({
    id: `p${p}-t${t}`,
    name: `Track ${t + 1}`,
    audience: ['general', 'young-adults', 'healthcare-professionals'][t],
    meetings: [1, 3, 4].map((day) => ({ day, start: '18:00', end: '21:00' })),
    timeZone: 'America/Denver',
    weeks: 10,
    hoursPerWeek: 9,
    format: 'hybrid',
    languages: ['en', 'es'],
    startDates: ['2026-12-07', '2027-01-04', '2027-02-01'],
    seatsLeft: 4,
    price: { perDayCents: 45000, currency: 'USD' },
    description: 'Three evenings a week of group therapy, individual sessions and skills practice. '.repeat(3),
    location: 'Main campus, building B',
  });
  return {
    center: { name: 'Juniper Ridge Recovery', phone: '+1 303 555 0100', timeZone: 'America/Denver' },
    programs: Array.from({ length: 6 }, (_, p) => ({
      id: `program-${p}`,
      name: `Program ${p + 1}`,
      kind: 'iop',
      description: 'An intensive outpatient program for adults. '.repeat(4),
      tracks: Array.from({ length: 3 }, (_, t) => track(p, t)),
    })),
  };
}

// Runs in the page. Adapt the two store calls here if src/store changes its cache API.
const pageScript = (reads) => `
import { openStore } from './store.js';
const response = ${JSON.stringify(programsResponse())};
const store = await openStore({ storage: 'local' });
const key = 'https://center.example/api/iop/programs';
await store.writeCache(key, response);
for (let i = 0; i < 20; i += 1) await store.readCache(key); // warm-up
const times = [];
for (let i = 0; i < ${reads}; i += 1) {
  const start = performance.now();
  const hit = await store.readCache(key);
  times.push(performance.now() - start);
  if (!hit) throw new Error('cache miss');
}
window.benchResult = { isolated: crossOriginIsolated, times, bytes: JSON.stringify(response).length, fallbackReason: store.persistent ? null : store.fallbackReason };
`;

export async function cacheReadLatency() {
  const reads = 200;
  const files = {
    '/': ['text/html', benchHtml()],
    '/bench.js': ['text/javascript', pageScript(reads)],
    '/store.js': ['text/javascript', await bundleForPage({ entry: 'src/store/index.ts' })],
  };
  return withPage(files, { crossOriginIsolated: true }, async (page, origin) => {
    await page.goto(`${origin}/`);
    const result = await waitForGlobal(page, 'benchResult');
    const { median, p95, max } = percentiles(result.times);
    return {
      title: `Cache read latency in Chromium (${reads} reads of one cached GET programs answer, ${(result.bytes / 1024).toFixed(1)} kB JSON)`,
      columns: ['figure', 'median ms', 'p95 ms', 'max ms'],
      rows: [['store cache read', median.toFixed(3), p95.toFixed(3), max.toFixed(3)]],
      notes: [
        ...(result.isolated ? [] : ['Page not cross-origin isolated: timer resolution is 0.1 ms.']),
        ...(result.fallbackReason ? [`The store fell back to memory (${result.fallbackReason}): IndexedDB was not measured.`] : []),
      ],
    };
  });
}
