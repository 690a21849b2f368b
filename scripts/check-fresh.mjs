// Checks that a committed, generated file matches what its generator writes today.
//
//   node scripts/check-fresh.mjs custom-elements   (several names, or none = all)
//
// Each generator writes into a temp dir; the committed file is never touched. Exit 1 when stale.
// Reuse from another script: `import { checkFresh } from './check-fresh.mjs'`.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

function run(bin, args) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${relative(root, bin)} ${args.join(' ')} failed:\n${result.stderr || result.stdout}`);
  }
}

/**
 * Generated files under check: committed path (from the repo root) and how to write a fresh copy into `dir`.
 * To add one, give its generator a way to write elsewhere (e.g. `--out <file>`) and add an entry here.
 */
export const generated = {
  'custom-elements': {
    committed: 'custom-elements.json',
    regenerate: 'npm run analyze',
    generate(dir) {
      // The analyzer joins --outdir to the cwd, so it must be relative.
      run(require.resolve('@custom-elements-manifest/analyzer/cem.js'), ['analyze', '--quiet', '--outdir', relative(root, dir)]);
      return join(dir, 'custom-elements.json');
    },
  },
  // Written by the same analyzer run (plugins in custom-elements-manifest.config.mjs).
  ...Object.fromEntries(
    ['jsx.d.ts', 'vue.d.ts', 'vscode.html-custom-data.json', 'vscode.css-custom-data.json'].map((file) => [
      `types-${file}`,
      {
        committed: `types/${file}`,
        regenerate: 'npm run analyze',
        generate(dir) {
          run(require.resolve('@custom-elements-manifest/analyzer/cem.js'), ['analyze', '--quiet', '--outdir', relative(root, dir)]);
          return join(dir, 'types', file);
        },
      },
    ]),
  ),
};

const normalise = (text) => text.replace(/\r\n/g, '\n').trimEnd();

/**
 * Regenerates one file into a temp dir and compares it with the committed copy.
 * @param {{ name: string, committed: string, regenerate: string, generate: (dir: string) => string | Promise<string> }} spec
 * @returns {Promise<{ fresh: boolean, message: string }>}
 */
export async function checkFresh({ name, committed, regenerate, generate }) {
  const dir = await mkdtemp(join(tmpdir(), `fresh-${name}-`));
  try {
    const freshText = normalise(await readFile(await generate(dir), 'utf8'));
    let committedText;
    try {
      committedText = normalise(await readFile(join(root, committed), 'utf8'));
    } catch {
      return { fresh: false, message: `${committed} is missing: run \`${regenerate}\` and commit it.` };
    }
    if (freshText === committedText) return { fresh: true, message: `${committed} is fresh.` };
    const a = committedText.split('\n');
    const b = freshText.split('\n');
    let line = 0;
    while (line < a.length && a[line] === b[line]) line += 1;
    return {
      fresh: false,
      message:
        `${committed} is stale: run \`${regenerate}\` and commit it.\n` +
        `  first difference at line ${line + 1}:\n` +
        `  committed: ${a[line]?.trim() ?? '(end of file)'}\n` +
        `  generated: ${b[line]?.trim() ?? '(end of file)'}`,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const names = process.argv.slice(2);
  const unknown = names.filter((name) => !(name in generated));
  if (unknown.length) {
    console.error(`check-fresh: unknown name(s) ${unknown.join(', ')}; known: ${Object.keys(generated).join(', ')}`);
    process.exit(2);
  }
  let stale = 0;
  for (const name of names.length ? names : Object.keys(generated)) {
    try {
      const { fresh, message } = await checkFresh({ name, ...generated[name] });
      (fresh ? console.log : console.error)(`check-fresh: ${message}`);
      if (!fresh) stale += 1;
    } catch (error) {
      console.error(`check-fresh: ${name}: ${error instanceof Error ? error.message : error}`);
      stale += 1;
    }
  }
  process.exit(stale ? 1 : 0);
}
