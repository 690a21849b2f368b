import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../support/wait-until.js';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { AssessmentSlot, ProgramList } from '../../../src/api/schemas.js';
import { createClient } from '../../../src/client/client.js';
import { registerClient } from '../../../src/client/shared-clients.js';
import '../../../src/elements/schedule-picker/schedule-picker.js';
import type { BookingConfirmedEvent, IopSchedulePicker, PickerState } from '../../../src/elements/schedule-picker/schedule-picker.js';
import { storeFor } from '../../../src/store/shared-stores.js';
import { faultBase, faultStats, releaseFault, runId } from '../../support/fixtures.js';

const root = (el: IopSchedulePicker) => el.shadowRoot!;
const all = (el: IopSchedulePicker, selector: string) => [...root(el).querySelectorAll<HTMLElement>(selector)];
const one = (el: IopSchedulePicker, selector: string) => root(el).querySelector<HTMLElement>(selector);
const textOf = (el: IopSchedulePicker) => root(el).textContent!.replace(/\s+/g, ' ');
const button = (el: IopSchedulePicker, label: string) => all(el, 'button').find((b) => b.textContent!.trim().startsWith(label));
const focused = (el: IopSchedulePicker) => root(el).activeElement as HTMLElement | null;
const settle = async (el: IopSchedulePicker, what: () => unknown, message: string) => {
  await waitUntil(what, message, { timeout: 10000 });
  await el.updateComplete;
};

