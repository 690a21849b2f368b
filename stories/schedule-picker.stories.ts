import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { AssessmentSlot, Booking, Hold } from '../src/api/schemas.js';
import { createClient } from '../src/client/client.js';
import { clientFor, registerClient } from '../src/client/shared-clients.js';
import type { PickerState } from '../src/elements/schedule-picker/schedule-picker.js';
import '../src/elements/schedule-picker/schedule-picker.js';

// Stories use `/api/iop/`: the in-page reference server in Storybook, a real one in the test runner.
// Four stand-in APIs show states the demo center cannot: they answer programs from the demo center
// and change only what the story is about.
const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
const demoPrograms = () => clientFor('/api/iop/').listPrograms();
registerClient('/stories/loading/', createClient({ apiBase: '/stories/loading/', fetch: () => new Promise<Response>(() => {}) }));
registerClient('/stories/offline/', createClient({ apiBase: '/stories/offline/', retry: false, fetch: () => Promise.reject(new TypeError('Failed to fetch')) }));
registerClient(
  '/stories/no-free-times/',
  createClient({
    apiBase: '/stories/no-free-times/',
    fetch: async (input) => (String(input).includes('assessment-slots') ? json({ timeZone: 'America/Denver', slots: [] }) : json(await demoPrograms())),
  }),
);

// The connection drops after the tracks loaded: every later request, the booking too, fails as offline.
registerClient(
  '/stories/offline-at-booking/',
  createClient({
    apiBase: '/stories/offline-at-booking/',
    retry: false,
    fetch: async (input) => {
      if (String(input).includes('assessment-slots') || String(input).includes('bookings')) throw new TypeError('Failed to fetch');
      return json(await demoPrograms());
    },
  }),
);

const picker = (canvas: HTMLElement) => canvas.querySelector('iop-schedule-picker')!;

/** Waits (up to 10 s) for what `find` looks for in the picker's shadow root. */
async function until<T>(canvas: HTMLElement, find: (root: ShadowRoot) => T | null | undefined | false): Promise<T> {
  for (const start = Date.now(); Date.now() - start < 10_000; await new Promise((resolve) => setTimeout(resolve, 50))) {
    const root = picker(canvas).shadowRoot;
    const found = root && find(root);
    if (found) return found;
  }
  throw new Error('story: the picker did not get there');
}

// A weekday two weeks ahead at 9:00 in Denver (16:00Z in winter, 15:00Z in summer: close enough for a picture).
const day = new Date(Date.now() + 14 * 86_400_000);
day.setUTCDate(day.getUTCDate() + ((8 - day.getUTCDay()) % 7));
const date = day.toISOString().slice(0, 10);
const slot: AssessmentSlot = { id: `d1-phone_${date.replaceAll('-', '')}_0900`, start: `${date}T16:00:00Z`, end: `${date}T17:00:00Z`, mode: 'phone', trackIds: [] };
const nearby = (hours: number, mode: AssessmentSlot['mode']): AssessmentSlot => ({
  ...slot,
  id: `d1-${mode}_${date.replaceAll('-', '')}_${String(9 + hours).padStart(2, '0')}00`,
  start: new Date(Date.parse(slot.start) + hours * 3_600_000).toISOString(),
  end: new Date(Date.parse(slot.end) + hours * 3_600_000).toISOString(),
  mode,
});
const hold = (secondsLeft: number): Hold => ({ id: 'story-hold', slotId: slot.id, token: 'story-hold-token-0123456789', expiresAt: new Date(Date.now() + secondsLeft * 1000).toISOString() });
const details = { name: 'Sam', phone: '303 555 0142', email: '', preferred: 'phone' as const, voicemailOk: false, consent: true };
const booking: Booking = { id: 'story-booking', status: 'confirmed', slotId: slot.id, start: slot.start, end: slot.end, mode: 'phone', timeZone: 'America/Denver' };

interface PickerArgs {
  'api-base': string;
  locale: 'en' | 'es';
  audience: string;
  track: string;
  'visitor-time-zone': string;
  state?: PickerState;
}

