// <iop-schedule-picker>: render time of 90 days with 20 slots a day.
import { benchHtml, bundleForPage, percentiles, waitForGlobal, withPage } from './page.mjs';

// Runs in the page: the element as shipped (minified, production Lit) over a stand-in API that
// answers at once with 90 days x 20 slots (1,800). "Mount" is from appending the element to the
// calendar being laid out (programs, slots, grouping by day in the center's zone, grid, times);
// "switch view" re-renders the slot step from week to month and back, timed to the end of layout.
const schedulePageScript = `
import { createClient } from './src/client/client.ts';
import { registerClient } from './src/client/shared-clients.ts';
import './src/elements/schedule-picker/schedule-picker.ts';
const days = 90, perDay = 20, today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
const slots = [];
for (let d = 1; d <= days; d += 1)
  for (let i = 0; i < perDay; i += 1) {
    const start = new Date(today + d * 86400000 + (15 * 60 + i * 30) * 60000);
    const date = start.toISOString().slice(0, 10).replaceAll('-', '');
    slots.push({ id: 'w' + i + '_' + date + '_0000', start: start.toISOString(), end: new Date(start.getTime() + 1800000).toISOString(), mode: ['phone', 'video', 'in-person'][i % 3], trackIds: [] });
  }
const programs = { center: { name: 'Bench Center', phone: '+1 303 555 0100', timeZone: 'America/Denver' }, programs: [{ id: 'p', name: 'Program', kind: 'iop', tracks: [{ id: 't', name: 'Track', audience: 'general', meetings: [{ day: 1, start: '18:00', end: '21:00' }], timeZone: 'America/Denver', weeks: 10, hoursPerWeek: 9, format: 'hybrid', languages: ['en'], startDates: [], seatsLeft: null }] }] };
const answer = (body) => Promise.resolve(new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }));
registerClient('/bench/schedule/', createClient({ apiBase: '/bench/schedule/', fetch: (input) => answer(String(input).includes('assessment-slots') ? { timeZone: 'America/Denver', slots } : programs) }));
const layoutDone = (el) => el.shadowRoot.querySelector('table').getBoundingClientRect();
const mounts = [], switches = [];
for (let round = 0; round < 12; round += 1) {
  const el = document.createElement('iop-schedule-picker');
  el.setAttribute('api-base', '/bench/schedule/');
  el.setAttribute('storage', 'memory');
  el.setAttribute('track', 't');
  el.setAttribute('visitor-time-zone', 'Europe/London');
  const start = performance.now();
  document.body.append(el);
  while (!el.shadowRoot?.querySelector('[part="time-list"]')) await new Promise((resolve) => setTimeout(resolve, 0));
  layoutDone(el);
  mounts.push(performance.now() - start);
  for (const view of ['month', 'week']) {
    const at = performance.now();
    el.view = view;
    await el.updateComplete;
    layoutDone(el);
    switches.push(performance.now() - at);
  }
  el.remove();
}
window.benchReady = { mounts: mounts.slice(2), switches: switches.slice(4), slots: slots.length };
`;

const row = (label, values) => {
  const { median, p95, max } = percentiles(values);
  return [label, median.toFixed(1), p95.toFixed(1), max.toFixed(1)];
};

export async function scheduleRender90Days() {
  const files = { '/': ['text/html', benchHtml()], '/bench.js': ['text/javascript', await bundleForPage({ source: schedulePageScript })] };
  return withPage(files, { crossOriginIsolated: true }, async (page, origin) => {
    await page.goto(`${origin}/`);
    const ready = await waitForGlobal(page, 'benchReady', { timeout: 60000 });
    return {
      title: `<iop-schedule-picker>: render time of 90 days with 20 slots a day (${ready.slots.toLocaleString('en-US')} slots, visitor in another zone)`,
      columns: ['figure', 'median ms', 'p95 ms', 'max ms'],
      rows: [row(`mount to calendar laid out (${ready.mounts.length} mounts)`, ready.mounts), row(`switch week/month view (${ready.switches.length} switches)`, ready.switches)],
      notes: ['Issue 5 aim: under 50 ms. The stand-in API answers at once; the memory store is used, so no IndexedDB time is included.'],
    };
  });
}
