import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { themeTokens } from '../src/elements/shared/theme.js';

const isColour = (value: string) => value.startsWith('#');

const meta: Meta = {
  title: 'Foundations/Theme',
  parameters: {
    docs: {
      description: {
        component:
          'Every widget reads the same `--iop-*` custom properties. Set them on the widget tags, on `<iop-provider>` ' +
          'or on any ancestor; each has a default, so a page that sets none still gets an accessible widget. ' +
          'Widgets inherit the host page font unless `--iop-font-family` says otherwise. Larger changes go through `::part()`.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

/** The shared custom properties, their defaults and what they colour or size. */
export const Tokens: Story = {
  render: () => html`
    <table>
      <caption>Shared theme custom properties</caption>
      <thead>
        <tr>
          <th scope="col">Property</th>
          <th scope="col">Default</th>
          <th scope="col">Used for</th>
        </tr>
      </thead>
      <tbody>
        ${themeTokens.map(
          ([name, value, purpose]) => html`
            <tr>
              <th scope="row"><code>${name}</code></th>
              <td>
                ${isColour(value)
                  ? html`<svg width="16" height="16" aria-hidden="true" focusable="false">
                      <rect width="16" height="16" rx="3" fill=${value} stroke="#6b7580"></rect>
                    </svg>`
                  : ''}
                <code>${value}</code>
              </td>
              <td>${purpose}</td>
            </tr>
          `,
        )}
      </tbody>
    </table>
  `,
};

const example = `iop-provider, iop-schedule-picker {
  --iop-color-accent: #5b2a86;
  --iop-color-focus: #ffbf47;
  --iop-radius: 0;
  --iop-font-family: Georgia, serif;
}`;

/** A center's stylesheet: custom properties cross the shadow boundary, so one rule restyles every widget. */
export const Overriding: Story = {
  render: () => html`
    <p>Put a rule like this in the page's own stylesheet:</p>
    <pre><code>${example}</code></pre>
  `,
};
