// `npm test`: every gate and every test, in one run, ending with `N passed, N failed, N skipped`
// alone on the last line. Each gate (typecheck, lint, freshness, builds) counts as one check; each
// test counts as one. Every step runs even when an earlier one failed, so one run shows everything.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const testFiles = (dir) =>
  existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.test.ts')).map((name) => `${dir}/${name}`) : [];

const steps = [
  { name: 'typecheck', command: ['npx', 'tsc', '--noEmit', '-p', 'tsconfig.json'] },
  { name: 'lint', command: ['npx', 'eslint', '--max-warnings', '0', '.'] },
  { name: 'layers', command: ['npx', 'depcruise', '--config', '.dependency-cruiser.cjs', 'src', 'server'] },
  { name: 'openapi.json fresh', command: ['npx', 'tsx', 'scripts/openapi.ts', '--check'] },
  { name: 'contract validators fresh', command: ['npx', 'tsx', 'scripts/contract-validators.ts', '--check'] },
  { name: 'custom-elements.json and typings fresh', command: ['node', 'scripts/check-fresh.mjs'] },
  { name: 'build', command: ['npm', 'run', 'build', '--silent'] },
  // Against the built package's types: a React 19 TSX file and a Vue SFC using every element and event.
  { name: 'React typings', command: ['npx', 'tsc', '-p', 'test/typings/tsconfig.json'] },
  { name: 'Vue typings', command: ['npx', 'vue-tsc', '-p', 'test/typings/tsconfig.vue.json'] },
  { name: 'node tests', command: ['node', '--import', 'tsx', '--test', ...testFiles('test/node'), ...testFiles('test/server'), ...testFiles('test/e2e')], counts: 'node' },
  { name: 'browser tests', command: ['npx', 'web-test-runner'], counts: 'line' },
  { name: 'storybook build', command: ['npm', 'run', 'build-storybook', '--silent'] },
];

function run(command) {
  return new Promise((resolve) => {
    const child = spawn(command[0], command.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    let output = '';
    const keep = (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

function countsOf(kind, output) {
  if (kind === 'node') {
    // node:test ends with `# pass N`, `# fail N`, ... lines.
    const read = (label) => Number(output.match(new RegExp(`^# ${label} (\\d+)$`, 'm'))?.[1] ?? Number.NaN);
    return { passed: read('pass'), failed: read('fail') + read('cancelled'), skipped: read('skipped') + read('todo') };
  }
  const match = [...output.matchAll(/^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/gm)].at(-1);
  return match ? { passed: Number(match[1]), failed: Number(match[2]), skipped: Number(match[3] ?? 0) } : undefined;
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const report = [];
for (const step of steps) {
  console.log(`\n=== ${step.name} ===`);
  const started = Date.now();
  const { code, output } = await run(step.command);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (step.counts) {
    const counts = countsOf(step.counts, output);
    const usable = counts && Object.values(counts).every(Number.isFinite);
    // A runner that exits non-zero without reporting a failure still fails the run.
    const failed = usable ? counts.failed + (code !== 0 && counts.failed === 0 ? 1 : 0) : 1;
    totals.passed += usable ? counts.passed : 0;
    totals.failed += failed;
    totals.skipped += usable ? counts.skipped : 0;
    report.push(`${step.name}: ${usable ? `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped` : 'no counts'} (exit ${code}, ${seconds}s)`);
  } else {
    if (code === 0) totals.passed += 1;
    else totals.failed += 1;
    report.push(`${step.name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} (${seconds}s)`);
  }
}

console.log('\n=== summary ===');
for (const line of report) console.log(line);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed === 0 ? 0 : 1);