const meta: Meta<PickerArgs> = {
  title: 'Elements/Schedule picker',
  component: 'iop-schedule-picker',
  args: { 'api-base': '/api/iop/', locale: 'en', audience: '', track: '', 'visitor-time-zone': 'America/Denver' },
  argTypes: {
    locale: { control: 'inline-radio', options: ['en', 'es'] },
    audience: { control: 'select', options: ['', 'general', 'healthcare-professionals', 'young-adults'] },
    track: { control: 'select', options: ['', 'day-iop', 'evening-iop', 'hcp-evening-saturday'] },
    state: { table: { disable: true } },
  },
  render: (args) => html`
    <iop-schedule-picker
      api-base=${args['api-base']}
      locale=${args.locale}
      storage="memory"
      audience=${args.audience || undefined}
      track=${args.track || undefined}
      visitor-time-zone=${args['visitor-time-zone']}
      .initialState=${args.state}
    ></iop-schedule-picker>
  `,
};
export default meta;

type Story = StoryObj<PickerArgs>;

/** Step 1: program tracks with their days, hours, format, start and end dates, and "fits around my work" filters. */
export const Tracks: Story = {};

/** A nurse's page: `audience="healthcare-professionals"` preselects the healthcare professionals track. */
export const HealthcareProfessionals: Story = { args: { audience: 'healthcare-professionals' } };

/** No track matches what was asked for: say so kindly and offer to clear the choices or call. */
export const NoTracksMatch: Story = { name: 'No tracks match the filters', args: { audience: 'young-adults' } };

/** Never a blank box: the center's API has not answered yet. */
export const Loading: Story = { args: { 'api-base': '/stories/loading/' } };

/** The device is offline and nothing is cached: say so, and offer to try again. */
export const Offline: Story = { args: { 'api-base': '/stories/offline/' } };

/** Step 2: free assessment times by week, with the ARIA grid keyboard pattern (`track` skips step 1). */
export const Slots: Story = { name: 'Slot step (week)', args: { track: 'day-iop' } };

/** No free times in the week shown. */
export const EmptyWeek: Story = { args: { track: 'day-iop', 'api-base': '/stories/no-free-times/' } };

/** A visitor in London: times in the center's zone with theirs beside them, and a switch. */
export const VisitorInAnotherTimeZone: Story = { args: { track: 'day-iop', 'visitor-time-zone': 'Europe/London' } };

/** Step 3: the time is held (with its remaining time); the details the center needs. */
export const Details: Story = { args: { state: { step: 'details', trackId: 'day-iop', slot, hold: hold(270), details: { name: '', phone: '', email: '', consent: false } } } };

/** Under a minute left on the hold: a warning and a one-press extension (WCAG 2.2.1). */
export const HoldExpiring: Story = { args: { state: { step: 'details', trackId: 'day-iop', slot, hold: hold(45), details } } };

/** Someone else booked the time first: "that time was just taken", the nearest free times, details kept. */
export const JustTaken: Story = {
  name: '409: that time was just taken',
  args: { state: { step: 'review', trackId: 'day-iop', slot, details, taken: [nearby(1, 'phone'), nearby(2, 'video'), nearby(3, 'phone')] } },
};

/** Step 4: check everything before booking. */
export const Review: Story = { args: { state: { step: 'review', trackId: 'day-iop', slot, hold: hold(200), details } } };

/** Offline when "Book this time" is pressed: booking needs live availability, so say so, keep the details, offer to try again. */
export const OfflineAtBooking: Story = {
  name: 'Offline at booking',
  args: { 'api-base': '/stories/offline-at-booking/', state: { step: 'review', trackId: 'day-iop', slot, hold: hold(200), details } },
  play: async ({ canvasElement }) => {
    const book = await until(canvasElement, (root) => [...root.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Book this time' && !b.disabled));
    book.click();
    await until(canvasElement, (root) => root.querySelector('.notice--error[role="alert"]'));
  },
};

/** Booked: the time in both zones, what to expect, and an add-to-calendar file with a discreet title. */
export const Confirmation: Story = { args: { 'visitor-time-zone': 'America/New_York', state: { step: 'done', trackId: 'day-iop', slot, details, booking } } };

/** Every step speaks Spanish. */
export const Spanish: Story = { args: { locale: 'es' } };

/** The slot step in Spanish, for a visitor in Mexico City. */
export const SpanishSlots: Story = { name: 'Spanish slot step', args: { locale: 'es', track: 'day-iop', 'visitor-time-zone': 'America/Mexico_City' } };
