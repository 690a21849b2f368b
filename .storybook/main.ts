import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(config) {
    const { mergeConfig } = await import('vite');
    // Storybook keeps only build.target from vite.config.ts, so the library build settings do not leak in here.
    return mergeConfig(config, {
      // Storybook's own manager and docs bundles are large; the library's sizes are what `npm run bench` reports.
      build: { chunkSizeWarningLimit: 2048 },
      // One pre-bundled copy of each runtime dependency, or Lit warns of multiple versions loaded.
      optimizeDeps: {
        include: ['lit', '@lit/context', 'idb', 'zod', 'zod/mini'],
        // PGlite (the in-browser demo API) loads its WASM relative to its own module: pre-bundling breaks that.
        exclude: ['@electric-sql/pglite'],
      },
    });
  },
};

export default config;
