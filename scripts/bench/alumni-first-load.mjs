// <iop-alumni-browser>: where the first load of 25,000 weekly sessions (about 100,000 occurrences in
// its 28 days) spends its time. Two readings in the same page: each step timed alone (best of three
// runs, so a busy machine inflates it least), and a CPU profile of the element's real first load,
// its samples attributed to the step whose function is innermost on the stack.
import { benchHtml, bundleForPage, waitForGlobal, withPage } from './page.mjs';

const phasesPageScript = `
import { manySessions } from './stories/alumni-browser.data.ts';
import { AlumniSessionList } from './src/api/contract-validators.ts';
import { parseContract } from './src/client/client.ts';
import { localizedText } from './src/domain/center-text.ts';
import { expandOccurrences } from './src/domain/session-recurrence.ts';
import { filterOccurrences, indexOccurrences, noFilters, valuesPresent } from './src/domain/session-filters.ts';
const count = Number(new URLSearchParams(location.search).get('sessions') ?? 25000);
const list = manySessions(count, new Date().toISOString().slice(0, 10));
const json = JSON.stringify(list);
const best = {};
const time = async (label, work) => {
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  best[label] = Math.min(best[label] ?? Infinity, ms);
  return value;
};
let occurrences = 0;
for (let run = 0; run < 3; run += 1) {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const text = await time('fetch and read the body (a blob: URL, no network)', async () => (await fetch(url)).text());
  URL.revokeObjectURL(url);
  const raw = await time('JSON.parse', () => JSON.parse(text));
  const parsed = await time('contract validation (compiled, as the client runs it)', () => parseContract(AlumniSessionList, raw, 'listAlumniSessions'));
  const sessions = await time('localised text per session (en)', () => parsed.value.sessions.map((session) => localizedText(session, 'en')));
  const now = new Date();
  const expanded = await time('expand occurrences (28 days)', () => expandOccurrences(sessions, { from: now, to: new Date(now.getTime() + 28 * 86400000) }));
  const index = await time('index (per occurrence and per session)', () => indexOccurrences(sessions, expanded));
  await time('topics and languages present', () => [valuesPresent(sessions, 'topics'), valuesPresent(sessions, 'languages')]);
  await time('filter and count, no filters', () => filterOccurrences(index, noFilters));
  occurrences = expanded.length;
}
window.benchReady = { best, occurrences, bytes: json.length };
`;

const elementPageScript = `
import { manySessions, registerStandInApi } from './stories/alumni-browser.data.ts';
import './src/elements/alumni-browser/alumni-browser.ts';
const base = '/bench/alumni/';
registerStandInApi(base, manySessions(Number(new URLSearchParams(location.search).get('sessions') ?? 25000), new Date().toISOString().slice(0, 10)));
await new Promise((resolve) => (window.startLoad = resolve));
const el = document.createElement('iop-alumni-browser');
el.setAttribute('api-base', base);
el.setAttribute('storage', 'memory');
// The profile covers the first screen only: console.profile() is recorded by the bench through CDP.
console.profile('first screen');
const started = performance.now();
document.body.append(el);
// Watched, not polled: a mutation observer runs right after the render that adds the list.
const when = (test) =>
  new Promise((resolve) => {
    const check = () => {
      if (!test()) return false;
      el.shadowRoot.querySelector('.results').getBoundingClientRect();
      resolve(performance.now() - started);
      return true;
    };
    if (check()) return;
    const observer = new MutationObserver(() => check() && observer.disconnect());
    observer.observe(el.shadowRoot, { subtree: true, childList: true, attributes: true, characterData: true });
  });
const firstScreenMs = await when(() => el.shadowRoot.querySelector('.results'));
console.profileEnd('first screen');
// Long tasks while later days load: how long a keystroke or a scroll could wait at worst.
const longTasks = [];
const firstScreenAt = performance.now();
// The task that painted the first screen ends after this point and is reported too: only tasks that start later count.
new PerformanceObserver((list) => longTasks.push(...list.getEntries().filter((entry) => entry.startTime > firstScreenAt).map((entry) => entry.duration))).observe({ type: 'longtask' });
const allMs = await when(() => el.shadowRoot.querySelector('.results:not([aria-busy])'));
await new Promise((resolve) => setTimeout(resolve, 100));
window.benchReady = { firstScreenMs, allMs, longTasks: longTasks.length, longestTaskMs: Math.max(0, ...longTasks) };
`;

