// Builds from one config (see scripts/build.mjs):
//   default mode: per-entry ES modules in dist/, runtime dependencies left to the host's bundler;
//   mode `cdn`:   dist/cdn/iop-widgets.js, the loader for a plain <script type="module">, which imports
//                 each element's module (dist/cdn/chunks/, hashed, everything bundled) when its tag appears;
//   mode `cdn-all`: dist/cdn/iop-widgets.all.js, every element in one file;
//   mode `console`: dist/console/console.js, the staff console served at /console/, with chunks/ for the
//   embed builder's preview widgets (loaded when it opens).
import { defineConfig, type Plugin } from 'vite';
import pkg from './package.json' with { type: 'json' };

/** Elements shipped as their own entry, `src/elements/<name>/<name>.ts` -> `dist/elements/<name>.js`. Add one here. */
export const elements = ['provider', 'alumni-browser', 'insurance-verification', 'intake-screener', 'schedule-picker'];

/** Every library entry, keyed by its output path under dist/ without `.js`. */
export const entries: Record<string, string> = {
  index: 'src/index.ts',
  client: 'src/client.ts',
  ...Object.fromEntries(elements.map((name) => [`elements/${name}`, `src/elements/${name}/${name}.ts`])),
};

/** Runtime dependencies (lit, @lit/context, zod, idb): left to the host's bundler, so a page has one Lit. */
export const runtime = Object.keys(pkg.dependencies);
const external = (id: string) => runtime.some((dep) => id === dep || id.startsWith(`${dep}/`));

/**
 * Mode `cdn`: writes into the loader, for each element's module, every chunk it imports (directly or
 * not), so that the loader fetches them all at once instead of one level of imports after another.
 */
function loaderChunkGraph(): Plugin {
  return {
    name: 'iop-loader-chunk-graph',
    generateBundle(_options, bundle) {
      const loader = bundle['iop-widgets.js'];
      if (!loader || loader.type !== 'chunk') return;
      const importsOf = (file: string, seen = new Set<string>()): Set<string> => {
        const chunk = bundle[file];
        for (const imported of chunk?.type === 'chunk' ? chunk.imports : []) {
          if (!seen.has(imported)) importsOf(imported, seen.add(imported));
        }
        return seen;
      };
      const graph: Record<string, string[]> = {};
      for (const file of loader.dynamicImports) {
        const chunk = bundle[file];
        const source = chunk?.type === 'chunk' ? chunk.facadeModuleId : null;
        const name = source ? /([\w-]+)\.ts$/.exec(source)?.[1] : undefined;
        if (name) graph[`iop-${name}`] = [file, ...importsOf(file)].map((path) => `./${path}`);
      }
      loader.code = loader.code.replaceAll('__IOP_CHUNK_GRAPH__', JSON.stringify(graph));
    },
  };
}

export default defineConfig(({ mode }) => {
  const staffConsole = mode === 'console';
  const cdnAll = mode === 'cdn-all';
  const cdn = mode === 'cdn' || cdnAll || staffConsole;
  return {
    // No public/ folder to copy into a library build.
    publicDir: false,
    plugins: mode === 'cdn' ? [loaderChunkGraph()] : [],
    // The CDN file runs with no bundler behind it: nothing may read `process` at run time.
    define: cdn ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
    build: {
      target: 'es2022',
      outDir: staffConsole ? 'dist/console' : cdn ? 'dist/cdn' : 'dist',
      // scripts/build.mjs empties dist/ once; the two builds must not wipe each other.
      emptyOutDir: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      lib: staffConsole
        ? { entry: { console: 'src/console/console-app.ts' }, formats: ['es'] }
        : cdnAll
        ? { entry: { 'iop-widgets.all': 'src/index.ts' }, formats: ['es'] }
        : cdn
        ? { entry: { 'iop-widgets': 'src/elements/autoloader.ts' }, formats: ['es'] }
        : { entry: entries, formats: ['es'] },
      rolldownOptions: {
        external: cdn ? [] : external,
        // The loader exports nothing; its chunks may be grouped freely (codeSplitting below).
        ...(mode === 'cdn' ? { preserveEntrySignatures: 'allow-extension' as const } : {}),
        output: {
          // ES library output keeps whitespace unless asked (TOOLCHAIN.md).
          minify: true,
          entryFileNames: '[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
          // The console splits too: the embed builder's preview widgets come as chunks when it opens.
          ...(cdnAll
            ? { codeSplitting: false }
            : mode === 'cdn'
              ? {
                  // Fewer, larger shared chunks for the loader's pages: Lit with the widgets' shared
                  // controllers, and the data layer (client, store, contract, zod, idb) without Lit,
                  // which the trusted-types fallback can load where Lit cannot start.
                  codeSplitting: {
                    includeDependenciesRecursively: false,
                    groups: [
                      // Not the frame half of isolation="frame" (isolation-frame.ts and the `ref` directive only it
                      // uses): a page whose widgets stay inline never loads it.
                      {
                        name: 'lit',
                        test: /node_modules[\\/](?:lit|lit-html|lit-element|@lit[\\/][^\\/]+)[\\/](?!(?:development[\\/])?(?:async-directive|directives[\\/]ref)\.js)|src[\\/]elements[\\/]shared[\\/](?!trusted-types-fallback|frame-child|isolation-frame)/,
                      },
                      { name: 'data', test: /node_modules[\\/](?:zod|idb)[\\/]|src[\\/](?:client|store|api|i18n)[\\/]/ },
                    ],
                  },
                }
              : {}),
        },
      },
    },
  };
});
