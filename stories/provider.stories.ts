import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/provider/provider.js';

// Args are named after the attributes, so autodocs puts their controls on the manifest's attribute rows.
interface ProviderArgs {
  'api-base': string;
  locale: 'en' | 'es';
  storage: 'local' | 'memory';
}

const meta: Meta<ProviderArgs> = {
  title: 'Elements/Provider',
  component: 'iop-provider',
  args: { 'api-base': '/api/iop/', locale: 'en', storage: 'local' },
  argTypes: {
    'api-base': { control: 'text' },
    locale: { control: 'inline-radio', options: ['en', 'es'] },
    storage: { control: 'inline-radio', options: ['local', 'memory'] },
  },
  render: ({ 'api-base': apiBase, locale, storage }) => html`
    <iop-provider api-base=${apiBase} locale=${locale} storage=${storage}>
      <p>Widgets placed here share one API client, one on-device store and the language <code>${locale}</code>.</p>
    </iop-provider>
  `,
};
export default meta;

type Story = StoryObj<ProviderArgs>;

/** A center's page: one provider around all its widgets. */
export const Default: Story = {};

/** Spanish for every widget inside; switching `locale` at run time re-renders them. */
export const Spanish: Story = { args: { locale: 'es' } };

/** For shared devices (a clinic kiosk, a library computer): nothing a person types is kept. */
export const SharedDevice: Story = { name: 'Shared device (memory storage)', args: { storage: 'memory' } };
