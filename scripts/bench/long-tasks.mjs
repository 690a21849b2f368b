// What is inside each long task of a demo page at 4x: one cold load per page with a Chromium trace
// (timeline events and the V8 sampling profiler), then, per main-thread task over 50 ms, its time by
// kind of work (script evaluation, style, layout, paint, ...) and the functions with the most self time.
// `npm run bench -- longTasks` prints the summary; `node scripts/bench/long-tasks.mjs [--dist DIR] [page...]`
// prints every task in detail, optionally with another build's dist/cdn (to compare two builds on one server).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startReferenceServer } from '../../test/support/reference-server-process.mjs';
import { allFourHtml, allFourPath, demoPages, pathOf } from './demo-pages.mjs';
import { launchChromium } from './page.mjs';

const categories = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'v8',
  'blink',
  'loading',
  'disabled-by-default-v8.cpu_profiler',
].join(',');


/** Kinds of work, by trace event name; time is counted to the innermost kind (self time). */
const kinds = {
  EvaluateScript: 'script: evaluate classic',
  'v8.evaluateModule': 'script: evaluate module',
  'v8.compileModule': 'script: compile module',
  'v8.compile': 'script: compile',
  'V8.CompileCode': 'script: compile (lazy)',
  'V8.ParseFunction': 'script: parse',
  'v8.parseOnBackground': 'script: parse',
  FunctionCall: 'script: call',
  TimerFire: 'script: timer',
  FireAnimationFrame: 'script: animation frame',
  EventDispatch: 'script: event',
  RunMicrotasks: 'script: microtasks',
  'V8.GC_SCAVENGER': 'gc',
  MinorGC: 'gc',
  MajorGC: 'gc',
  'V8.GCCompactor': 'gc',
  ParseHTML: 'parse HTML',
  ParseAuthorStyleSheet: 'parse CSS',
  UpdateLayoutTree: 'style',
  'Document::updateStyle': 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  UpdateLayer: 'paint',
  'LocalFrameView::RunPostLifecycleSteps': 'paint',
  IntersectionObserverController_computeIntersections: 'intersection',
  HitTest: 'hit test',
  'ScheduleStyleRecalculation': 'style',
};

/** Cold load of `url` at 4x with a trace; returns the parsed trace events. */
async function traceLoad(browser, url, { dist } = {}) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1 });
  try {
    await context.route(`**${allFourPath}`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: allFourHtml }));
    if (dist) {
      await context.route('**/dist/cdn/**', async (route) => {
        const path = new URL(route.request().url()).pathname.replace(/^\/dist\/cdn\//, '');
        try {
          route.fulfill({ status: 200, contentType: 'text/javascript', body: await readFile(join(dist, path)) });
        } catch {
          route.fulfill({ status: 404, body: '' });
        }
      });
    }
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Tracing.start', { categories, transferMode: 'ReturnAsStream' });
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 500))))');
    const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    const { stream } = await done;
    let text = '';
    for (;;) {
      const chunk = await cdp.send('IO.read', { handle: stream });
      text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
      if (chunk.eof) break;
    }
    await cdp.send('IO.close', { handle: stream });
    const parsed = JSON.parse(text);
    return Array.isArray(parsed) ? parsed : parsed.traceEvents;
  } finally {
    await context.close();
  }
}

/** The page's renderer main thread: the CrRendererMain whose process ran the page's ParseHTML. */
function mainThread(events) {
  const parse = events.find((e) => e.name === 'ParseHTML' && /\.html|\/$/.test(e.args?.beginData?.url ?? ''));
  if (parse) return { pid: parse.pid, tid: parse.tid };
  const names = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  return { pid: names[0].pid, tid: names[0].tid };
}

