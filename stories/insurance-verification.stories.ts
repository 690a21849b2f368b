import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/insurance-verification/insurance-verification.js';
import type { IopInsuranceVerification } from '../src/elements/insurance-verification/insurance-verification.js';

// Data: the seeded reference API at /api/iop/ (the test runner proxies it to a fresh server whose
// eligibility provider asks the STAND-IN clearinghouse). In Storybook, the loader below swaps in the
// same server running in the page (server/browser-backend.ts) for that api-base. Each outcome story's
// `play` drives the widget with one of the stand-in's documented test member ids
// (server/eligibility/stand-in-clearinghouse.ts).

interface InsuranceArgs {
  'api-base': string;
  locale: 'en' | 'es';
  storage: 'local' | 'memory';
}

const API = '/api/iop/';
let inPageApi: Promise<void> | undefined;

/** Storybook only: a page has no /api/iop/ there, so the reference server runs inside it. */
function useInPageApi(): Promise<void> {
  inPageApi ??= (async () => {
    const [{ createBrowserBackend }, { createClient }, { registerClient }] = await Promise.all([
      import('../server/browser-backend.js'),
      import('../src/client/client.js'),
      import('../src/client/shared-clients.js'),
    ]);
    const backend = await createBrowserBackend({ latencyMs: 300 });
    registerClient(API, createClient({ apiBase: API, fetch: backend.fetch }));
  })();
  return inPageApi;
}

const widget = (canvas: HTMLElement) => canvas.querySelector('iop-insurance-verification') as IopInsuranceVerification;
const shadow = (canvas: HTMLElement) => widget(canvas).shadowRoot!;

async function until<T>(find: () => T | null | undefined | false, timeoutMs = 15000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() - start > timeoutMs) throw new Error('story: the widget did not get there');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function typeInto(canvas: HTMLElement, id: string, value: string): Promise<void> {
  const input = await until(() => shadow(canvas).getElementById(id) as HTMLInputElement | null);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await widget(canvas).updateComplete;
}

async function choosePayer(canvas: HTMLElement, query: string): Promise<void> {
  await typeInto(canvas, 'payer', query);
  const option = await until(() => shadow(canvas).querySelector<HTMLElement>('[role="option"]'));
  option.click();
  await widget(canvas).updateComplete;
  shadow(canvas).querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
}

async function fillMember(canvas: HTMLElement, memberId: string, submit = true): Promise<void> {
  await typeInto(canvas, 'member-id', memberId);
  await typeInto(canvas, 'patient-first-name', 'Sam');
  await typeInto(canvas, 'patient-last-name', 'Example');
  await typeInto(canvas, 'patient-dob', '1990-01-15');
  shadow(canvas).querySelector<HTMLInputElement>('#relationship')!.click();
  if (submit) shadow(canvas).querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
}

const checkMember = (memberId: string, payer = 'Aetna') => async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  await choosePayer(canvasElement, payer);
  await fillMember(canvasElement, memberId);
};

const meta: Meta<InsuranceArgs> = {
  title: 'Elements/Insurance verification',
  component: 'iop-insurance-verification',
  args: { 'api-base': API, locale: 'en', storage: 'memory' },
  argTypes: {
    'api-base': { control: 'text' },
    locale: { control: 'inline-radio', options: ['en', 'es'] },
    storage: { control: 'inline-radio', options: ['local', 'memory'] },
  },
  loaders: [() => useInPageApi()],
  render: ({ 'api-base': apiBase, locale, storage }) => html`
    <iop-insurance-verification api-base=${apiBase} locale=${locale} storage=${storage}></iop-insurance-verification>
  `,
};
export default meta;

type Story = StoryObj<InsuranceArgs>;

/** The first question: an accessible insurer combobox, "I don't see my insurer", and the self-pay path. */
export const ChooseInsurer: Story = {};

/** Stand-in member IOPACTIVE01: active, in network, deductible and out-of-pocket left, visit limit, and the cost estimate. */
export const Active: Story = { play: checkMember('IOPACTIVE01') };

/** Stand-in Medicare member 1EG4TE5MK70 (CMS example MBI form): the same active plan. */
export const ActiveMedicare: Story = { name: 'Active (Medicare MBI)', play: checkMember('1EG4TE5MK70', 'Medicare') };

/** IOPNODETAIL01: active, but the payer shared no behavioural-health details; a call back is the normal path. */
export const DetailsMissing: Story = { play: checkMember('IOPNODETAIL01') };

/** IOPINACTIVE01: coverage not active. */
export const Inactive: Story = { play: checkMember('IOPINACTIVE01') };

/** Any other id: member not found; check the details. */
export const NotFound: Story = { play: checkMember('NOBODY1234') };

/** IOPTIMEOUT01: 202 and polling with progress, then active. */
export const PendingThenActive: Story = { name: '202 pending, then active', play: checkMember('IOPTIMEOUT01') };

/** IOPDOWN01: 202, then AAA 42 (the payer cannot answer now); we will call you. */
export const PayerUnavailable: Story = { play: checkMember('IOPDOWN01') };

/** IOPCARVEOUT01: behavioural health carved out to another administrator; figures we will confirm by phone. */
export const CarvedOut: Story = { name: 'Behavioural health carved out', play: checkMember('IOPCARVEOUT01') };

/** IOPDEDMET01: the deductible is met; the estimate starts at the cost share. */
export const DeductibleMet: Story = { play: checkMember('IOPDEDMET01') };

/** IOPBADID01: AAA 72, the insurer cannot match the member ID; back to that field with what to fix. */
export const MemberIdRejected: Story = { name: 'Member ID rejected (AAA 72)', play: checkMember('IOPBADID01') };

/** Submitting the card details empty: the error summary and each field's message. */
export const ValidationErrors: Story = {
  play: async ({ canvasElement }) => {
    await choosePayer(canvasElement, 'Medicare');
    await typeInto(canvasElement, 'member-id', '1EG4-TE5-MK7');
    shadow(canvasElement).querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
  },
};

/** No insurance: the center's self-pay terms and a self-pay estimate. */
export const SelfPay: Story = {
  play: async ({ canvasElement }) => {
    const button = await until(() => [...shadow(canvasElement).querySelectorAll('button')].find((b) => b.textContent!.includes('pay myself')));
    button.click();
  },
};

/** The card details step, where optional card photos (front and back) are taken or chosen, shrunk and previewed. */
export const Photos: Story = {
  name: 'Card details and photos',
  play: async ({ canvasElement }) => {
    await choosePayer(canvasElement, 'Anthem');
    await fillMember(canvasElement, 'IOPACTIVE01', false);
  },
};

/** Every word in Spanish. */
export const Spanish: Story = { args: { locale: 'es' } };

/** Spanish, with the active plan's result and estimate. */
export const SpanishActive: Story = { name: 'Spanish: active', args: { locale: 'es' }, play: checkMember('IOPACTIVE01') };