/** Innermost function on the stack that names a step, checked from the leaf up. */
const steps = [
  ['fetch and read the body (stand-in API)', /^(Response|text|answer|standIn)$/],
  ['contract validation', /^(parseContract|safeParse|_safeParse|\$Zod.*|handle.*Result)$/],
  // JSON.parse is native: its samples fall on the client's `attempt` itself.
  ['JSON.parse (samples on the client\'s attempt)', /^attempt$/],
  ['expansion', /^(expandOccurrences|expandByWindows|compareOccurrences|ruleDatesBetween|occurrenceDatesBetween|steadyOffsetMsOn|offsetMsAt|exactOffsetMs|addDays|occurrenceStart)$/],
  ['index', /^(indexOccurrences|normalizeText|sessionValues|timeBandsOf|append|describe)$/],
  ['filter and counts', /^(filterOccurrences|catchUp|maskOf)$/],
  ['localised text', /^localizedText$/],
  ['cache write (memory store: a structured clone)', /^(writeCache|readCache|structuredClone|#run|#update)$/],
  ['render (Lit update, template, DOM)', /^(performUpdate|update|render|_\$AI|_\$AH|commitValue|_commitTemplateResult|_commitNode|_insert|_clone|renderList|renderItem|renderFilters|renderBrowse|renderWeek)$/],
  ['garbage collection', /^\(garbage collector\)$/],
];

function attribute(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const totals = new Map();
  const deltas = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i += 1) {
    const ms = (deltas[i + 1] ?? 0) / 1000;
    let label = 'other';
    for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) {
      const name = byId.get(id).callFrame.functionName;
      if (name === '(idle)' || name === '(program)') {
        label = name;
        break;
      }
      const step = steps.find(([, pattern]) => pattern.test(name));
      if (step) {
        label = step[0];
        break;
      }
    }
    totals.set(label, (totals.get(label) ?? 0) + ms);
  }
  return totals;
}

export async function alumniFirstLoadProfile() {
  const phases = await bundleForPage({ source: phasesPageScript });
  // Not minified, so the profile keeps function names; production Lit all the same.
  const element = await bundleForPage({ source: elementPageScript, minify: false });
  const files = {
    '/': ['text/html', benchHtml()],
    '/bench.js': ['text/javascript', phases],
    '/element.html': ['text/html', benchHtml().replace('bench.js', 'element.js')],
    '/element.js': ['text/javascript', element],
  };
  return withPage(files, { crossOriginIsolated: true }, async (page, origin) => {
    await page.goto(`${origin}/`);
    const alone = await waitForGlobal(page, 'benchReady', { timeout: 120000 });
    await page.goto(`${origin}/element.html`);
    await page.waitForFunction(() => globalThis.startLoad);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    const recorded = new Promise((resolve) => cdp.once('Profiler.consoleProfileFinished', ({ profile }) => resolve(profile)));
    await page.evaluate(() => globalThis.startLoad());
    const loaded = await waitForGlobal(page, 'benchReady', { timeout: 120000 });
    const profile = await recorded;
    const totals = attribute(profile);
    const busy = [...totals].filter(([label]) => label !== '(idle)').reduce((sum, [, ms]) => sum + ms, 0);
    const rows = [
      ...Object.entries(alone.best).map(([label, ms]) => [`alone: ${label}`, ms.toFixed(0), '']),
      [`element: first screen (.results laid out)`, loaded.firstScreenMs.toFixed(0), ''],
      [`element: every occurrence listed`, loaded.allMs.toFixed(0), ''],
      [`element: long tasks while later days load (count; longest in ms)`, loaded.longTasks, loaded.longestTaskMs.toFixed(0)],
      ...[...totals]
        .filter(([label]) => label !== '(idle)')
        .sort((a, b) => b[1] - a[1])
        .map(([label, ms]) => [`profile: ${label}`, ms.toFixed(0), `${((100 * ms) / busy).toFixed(0)} %`]),
    ];
    return {
      title: `<iop-alumni-browser>: first load of 25,000 sessions (${alone.occurrences.toLocaleString('en-US')} occurrences, ${(alone.bytes / 1e6).toFixed(1)} MB of JSON), by step`,
      columns: ['step', 'ms', 'share of busy'],
      rows,
      notes: [
        '"alone": each step timed by itself, best of 3 runs; "profile": CPU samples of the element\'s load until its first screen is laid out, by innermost step on the stack (not minified).',
        'The stand-in API serialises its answer once; the validation step is what src/client pays per load.',
      ],
    };
  });
}
