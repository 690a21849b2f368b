import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { addDays, weekdayOf } from '../src/domain/zoned-time.js';
import '../src/elements/alumni-browser/alumni-browser.js';
import { fullSession, manySessions, registerStandInApi, today } from './alumni-browser.data.js';

// Args are named after the attributes, so autodocs puts their controls on the manifest's attribute rows.
interface AlumniBrowserArgs {
  'api-base': string;
  locale: 'en' | 'es';
  view: 'list' | 'week';
  'range-days': number;
  'sync-url': boolean;
}

const meta: Meta<AlumniBrowserArgs> = {
  title: 'Elements/Alumni browser',
  component: 'iop-alumni-browser',
  args: { 'api-base': '/api/iop/', locale: 'en', view: 'list', 'range-days': 28, 'sync-url': false },
  argTypes: {
    'api-base': { control: 'text' },
    locale: { control: 'inline-radio', options: ['en', 'es'] },
    view: { control: 'inline-radio', options: ['list', 'week'] },
    'range-days': { control: { type: 'number', min: 1, max: 120 } },
    'sync-url': { control: 'boolean' },
  },
  render: (args) => html`
    <iop-alumni-browser api-base=${args['api-base']} locale=${args.locale} view=${args.view} range-days=${args['range-days']} ?sync-url=${args['sync-url']}></iop-alumni-browser>
  `,
};
export default meta;

type Story = StoryObj<AlumniBrowserArgs>;

/** The demo center's sessions (Juniper Ridge), grouped by day from now. */
export const List: Story = {};

/** One week at a time. */
export const Week: Story = { args: { view: 'week' } };

/** Every filter group open with some chosen, as a shared link would open it (`sync-url`). */
export const EveryFilter: Story = {
  name: 'Every filter (from the URL)',
  args: { 'sync-url': true },
  render: (args, context) => {
    const url = new URL(location.href);
    for (const [key, value] of [['iop-format', 'online'], ['iop-format', 'hybrid'], ['iop-time', 'evening'], ['iop-audience', 'alumni']]) url.searchParams.append(key!, value!);
    history.replaceState(history.state, '', url);
    return meta.render!(args, context);
  },
};

/** Nothing in range: the list says so and suggests what to try. */
export const EmptyResults: Story = {
  args: { 'api-base': '/story/alumni-empty/' },
  render: (args, context) => {
    registerStandInApi(args['api-base'], { timeZone: 'America/Denver', sessions: [] });
    return meta.render!(args, context);
  },
};

/** A small room that is full every week: details say so and an RSVP joins the waitlist. */
export const FullWithWaitlist: Story = {
  name: 'Full session with waitlist',
  args: { 'api-base': '/story/alumni-full/' },
  render: (args, context) => {
    const start = today();
    const saturdays = Array.from({ length: 6 }, (_, i) => addDays(start, ((6 - weekdayOf(start) + 7) % 7) + 7 * i));
    registerStandInApi(args['api-base'], fullSession(start, saturdays));
    return meta.render!(args, context);
  },
};

/**
 * Offline: shows the copy saved on an earlier visit with its age (open the List story first, then this one).
 * Storybook's in-page API drops every request here; the browser test runner renders it online.
 */
export const OfflineWithCachedData: Story = { name: 'Offline with cached data', parameters: { network: 'offline' } };

/** 2,500 weekly sessions: about 10,000 occurrences in four weeks. Only a page of them is in the DOM. */
export const TenThousand: Story = {
  name: '10,000 occurrences',
  args: { 'api-base': '/story/alumni-10k/' },
  render: (args, context) => {
    registerStandInApi(args['api-base'], manySessions(2500, today()));
    return meta.render!(args, context);
  },
};

/** Spanish throughout. */
export const Spanish: Story = { args: { locale: 'es' } };
