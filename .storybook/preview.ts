import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';
import { createClient } from '../src/client/client.js';
import { registerClient } from '../src/client/shared-clients.js';
import { createBrowserBackend, type BrowserBackend, type FailureMode } from '../server/browser-backend.js';

// Autodocs read attributes, properties, events, slots, parts and css properties from the analyzer's manifest.
setCustomElementsManifest(manifest);

/**
 * Stories use `api-base="/api/iop/"`. In Storybook that base is served by the reference server
 * running in the page (in-memory PGlite, eligibility from the stand-in clearinghouse), so stories behave for real with
 * no server; in the browser test runner the same base reaches a real reference server.
 */
let backend: Promise<BrowserBackend> | undefined;
function demoBackend(): Promise<BrowserBackend> {
  backend ??= createBrowserBackend({ eligibility: 'simulated', latencyMs: 250 }).then((created) => {
    registerClient('/api/iop/', createClient({ apiBase: '/api/iop/', fetch: created.fetch }));
    return created;
  });
  return backend;
}

const preview: Preview = {
  tags: ['autodocs'],
  globalTypes: {
    network: {
      description: 'How the in-page demo API behaves',
      toolbar: {
        title: 'Network',
        icon: 'globe',
        items: [
          { value: 'none', title: 'Normal' },
          { value: 'slow', title: 'Slow (3 s)' },
          { value: 'server-error', title: 'Server errors (500)' },
          { value: 'offline', title: 'Offline' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { network: 'none' },
  loaders: [
    async ({ globals, parameters }) => {
      const api = await demoBackend();
      // A story may pin a failure (`parameters.network`), e.g. the "offline" state of a widget.
      api.controls.failure = (parameters.network ?? globals.network ?? 'none') as FailureMode;
      return {};
    },
  ],
  parameters: {
    // An axe violation fails the story (in the test runner as well as in the a11y panel).
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
};

export default preview;