/** Presses Tab until focus is on what `matches` accepts: the path a keyboard user takes. */
async function tabTo(el: IopSchedulePicker, matches: (node: HTMLElement) => boolean): Promise<void> {
  for (let presses = 0; presses < 80; presses += 1) {
    const active = focused(el);
    if (active && matches(active)) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error('could not reach the control with Tab');
}

/** Fills the details step with keys alone (name, phone by phone, no voicemail, consent) and continues. */
async function typeDetails(el: IopSchedulePicker, name: string): Promise<void> {
  await tabTo(el, (node) => node.id === 'name');
  await sendKeys({ type: name });
  await tabTo(el, (node) => node.id === 'preferred');
  await sendKeys({ press: 'Space' });
  await tabTo(el, (node) => node.id === 'phone');
  await sendKeys({ type: '303 555 0142' });
  await tabTo(el, (node) => node.id === 'voicemailOk');
  await sendKeys({ press: 'ArrowDown' }); // "No, keep it private"
  await tabTo(el, (node) => node.id === 'consent');
  await sendKeys({ press: 'Space' });
  await tabTo(el, (node) => node.textContent?.trim() === 'Continue');
  await sendKeys({ press: 'Enter' });
}

/** From a focused calendar: arrows to the first day with free times, Enter to its times, Enter to hold the first. */
async function holdFirstTimeByKeys(el: IopSchedulePicker): Promise<void> {
  for (let i = 0; i < 14 && !one(el, '[part="time-list"]'); i += 1) {
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
  }
  await sendKeys({ press: 'Enter' });
  expect(focused(el)!.closest('[part="time-list"]')).to.not.equal(null);
  await sendKeys({ press: 'Enter' });
}

// The reference server starts with the test run: wait for its first answer once (a state, with room
// for a busy machine), so no test's own timeout pays for the start.
before(async function () {
  this.timeout(60000);
  await waitUntil(async () => (await fetch('/api/iop/programs')).ok, 'the reference server', { timeout: 60000, interval: 250 });
});

beforeEach(async () => {
  for (const mode of ['local', 'memory'] as const) await (await storeFor(mode)).removeDraft('schedule-picker');
});

describe('<iop-schedule-picker> track step', () => {
  it('shows the center tracks with days, hours, format, start and end dates, and filters by what fits around work', async () => {
    const el = await fixture<IopSchedulePicker>(html`<iop-schedule-picker api-base="/api/iop/" storage="memory"></iop-schedule-picker>`);
    await settle(el, () => all(el, '[part="track-card"]').length > 0, 'tracks load');
    expect(all(el, '[part="track-card"] h3').map((h) => h.textContent)).to.deep.equal(['Day IOP', 'Evening IOP', 'Healthcare Professionals: evenings and Saturday']);
    const day = all(el, '[part="track-card"]')[0]!.textContent!.replace(/\s+/g, ' ');
    expect(day).to.contain('Monday, Wednesday, and Friday, 9:00 AM–12:00 PM (Denver time)');
    expect(day).to.contain('9 hours a week for 8 weeks');
    expect(day).to.match(/\(ends [A-Z][a-z]+ \d+, 20\d\d\)/);
    await expect(el).to.be.accessible();

    (one(el, '#filter-times-2') as HTMLInputElement).click(); // Evenings
    await el.updateComplete;
    expect(all(el, '[part="track-card"] h3').map((h) => h.textContent)).to.deep.equal(['Evening IOP']);
    (one(el, '#filter-days-1') as HTMLInputElement).click(); // needs a weekend day
    await el.updateComplete;
    expect(all(el, '[part="track-card"]')).to.have.length(0);
    expect(textOf(el)).to.contain('No schedule matches all your choices');
    await expect(el).to.be.accessible();
    button(el, 'Clear all choices')!.click();
    await el.updateComplete;
    expect(all(el, '[part="track-card"]')).to.have.length(3);
  });

  it('preselects a track family from `audience` and skips the step with `track`', async () => {
    const el = await fixture<IopSchedulePicker>(html`<iop-schedule-picker api-base="/api/iop/" storage="memory" audience="healthcare-professionals"></iop-schedule-picker>`);
    await settle(el, () => all(el, '[part="track-card"]').length > 0, 'tracks load');
    expect(all(el, '[part="track-card"] h3').map((h) => h.textContent)).to.deep.equal(['Healthcare Professionals: evenings and Saturday']);
    const skip = await fixture<IopSchedulePicker>(html`<iop-schedule-picker api-base="/api/iop/" storage="memory" track="evening-iop"></iop-schedule-picker>`);
    await settle(skip, () => one(skip, '[part="calendar"]'), 'calendar shows');
    expect(one(skip, 'h2')!.textContent).to.equal('Choose a time for your assessment');
    expect(textOf(skip)).to.contain('For: Evening IOP.');
    expect(button(skip, 'Change schedule')).to.equal(undefined);
  });

  it('speaks Spanish', async () => {
    const el = await fixture<IopSchedulePicker>(html`<iop-schedule-picker api-base="/api/iop/" storage="memory" locale="es"></iop-schedule-picker>`);
    await settle(el, () => all(el, '[part="track-card"]').length > 0, 'tracks load');
    expect(one(el, 'h2')!.textContent).to.equal('Elija un horario del programa');
    expect(textOf(el)).to.contain('lunes, miércoles y viernes');
    await expect(el).to.be.accessible();
  });
});

describe('<iop-schedule-picker> a center\'s changes', () => {
  it('paints the cached tracks at once and still asks the center again on the next load', async () => {
    const run = runId();
    const mount = async () => {
      const el = await fixture<IopSchedulePicker>(html`<iop-schedule-picker api-base=${faultBase('ok', run)} storage="memory"></iop-schedule-picker>`);
      await settle(el, () => all(el, '[part="track-card"]').length > 0, 'tracks load');
      return el;
    };
    (await mount()).remove();
    const afterFirst = (await faultStats(run)).requests;
    expect(afterFirst).to.be.at.least(1);
    // The second load shares the first one's cache (same API, same memory store): the copy paints,
    // and the programs are asked for again, so an admin's edit in the console shows now, not in minutes.
    await mount();
    await waitUntil(async () => (await faultStats(run)).requests > afterFirst, 'the second load asks the center again', { timeout: 10000 });
  });
});

describe('<iop-schedule-picker> start-up', () => {
  it('shows its first step before the center answers, then the tracks with their days and times', async () => {
    const run = runId();
    const el = await fixture<IopSchedulePicker>(html`<iop-schedule-picker api-base=${faultBase('held', run)} storage="memory"></iop-schedule-picker>`);
    await waitUntil(async () => (await faultStats(run)).requests >= 1, 'the programs are asked for', { timeout: 10000 });
    await el.updateComplete;
    // The center has not answered (the request is held): the step is there, with a loading line, not a blank box.
    expect(one(el, 'h2')!.textContent).to.equal('Choose a program schedule');
    expect(one(el, '[role="status"]')!.textContent).to.equal('Loading…');
    expect(all(el, '[part="track-card"]')).to.have.length(0);
    await expect(el).to.be.accessible();
    await releaseFault(run);
    // Days and times are written with formatters built after the first screen: the cards wait for them.
    await settle(el, () => all(el, '[part="track-card"]').length > 0, 'tracks load');
    expect(textOf(el)).to.contain('Monday, Wednesday, and Thursday, 6:00 PM–9:00 PM (Denver time)');
  });
});

describe('<iop-schedule-picker> center text in Spanish', () => {
  it('shows the Spanish track names the center gave with locale="es", and the English ones on an English page', async () => {
    const list = (await (await fetch('/api/iop/programs')).json()) as ProgramList;
    const tracks = list.programs.filter((program) => program.kind === 'iop').flatMap((program) => program.tracks);
    const translated = tracks.filter((track) => track.translations?.es?.name);
    expect(translated.length, 'the demo center gives some tracks a Spanish name').to.be.greaterThan(0);

    const es = await fixture<IopSchedulePicker>(html`<iop-schedule-picker api-base="/api/iop/" storage="memory" locale="es"></iop-schedule-picker>`);
    await settle(es, () => all(es, '[part="track-card"]').length > 0, 'tracks load');
    expect(all(es, '[part="track-card"] h3').map((h) => h.textContent)).to.deep.equal(tracks.map((track) => track.translations?.es?.name ?? track.name));
    await expect(es).to.be.accessible();

    const en = await fixture<IopSchedulePicker>(html`<iop-schedule-picker api-base="/api/iop/" storage="memory" locale="en"></iop-schedule-picker>`);
    await settle(en, () => all(en, '[part="track-card"]').length > 0, 'tracks load');
    expect(all(en, '[part="track-card"] h3').map((h) => h.textContent)).to.deep.equal(tracks.map((track) => track.name));
  });
});

describe('<iop-schedule-picker> booking', () => {
  it('books with the keyboard alone: grid keys, live day announcement, hold, details, review, confirmation', async () => {
    const el = await fixture<IopSchedulePicker>(html`<iop-schedule-picker api-base="/api/iop/" storage="memory" track="day-iop" visitor-time-zone="America/Denver"></iop-schedule-picker>`);
    const events: BookingConfirmedEvent[] = [];
    el.addEventListener('iop-booking-confirmed', (event) => events.push(event));
    await settle(el, () => one(el, 'td[tabindex="0"]'), 'calendar shows');
    await expect(el).to.be.accessible();

    await tabTo(el, (node) => node.matches('td[tabindex="0"]'));
    const start = focused(el)!.dataset.date!;
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(focused(el)!.dataset.date).to.not.equal(start);
    expect(one(el, 'p[role="status"].visually-hidden')!.textContent).to.match(/free times: \d+/);
    await sendKeys({ press: 'PageDown' });
    await el.updateComplete;
    const later = focused(el)!.dataset.date!;
    expect(later > start).to.equal(true);
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    await holdFirstTimeByKeys(el);
    await settle(el, () => one(el, 'h2')?.textContent === 'How can we reach you?', 'details step after the hold');
    expect(focused(el)!.tagName).to.equal('H2');
    expect(one(el, '[part="hold"]')!.textContent).to.match(/It is kept until .+ \(about 5 min\)/);
    await expect(el).to.be.accessible();

    await typeDetails(el, 'Sam');
    await settle(el, () => one(el, 'h2')?.textContent === 'Check your booking', 'review step');
    expect(textOf(el)).to.contain('Sam');
    expect(textOf(el)).to.contain('303 555 0142');
    await expect(el).to.be.accessible();

    await tabTo(el, (node) => node.textContent?.trim() === 'Book this time');
    await sendKeys({ press: 'Enter' });
    await settle(el, () => one(el, '[part="confirmation"]'), 'confirmation');
    expect(events).to.have.length(1);
    expect(Object.keys(events[0]!.detail).sort()).to.deep.equal(['bookingId', 'status']);
    expect(events[0]!.detail.status).to.equal('confirmed');
    expect(one(el, '[part="reference"]')!.textContent!.replace(/\s+/g, ' ')).to.match(/^ Your reference: ([0-9A-HJKMNP-TV-Z]{3}-){2}[0-9A-HJKMNP-TV-Z]{3}/);
    // The .ics writer is fetched on demand (from the review step): wait for the link it makes.
    await settle(el, () => one(el, 'a[download]'), 'calendar link');
    const calendar = one(el, 'a[download]') as HTMLAnchorElement;
    const ics = decodeURIComponent(calendar.href.replace(/^data:text\/calendar;charset=utf-8,/, ''));
    expect(ics).to.contain('SUMMARY:Appointment - Juniper Ridge\r\n');
    expect(ics).to.contain('PRODID:-//Appointments//EN\r\n');
    expect(ics).to.not.match(/DESCRIPTION:[^\r]*Juniper/);
    expect(ics).to.contain(`UID:booking-${events[0]!.detail.bookingId}@`);
    expect(ics).to.not.match(/IOP|treatment|addiction/i);
    await expect(el).to.be.accessible();
  });

  it('books with the keyboard alone from the track step: filters, choosing a track, a time, details, review', async () => {
    const el = await fixture<IopSchedulePicker>(html`<iop-schedule-picker api-base="/api/iop/" storage="memory" visitor-time-zone="America/Denver"></iop-schedule-picker>`);
    const events: BookingConfirmedEvent[] = [];
    el.addEventListener('iop-booking-confirmed', (event) => events.push(event));
    const shown = () => all(el, '[part="track-card"] h3').map((h) => h.textContent);
    await settle(el, () => shown().length === 3, 'tracks load');

    // A checkbox with Space, a radio with an arrow key: "Evenings", then "I need a weekend day".
    await tabTo(el, (node) => node.id === 'filter-times-2');
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(shown()).to.deep.equal(['Evening IOP']);
    await tabTo(el, (node) => node.getAttribute('name') === 'filter-days');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect((one(el, '#filter-days-1') as HTMLInputElement).checked).to.equal(true);
    expect(shown()).to.deep.equal([]);
    expect(textOf(el)).to.contain('No schedule matches all your choices');
    await expect(el).to.be.accessible();

    // The button goes away when pressed: focus returns to the first filter instead of falling to the page.
    await tabTo(el, (node) => node.textContent?.trim() === 'Clear all choices');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(shown()).to.have.length(3);
    expect(focused(el)?.id).to.equal('filter-times');

    await tabTo(el, (node) => node.textContent?.trim() === 'Choose this schedule' && node.getAttribute('aria-describedby') === 'track-evening-iop');
    await sendKeys({ press: 'Enter' });
    await settle(el, () => one(el, 'td[tabindex="0"]') && el.slots.state.status === 'ready' && el.slots.state.ageMs === 0, 'fresh times show');
    expect(one(el, 'h2')!.textContent).to.equal('Choose a time for your assessment');
    expect(textOf(el)).to.contain('For: Evening IOP.');
    expect(focused(el)?.tagName, 'the step heading keeps focus while the times load').to.equal('H2');
    await expect(el).to.be.accessible();

    await tabTo(el, (node) => node.matches('td[tabindex="0"]'));
    await holdFirstTimeByKeys(el);
    await settle(el, () => one(el, 'h2')?.textContent === 'How can we reach you?', 'details step after the hold');
    expect(focused(el)!.tagName).to.equal('H2');
    await typeDetails(el, 'Kim');
    await settle(el, () => one(el, 'h2')?.textContent === 'Check your booking', 'review step');
    expect(textOf(el)).to.contain('Evening IOP');
    expect(textOf(el)).to.contain('Kim');

    await tabTo(el, (node) => node.textContent?.trim() === 'Book this time');
    await sendKeys({ press: 'Enter' });
    await settle(el, () => one(el, '[part="confirmation"]'), 'confirmation');
    expect(focused(el)!.tagName).to.equal('H2');
    expect(events).to.have.length(1);
    expect(events[0]!.detail.status).to.equal('confirmed');
    await expect(el).to.be.accessible();
  });

  it('details step asks before reusing the contact the screener saved, and shows GOV.UK errors', async () => {
    const store = await storeFor('memory');
    await store.saveDraft('shared-contact', { name: 'Robin', phone: '+1 303 555 0199', preferred: 'text', voicemailOk: false });
    try {
      const el = await fixture<IopSchedulePicker>(html`<iop-schedule-picker api-base="/api/iop/" storage="memory" track="day-iop"></iop-schedule-picker>`);
      // Fresh times, not the cached copy that paints first: another test may have booked its first time since.
      await settle(el, () => one(el, '[part="time-list"]') && el.slots.state.status === 'ready' && el.slots.state.ageMs === 0, 'fresh times show');
      all(el, '[part="time-list"] button')[0]!.click();
      await settle(el, () => button(el, 'Yes, use them'), 'the question');
      expect((one(el, '#name') as HTMLInputElement).value, 'nothing filled before the person agrees').to.equal('');
      await expect(el).to.be.accessible();
      button(el, 'Continue')!.click();
      await settle(el, () => one(el, '.error-summary'), 'error summary');
      expect(focused(el)!.classList.contains('error-summary')).to.equal(true);
      expect(one(el, '.error-summary')!.textContent).to.contain('Enter your name');
      expect(one(el, '#name')!.getAttribute('aria-invalid')).to.equal('true');
      await expect(el).to.be.accessible();
      button(el, 'Yes, use them')!.click();
      await el.updateComplete;
      expect((one(el, '#name') as HTMLInputElement).value).to.equal('Robin');
      expect((one(el, '#phone') as HTMLInputElement).value).to.equal('+1 303 555 0199');
      expect((one(el, '#consent') as HTMLInputElement).checked, 'consent is never carried over').to.equal(false);
    } finally {
      await store.removeDraft('shared-contact');
    }
  });
});

/** A free slot, straight from the reference server. */
async function firstFreeSlot(): Promise<AssessmentSlot> {
  const client = createClient({ apiBase: '/api/iop/' });
  const today = new Date().toISOString().slice(0, 10);
  const later = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  const { slots } = await client.listAssessmentSlots({ from: today, to: later });
  return slots[Math.floor(Math.random() * slots.length)]!;
}

const reviewState = (slot: AssessmentSlot, name: string): PickerState => ({
  step: 'review',
  trackId: 'day-iop',
  slot,
  details: { name, phone: '303 555 0142', email: '', preferred: 'phone', voicemailOk: false, consent: true },
});

describe('<iop-schedule-picker> races, holds and connections', () => {
  it('two pickers racing for one slot: one booking, and one clear "just taken" path that keeps what was typed', async () => {
    const slot = await firstFreeSlot();
    const wrapper = await fixture(html`<div>
      <iop-schedule-picker api-base="/api/iop/" storage="memory" track="day-iop" visitor-time-zone="America/Denver"></iop-schedule-picker>
      <iop-schedule-picker api-base="/api/iop/" storage="local" track="day-iop" visitor-time-zone="America/Denver"></iop-schedule-picker>
    </div>`);
    const [first, second] = [...wrapper.querySelectorAll('iop-schedule-picker')];
    first!.initialState = reviewState(slot, 'First Person');
    second!.initialState = reviewState(slot, 'Second Person');
    await Promise.all([first!.updateComplete, second!.updateComplete]);
    await settle(first!, () => button(first!, 'Book this time') && button(second!, 'Book this time'), 'both on review');
    const booked: string[] = [];
    wrapper.addEventListener('iop-booking-confirmed', (event) => booked.push((event as BookingConfirmedEvent).detail.bookingId));
    button(first!, 'Book this time')!.click();
    button(second!, 'Book this time')!.click();
    await waitUntil(() => [first!, second!].every((el) => one(el, '[part="confirmation"]') || textOf(el).includes('That time was just taken.')), 'both answered', { timeout: 10000 });
    expect(booked).to.have.length(1);
    const loser = one(first!, '[part="confirmation"]') ? second! : first!;
    await loser.updateComplete;
    expect(one(loser, '[role="alert"]')!.textContent).to.contain('Everything you typed is kept.');
    expect(all(loser, '.notice--error .times button').length).to.be.greaterThan(0);
    expect(textOf(loser)).to.match(/First Person|Second Person/);
    await expect(loser).to.be.accessible();

    // Taking the nearest free time holds it and keeps the details.
    all(loser, '.notice--error .times button')[0]!.click();
    await settle(loser, () => one(loser, '[part="hold"]') && !textOf(loser).includes('That time was just taken.'), 'the alternative is held');
    expect(textOf(loser)).to.match(/First Person|Second Person/);
  });

  it('fits a full day of times on one phone screen, in morning, afternoon and evening groups, with more on request', async () => {
    await setViewport({ width: 360, height: 640 });
    try {
      const el = await fixture<IopSchedulePicker>(html`<iop-schedule-picker api-base="/api/iop/" storage="memory" track="day-iop" visitor-time-zone="America/Denver"></iop-schedule-picker>`);
      await settle(el, () => one(el, 'td.has-free') && el.slots.state.status === 'ready' && el.slots.state.ageMs === 0, 'fresh times show');
      // Every count under a date says what it counts.
      const counts = all(el, 'td.has-free .count').map((count) => count.textContent!.trim());
      expect(counts.length).to.be.greaterThan(0);
      for (const count of counts) expect(count).to.match(/^\d+ times?$/);
      // The busiest day in view.
      const busiest = all(el, 'td.has-free').sort((a, b) => parseInt(b.querySelector('.count')!.textContent!) - parseInt(a.querySelector('.count')!.textContent!))[0]!;
      const total = parseInt(busiest.querySelector('.count')!.textContent!);
      expect(total).to.be.greaterThan(20);
      busiest.click();
      await el.updateComplete;
      const list = one(el, '[part="time-list"]')!;
      expect(all(el, '.day-part h4').map((h) => h.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal(
        all(el, '.day-part h4').map((h) => h.textContent!.replace(/\s+/g, ' ').trim()).filter((t) => /^(Morning|Afternoon|Evening) \(\d+ times?\)$/.test(t)),
      );
      expect(all(el, '.day-part h4')[0]!.textContent).to.match(/^Morning/);
      expect(list.getBoundingClientRect().height, 'times fit one phone screen').to.be.at.most(640);
      const shownBefore = all(el, '[part="time-list"] .time').length;
      expect(shownBefore).to.be.lessThan(total);
      await expect(el).to.be.accessible();

      const more = one(el, '.show-more') as HTMLButtonElement;
      const group = more.closest('.day-part')!;
      expect(more.textContent!.trim()).to.match(/^Show \d+ more times?$/);
      more.focus();
      await sendKeys({ press: 'Enter' });
      await settle(el, () => focused(el)?.classList.contains('time'), 'focus on the first time revealed');
      expect(focused(el)!.closest('.day-part')).to.equal(group);
      expect([...group.querySelectorAll('.time')].indexOf(focused(el)!)).to.equal(6);
      expect(group.querySelector('.show-more')).to.equal(null);
      expect(all(el, '[part="time-list"] .time').length).to.be.greaterThan(shownBefore);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('a hold shows its time, warns before it ends, can be extended, and can be renewed after it lapses', async () => {
    const el = await fixture<IopSchedulePicker>(html`<iop-schedule-picker api-base="/api/iop/" storage="memory" track="day-iop"></iop-schedule-picker>`);
    // Wait for the network's answer: the cached copy that paints first may list times booked since.
    await settle(el, () => one(el, '[part="time-list"]') && el.slots.state.status === 'ready' && el.slots.state.ageMs === 0, 'fresh times show');
    all(el, '[part="time-list"] button')[0]!.click();
    await settle(el, () => one(el, '[part="hold"]'), 'held');
    const firstExpiry = Date.parse(el.flow.hold!.expiresAt);
    (one(el, '#name') as HTMLInputElement).value = 'Kept Name';
    one(el, '#name')!.dispatchEvent(new Event('input'));

    // The element's clock is moved on instead of waiting five real minutes.
    el.countdown.now = () => firstExpiry - 30_000;
    el.requestUpdate();
    await settle(el, () => one(el, '[part="hold"] [role="alert"]')?.textContent?.includes('less than a minute'), 'warning');
    await expect(el).to.be.accessible();
    button(el, 'Keep it for longer')!.click();
    await settle(el, () => Date.parse(el.flow.hold!.expiresAt) > firstExpiry, 'extended');

    el.countdown.now = () => Date.parse(el.flow.hold!.expiresAt) + 1000;
    el.requestUpdate();
    await settle(el, () => button(el, 'Hold this time again'), 'lapsed');
    expect((one(el, '#name') as HTMLInputElement).value).to.equal('Kept Name');
    await expect(el).to.be.accessible();
    el.countdown.now = () => Date.now();
    button(el, 'Hold this time again')!.click();
    await settle(el, () => button(el, 'Keep it for longer'), 'held again');
    expect((one(el, '#name') as HTMLInputElement).value).to.equal('Kept Name');
  });

  it('offline at booking: says so, keeps the details, and a retry books once with the same Idempotency-Key', async () => {
    let offline = true;
    const keys: string[] = [];
    const apiBase = `/offline-${crypto.randomUUID().slice(0, 8)}/`;
    registerClient(
      apiBase,
      createClient({
        apiBase: '/api/iop/',
        retry: false,
        fetch: (input, init) => {
          if (String(input).includes('/bookings')) {
            keys.push(new Headers(init?.headers).get('idempotency-key')!);
            // A dropped connection takes a moment to fail: long enough for the busy state to render.
            if (offline) return new Promise((_, reject) => setTimeout(() => reject(new TypeError('Failed to fetch')), 300));
          }
          return fetch(input, init);
        },
      }),
    );
    const slot = await firstFreeSlot();
    const el = await fixture<IopSchedulePicker>(html`<iop-schedule-picker api-base=${apiBase} storage="memory"></iop-schedule-picker>`);
    el.initialState = reviewState(slot, 'Offline Person');
    await settle(el, () => button(el, 'Book this time'), 'review');
    button(el, 'Book this time')!.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el, () => textOf(el).includes('Booking needs a connection'), 'offline message');
    expect(textOf(el)).to.contain('Offline Person');
    // The button was busy, not disabled, while the request ran: a keyboard user is still where they were.
    expect(focused(el)?.tagName).to.equal('BUTTON');
    await expect(el).to.be.accessible();
    offline = false;
    button(el, 'Try again')!.click();
    await settle(el, () => one(el, '[part="confirmation"]'), 'booked');
    expect(keys).to.have.length(2);
    expect(keys[0]).to.equal(keys[1]);
  });
});
