// npm run bench: prints figures, passes or fails nothing (STYLE.md: a benchmark is not a timed test).
//
// Each benchmark returns one table. To add figures, write `async function x()` returning
// `{ title, columns, rows, notes? }` in a file under scripts/bench/ (page benchmarks build on
// scripts/bench/page.mjs) and add it to `benchmarks` below, in the order it should print.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { alumniFirstLoadProfile } from './bench/alumni-first-load.mjs';
import { alumniKeystrokeToPaint } from './bench/alumni-keystroke.mjs';
import { cacheReadLatency } from './bench/cache-read.mjs';
import { demoPagesAtFourX, demoPagesLighthouse } from './bench/demo-pages.mjs';
import { intakeFirstStep } from './bench/intake-first-step.mjs';
import { demoPagesLongTasks } from './bench/long-tasks.mjs';
import { intakeFirstPaintByIsolation } from './bench/intake-isolation.mjs';
import { root } from './bench/page.mjs';
import { scheduleRender90Days } from './bench/schedule-render.mjs';
import { alumniExpansion, serverThroughput } from './bench/server-speed.mjs';
import { bundleSizes, dist, providerBreakdown } from './bench/sizes.mjs';

/** Add a benchmark here. */
const allBenchmarks = [bundleSizes, providerBreakdown, demoPagesAtFourX, demoPagesLongTasks, demoPagesLighthouse, cacheReadLatency, alumniKeystrokeToPaint, alumniFirstLoadProfile, scheduleRender90Days, intakeFirstStep, intakeFirstPaintByIsolation, serverThroughput, alumniExpansion];
// `npm run bench -- demoPages alumni`: only the benchmarks whose function name contains one of the words.
const only = process.argv.slice(2).map((word) => word.toLowerCase());
const benchmarks = only.length ? allBenchmarks.filter(({ name }) => only.some((word) => name.toLowerCase().includes(word))) : allBenchmarks;

function printTable({ title, columns, rows, notes = [] }) {
  const widths = columns.map((column, i) => Math.max(column.length, ...rows.map((row) => String(row[i]).length)));
  const line = (cells) => cells.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  ');
  console.log(`\n${title}\n`);
  console.log(line(columns));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  for (const note of notes) console.log(`  ${note}`);
}

if (!existsSync(join(dist, 'cdn/iop-widgets.js'))) {
  console.log('bench: dist/ is missing, building first');
  const built = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

for (const benchmark of benchmarks) {
  try {
    printTable(await benchmark());
  } catch (error) {
    // A figure that cannot be measured is reported, not fatal: the other figures still print.
    console.log(`\n${benchmark.name}: not measured: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  }
}
