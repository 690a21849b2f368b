// Browser tests: real Chromium (Debian's), real IndexedDB, real HTTP to 127.0.0.1.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { faultApiMiddleware } from './test/support/fault-api.mjs';
import { createReferenceApi } from './test/support/reference-api.mjs';
import { summaryLineReporter } from './test/support/summary-line-reporter.mjs';

const referenceApi = createReferenceApi();

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: true,
  // One browser page at a time: the machine has two cores, and outbox tests share the dev server's counters.
  concurrency: 1,
  concurrentBrowsers: 1,
  // Generous limits: a test resolves as soon as the states it waits for are there, and a busy machine
  // (the suite must pass ten times in a row under load) can stretch a long keyboard walk past 15 s.
  testFramework: { config: { timeout: 60000 } },
  testsFinishTimeout: 600000,
  browsers: [
    chromeLauncher({
      launchOptions: {
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
        ],
      },
    }),
  ],
  plugins: [
    // The plugin does not follow `extends` and must be told where the legacy-decorator settings are.
    referenceApi.plugin,
    esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
  ],
  middleware: [faultApiMiddleware, referenceApi.middleware],
  reporters: [defaultReporter(), summaryLineReporter()],
};
