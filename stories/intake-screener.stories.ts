import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { until } from 'lit/directives/until.js';
import { createClient } from '../src/client/client.js';
import { registerClient } from '../src/client/shared-clients.js';
import '../src/elements/intake-screener/intake-screener.js';
import type { IopIntakeScreener } from '../src/elements/intake-screener/intake-screener.js';
import { storeFor } from '../src/store/shared-stores.js';

// Args are named after the attributes, so autodocs puts their controls on the manifest's attribute rows.
interface IntakeScreenerArgs {
  'api-base': string;
  locale: 'en' | 'es';
  storage: 'local' | 'memory';
  instruments: string;
  'quick-exit-url': string;
}

/** A center whose API cannot be reached: the offline-queued state, in Storybook and in the test runner alike. */
const offlineBase = '/story/intake-offline/';
registerClient(offlineBase, createClient({ apiBase: offlineBase, fetch: () => Promise.reject(new TypeError('Failed to fetch')) }));

type Answers = Record<string, string | number | string[]>;
const start: Answers = { consent: ['yes'], for: 'self', 'age-group': '26-64', profession: 'none' };
const zeros = (prefix: string, count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}-${i + 1}`, 0]));
const complete: Answers = {
  ...start,
  sex: 'female',
  'audit-1': 2,
  'audit-2': 1,
  'audit-3': 0,
  ...zeros('dast-10', 10),
  'dast-10-3': 1,
  ...zeros('phq-9', 9),
  ...zeros('gad-7', 7),
  ...zeros('asq', 4),
  'withdrawal-seizures': 'no',
  'withdrawal-recent': 'no',
  'withdrawal-daily': 'no',
  times: ['evening', 'weekend'],
  format: 'either',
  payment: 'insurance',
  'contact-name': 'Sam',
  'contact-preferred': 'text',
  'contact-phone': '303 555 0142',
  'contact-voicemail': 'no',
};

const element = (args: IntakeScreenerArgs) => html`
  <iop-intake-screener
    api-base=${args['api-base']}
    locale=${args.locale}
    storage=${args.storage}
    instruments=${args.instruments}
    quick-exit-url=${args['quick-exit-url']}
  ></iop-intake-screener>
`;

/**
 * Opens the screener on a step by saving the draft it resumes from (the same encrypted draft a
 * person's earlier visit leaves), then optionally presses its main button (Continue or Send).
 */
function atStep(args: IntakeScreenerArgs, step: string | undefined, answers: Answers = {}, press = false): TemplateResult {
  const ready = (async () => {
    const store = await storeFor('local');
    if (step) await store.saveDraft('intake-screener', { step, answers });
    else await store.removeDraft('intake-screener');
    if (press) void pressMainButton();
    return element(args);
  })();
  return html`${until(ready, html`<p>Loading…</p>`)}`;
}

async function pressMainButton(): Promise<void> {
  for (let tries = 0; tries < 100; tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const button = document.querySelector<IopIntakeScreener>('iop-intake-screener')?.shadowRoot?.querySelector<HTMLButtonElement>('form button[type="submit"]');
    if (button) return button.click();
  }
}

const meta: Meta<IntakeScreenerArgs> = {
  title: 'Elements/Intake screener',
  component: 'iop-intake-screener',
  args: { 'api-base': '/api/iop/', locale: 'en', storage: 'local', instruments: '', 'quick-exit-url': '' },
  argTypes: {
    'api-base': { control: 'text' },
    locale: { control: 'inline-radio', options: ['en', 'es'] },
    storage: { control: 'inline-radio', options: ['local', 'memory'] },
    instruments: { control: 'text' },
    'quick-exit-url': { control: 'text' },
  },
  render: (args) => atStep(args, undefined),
};
export default meta;

type Story = StoryObj<IntakeScreenerArgs>;

/** Consent and the plain-language confidentiality notice (HIPAA, 42 CFR Part 2). */
export const Welcome: Story = {};

/** With a "Leave this page" button that clears the form and navigates away. */
export const QuickExit: Story = { args: { 'quick-exit-url': 'https://www.weather.gov/' } };

export const About: Story = { render: (args) => atStep(args, 'about', { consent: ['yes'] }) };
export const Profession: Story = { render: (args) => atStep(args, 'profession', start) };

/** Licensing board / PHP, documentation, FMLA, confidentiality worries: none of it scored. */
export const HealthcareProfessionals: Story = { render: (args) => atStep(args, 'hcp', { ...start, profession: 'nurse' }) };

export const AuditC: Story = { name: 'AUDIT-C', render: (args) => atStep(args, 'audit-c', start) };

/** The rest of the AUDIT, asked because AUDIT-C was positive. */
export const AuditRest: Story = { name: 'AUDIT (after a positive AUDIT-C)', render: (args) => atStep(args, 'audit-rest', { ...start, sex: 'male', 'audit-1': 3, 'audit-2': 2, 'audit-3': 2 }) };

export const FullAudit: Story = { name: 'AUDIT (full, by configuration)', args: { instruments: 'audit,phq-9' }, render: (args) => atStep(args, 'audit', start) };
export const Dast10: Story = { name: 'DAST-10', render: (args) => atStep(args, 'dast-10', start) };
export const Phq9: Story = { name: 'PHQ-9', render: (args) => atStep(args, 'phq-9', start) };
export const Gad7: Story = { name: 'GAD-7', render: (args) => atStep(args, 'gad-7', start) };
export const Asq: Story = { name: 'ASQ', render: (args) => atStep(args, 'asq', start) };

/** PHQ-9 item 9 above 0: the crisis panel, shown with no network. */
export const CrisisPanel: Story = { render: (args) => atStep(args, 'phq-9', { ...start, 'phq-9-9': 1 }) };

/** ASQ acuity "yes": the urgent crisis panel. */
export const CrisisUrgent: Story = { render: (args) => atStep(args, 'asq', { ...start, 'asq-1': 1, 'asq-5': 1 }) };

export const Withdrawal: Story = { render: (args) => atStep(args, 'withdrawal', start) };
export const PracticalNeeds: Story = { render: (args) => atStep(args, 'practical', start) };
export const Contact: Story = { render: (args) => atStep(args, 'contact', start) };

/** Continue pressed with answers missing: the error summary, focused, linked to each question. */
export const ValidationErrors: Story = { render: (args) => atStep(args, 'phq-9', { ...start, 'phq-9-1': 1, 'phq-9-2': 0 }, true) };

/** Every answer with a Change link, and what the answers suggest. */
export const Review: Story = { render: (args) => atStep(args, 'review', complete) };

/** Returning within the draft lifetime: back where they left off, with "Start again". */
export const ResumedDraft: Story = { render: (args) => atStep(args, 'gad-7', { ...start, ...zeros('phq-9', 9) }) };

/** Sent while offline: "Saved on this device; it will be sent when you are back online". */
export const OfflineQueued: Story = { args: { 'api-base': offlineBase }, render: (args) => atStep(args, 'review', complete, true) };

/** Shared device: nothing is saved, and the form says so. */
export const SharedDevice: Story = { args: { storage: 'memory' } };

export const Spanish: Story = { args: { locale: 'es' } };
export const SpanishPhq9: Story = { name: 'Spanish: PHQ-9 with the crisis panel', args: { locale: 'es' }, render: (args) => atStep(args, 'phq-9', { ...start, 'phq-9-9': 2 }) };
