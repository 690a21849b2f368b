// npm run build: per-entry library modules, the all-in-one CDN file, then type declarations.
import { copyFile, rm } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });

for (const mode of ['production', 'cdn', 'cdn-all', 'console']) {
  await build({ root, configFile: `${root}vite.config.ts`, mode, logLevel: 'warn' });
}
// The staff console's page around its module (served at /console/ by the reference server).
for (const file of ['index.html', 'console.css']) await copyFile(new URL(`../src/console/${file}`, import.meta.url), new URL(`../dist/console/${file}`, import.meta.url));

const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
  cwd: root,
  stdio: 'inherit',
});
if (tsc.status !== 0) {
  console.error('build: tsc failed to write declarations');
  process.exit(tsc.status ?? 1);
}
console.log('build: dist/ (entries), dist/cdn/iop-widgets.js (loader) + chunks/, dist/cdn/iop-widgets.all.js, dist/console/, dist/types/');
