// Bundle sizes of the library build (dist/), and where the bytes of one entry go.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { root } from './page.mjs';

export const dist = join(root, 'dist');
// As in vite.config.ts: the runtime dependencies the per-entry build leaves to the host page's bundler.
const runtime = Object.keys(JSON.parse(await readFile(join(root, 'package.json'), 'utf8')).dependencies);
const kB = (bytes) => (bytes / 1024).toFixed(1);

function sizes(code) {
  const bytes = Buffer.from(code);
  return {
    min: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}
/** One minified file: the entry plus its chunks, with or without the runtime dependencies. */
async function bundle(file, { withRuntime, metafile = false }) {
  const result = await esbuild.build({
    metafile,
    entryPoints: [file],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    external: withRuntime ? [] : runtime.flatMap((dep) => [dep, `${dep}/*`]),
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return metafile ? result : result.outputFiles[0].text;
}

/** A built file and every file it imports statically (not `import()`), as a browser's first load fetches them. */
async function withStaticImports(file, seen = new Set()) {
  if (seen.has(file)) return '';
  seen.add(file);
  const code = await readFile(file, 'utf8');
  let all = code;
  for (const [, path] of code.matchAll(/(?:from|import)\s*"(\.{1,2}\/[^"]+\.js)"/g)) all += await withStaticImports(join(file, '..', path), seen);
  return all;
}

/** Entry modules of the library build: dist/**.js except shared chunks, the CDN file and declarations. */
async function distEntries(dir = dist) {
  const found = [];
  for (const item of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, item.name);
    if (item.isDirectory() && !['chunks', 'cdn', 'types'].includes(item.name)) found.push(...(await distEntries(path)));
    else if (item.isFile() && item.name.endsWith('.js')) found.push(path);
  }
  return found.sort();
}

export async function bundleSizes() {
  const rows = [];
  const row = (name, code) => {
    const s = sizes(code);
    rows.push([name, kB(s.min), kB(s.gzip), kB(s.brotli)]);
  };
  for (const file of await distEntries()) {
    const name = relative(dist, file);
    row(`${name} (own code + chunks)`, await bundle(file, { withRuntime: false }));
    row(`${name} + runtime`, await bundle(file, { withRuntime: true }));
  }
  row('cdn/iop-widgets.js (the loader, as built)', await readFile(join(dist, 'cdn/iop-widgets.js'), 'utf8'));
  row('cdn/iop-widgets.all.js (as built)', await readFile(join(dist, 'cdn/iop-widgets.all.js'), 'utf8'));
  // The console's own build: the embed builder's preview widgets are chunks loaded when it opens.
  row('console/console.js first load (as built, with its static imports)', await withStaticImports(join(dist, 'console/console.js')));
  return {
    title: 'Bundle sizes (kB = 1024 bytes; gzip -9, brotli q11)',
    columns: ['file', 'min', 'gzip', 'brotli'],
    rows,
    notes: [
      '"own code + chunks": what a bundler adds for the entry when the page already has the runtime (esbuild inlines the Spanish words, which a splitting bundler leaves for later).',
      'What a page fetches through the CDN loader: the "Demo pages at 4x" table below.',
      `"+ runtime": the entry alone on a page, with what it uses of ${runtime.join(', ')} (the rest is tree-shaken).`,
      'Issue 2 budget to compare with: client + store + provider with Lit <= 20 kB brotli (elements/provider.js + runtime).',
    ],
  };
}

/** Where the minified bytes of one entry + runtime go, by package (before compression). */
export async function providerBreakdown() {
  const result = await bundle(join(dist, 'elements/provider.js'), { withRuntime: true, metafile: true });
  const [output] = Object.values(result.metafile.outputs);
  const byPackage = new Map();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
    const name = match ? match[1] : 'iop-widgets (dist)';
    byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
  }
  const total = output.bytes;
  const rows = [...byPackage]
    .sort((a, b) => b[1] - a[1])
    .map(([name, bytes]) => [name, kB(bytes), `${((100 * bytes) / total).toFixed(0)}%`]);
  return {
    title: 'elements/provider.js + runtime: minified bytes by package',
    columns: ['package', 'min kB', 'share'],
    rows,
  };
}
