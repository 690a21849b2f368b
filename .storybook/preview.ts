import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';

// Autodocs read attributes, properties, events, slots, parts and css properties from the analyzer's manifest.
setCustomElementsManifest(manifest);

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    // An axe violation fails the story (in the test runner as well as in the a11y panel).
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
};

export default preview;