/** Samples of the V8 profiler on that thread as [timestamp µs, node] with node { functionName, url, lineNumber, parent }. */
function cpuSamples(events, { pid, tid }) {
  const nodes = new Map();
  const samples = [];
  const profiles = new Map();
  for (const e of events) {
    if (e.pid !== pid) continue;
    if (e.name === 'Profile') profiles.set(e.id, { time: e.args.data.startTime, tid: e.tid });
  }
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.pid !== pid) continue;
    const profile = profiles.get(e.id);
    if (!profile || profile.tid !== tid) continue;
    const data = e.args.data;
    for (const node of data.cpuProfile?.nodes ?? []) nodes.set(`${e.id}:${node.id}`, { ...node.callFrame, parent: node.parent === undefined ? undefined : `${e.id}:${node.parent}` });
    const ids = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let i = 0; i < ids.length; i += 1) {
      profile.time += deltas[i] ?? 0;
      samples.push([profile.time, `${e.id}:${ids[i]}`]);
    }
  }
  return { nodes, samples };
}

const shortUrl = (url) => (url ? url.replace(/^.*\//, '').replace(/-[A-Za-z0-9_-]{8}\.js$/, '.js') : '');
const frameName = (node) => {
  if (!node) return '?';
  const name = node.functionName || '(anonymous)';
  return node.url ? `${name} ${shortUrl(node.url)}:${node.lineNumber + 1}:${node.columnNumber + 1}` : name;
};

/** Each main-thread task over `threshold` ms: start, duration, time by kind, top self-time functions, scripts evaluated. */
export function longTasksOf(events, threshold = 50) {
  const thread = mainThread(events);
  const onThread = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && typeof e.dur === 'number');
  const navigation = events.find((e) => e.name === 'navigationStart' && e.pid === thread.pid)?.ts ?? Math.min(...onThread.map((e) => e.ts));
  // A task's length as on a quiet machine: its thread time. The throttle keeps the thread busy
  // (it counts in thread time), while the time other processes held the CPU does not; wall time
  // (dur) counts both.
  const cpuMs = (e) => (e.tdur ?? e.dur) / 1000;
  const tasks = onThread.filter((e) => (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && cpuMs(e) > threshold);
  // Nested RunTask events (one inside another): keep the outermost.
  const outer = tasks.filter((task) => !tasks.some((other) => other !== task && other.ts <= task.ts && other.ts + other.dur >= task.ts + task.dur && other.dur > task.dur));
  const { nodes, samples } = cpuSamples(events, thread);
  return outer.map((task) => {
    const end = task.ts + task.dur;
    const inside = onThread.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= end && kinds[e.name]).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    // Self time per kind: a sweep over the task in 0.1 ms steps, each step to the innermost event covering it.
    const byKind = {};
    const step = 100;
    let stack = [];
    let next = 0;
    for (let t = task.ts; t < end; t += step) {
      while (next < inside.length && inside[next].ts <= t) stack.push(inside[next++]);
      stack = stack.filter((e) => e.ts + e.dur > t);
      const innermost = stack.at(-1);
      const kind = innermost ? kinds[innermost.name] : 'other (task overhead, unprofiled)';
      byKind[kind] = (byKind[kind] ?? 0) + step / 1000;
    }
    const self = new Map();
    let sampled = 0;
    for (const [ts, id] of samples) {
      if (ts < task.ts || ts > end) continue;
      sampled += 1;
      const node = nodes.get(id);
      const name = frameName(node);
      if (name === '(idle)' || name === '(program)') continue;
      // A leaf with no source (a builtin) is reported with its caller, e.g. "DateTimeFormat < formatTime format.js".
      const caller = node && !node.url && node.parent ? nodes.get(node.parent) : undefined;
      const label = caller && caller.url ? `${name} < ${frameName(caller)}` : name;
      self.set(label, (self.get(label) ?? 0) + 1);
    }
    const scripts = inside
      .filter((e) => e.name === 'v8.evaluateModule' || e.name === 'EvaluateScript' || e.name === 'v8.compileModule')
      .map((e) => `${e.name === 'v8.compileModule' ? 'compile' : 'evaluate'} ${shortUrl(e.args?.data?.url ?? e.args?.fileName ?? '')} ${(e.dur / 1000).toFixed(1)}`);
    const calls = inside.filter((e) => ['FunctionCall', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'RunMicrotasks'].includes(e.name) && e.dur > 5000).map((e) => `${e.name} ${e.args?.data?.functionName ?? e.args?.data?.type ?? ''} ${shortUrl(e.args?.data?.url ?? '')} ${(e.dur / 1000).toFixed(1)}`);
    return {
      startMs: (task.ts - navigation) / 1000,
      durationMs: task.dur / 1000,
      cpuMs: cpuMs(task),
      // Shares of the task's wall time, scaled to its thread time (as the task's length above).
      byKind: Object.entries(byKind).sort((a, b) => b[1] - a[1]).map(([kind, ms]) => [kind, (ms * cpuMs(task)) / (task.dur / 1000)]),
      topSelf: [...self].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([name, count]) => [name, sampled ? (count / sampled) * cpuMs(task) : 0]),
      scripts,
      calls,
    };
  });
}


/** For `npm run bench -- longTasks`: per demo page, its tasks over 50 ms and what fills each. */
export async function demoPagesLongTasks({ pages = demoPages, dist, threshold = 50 } = {}) {
  const server = await startReferenceServer({ timeoutMs: 120_000 });
  let browser;
  try {
    browser = await launchChromium();
    for (const page of pages) await traceLoad(browser, `${server.origin}${pathOf(page)}`, { dist });
    const rows = [];
    const details = [];
    for (const page of pages) {
      const tasks = longTasksOf(await traceLoad(browser, `${server.origin}${pathOf(page)}`, { dist }), threshold);
      details.push({ page, tasks });
      for (const task of tasks) {
        rows.push([
          page,
          task.startMs.toFixed(0),
          task.cpuMs.toFixed(0),
          task.byKind.slice(0, 3).map(([kind, ms]) => `${kind} ${ms.toFixed(0)}`).join(', '),
          task.topSelf.slice(0, 2).map(([name, ms]) => `${name} ${ms.toFixed(0)}`).join('; '),
        ]);
      }
      if (!tasks.length) rows.push([page, '-', '-', `no task over ${threshold} ms`, '']);
    }
    return {
      title: `Main-thread tasks over ${threshold} ms (thread time) at 4x CPU throttle, one traced cold load per page`,
      columns: ['page', 'at ms', 'ms', 'mostly (ms)', 'top functions (self ms, sampled)'],
      rows,
      details,
      notes: [
        'Thread time: the throttle counts in it, the time other processes held the CPU does not (wall time counts both).',
        'The sampling profiler adds to every task: compare builds with each other, not with the long-task column above.',
      ],
    };
  } finally {
    await browser?.close();
    server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const distAt = args.indexOf('--dist');
  const dist = distAt >= 0 ? args.splice(distAt, 2)[1] : undefined;
  const pages = args.length ? demoPages.filter((page) => args.some((arg) => page.startsWith(arg))) : demoPages;
  const { details } = await demoPagesLongTasks({ pages, dist });
  for (const { page, tasks } of details) {
    console.log(`\n== ${page}${dist ? ` (dist/cdn from ${dist})` : ''}: ${tasks.length} task(s) over 50 ms`);
    for (const task of tasks) {
      console.log(`  task at ${task.startMs.toFixed(0)} ms: ${task.cpuMs.toFixed(1)} ms thread time (${task.durationMs.toFixed(1)} ms wall)`);
      console.log(`    by kind: ${task.byKind.map(([kind, ms]) => `${kind} ${ms.toFixed(1)}`).join(' | ')}`);
      if (task.scripts.length) console.log(`    modules: ${task.scripts.join(' | ')}`);
      if (task.calls.length) console.log(`    calls: ${task.calls.join(' | ')}`);
      for (const [name, ms] of task.topSelf) console.log(`    ${ms.toFixed(1).padStart(6)} ms  ${name}`);
    }
  }
}
