import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../support/wait-until.js';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { PublicScreenerSettings } from '../../../src/api/schemas.js';
import { createClient } from '../../../src/client/client.js';
import { registerClient } from '../../../src/client/shared-clients.js';
import '../../../src/elements/intake-screener/intake-screener.js';
import type { IntakeSubmittedEvent, IopIntakeScreener } from '../../../src/elements/intake-screener/intake-screener.js';
import { defaultResultThresholds } from '../../../src/domain/screening-result.js';
import { storeFor } from '../../../src/store/shared-stores.js';
import { canary } from '../../support/fixtures.js';

// The reference server (seeded, behind the dev server) with a switch for the connection: a fetch
// that fails like a dropped connection while `offline` is set. Registered before any widget renders.
const apiBase = '/api/iop/';
const network = { offline: false, requests: 0, screenerReads: [] as string[] };
registerClient(
  apiBase,
  createClient({
    apiBase: new URL(apiBase, location.href).href,
    fetch: (input, init) => {
      network.requests += 1;
      return network.offline ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init);
    },
  }),
);
const staffToken = 'test-staff-token-0123456789abcdef';

/**
 * One center's saved screener settings, served by a stand-in (a fake, named as one): the browser tests'
 * reference server has no administrator, whose passkey sign-in is what saving settings takes (the e2e
 * and server tests save them for real). Only `GET screener-settings` is answered here, with a body the
 * contract's schema has parsed, or refused like a dropped connection ('unreadable'), or held until the
 * test lets it go; every other request, the intake included, goes to the reference server. Each call
 * gives a fresh api-base, so no cached copy leaks between tests.
 */
function centerWith(answer: PublicScreenerSettings | 'unreadable' | Promise<PublicScreenerSettings>): string {
  const base = `${apiBase}?center=${crypto.randomUUID().slice(0, 8)}`;
  registerClient(
    base,
    createClient({
      apiBase: new URL(apiBase, location.href).href,
      retry: false,
      fetch: async (input, init) => {
        const url = new URL(input instanceof Request ? input.url : String(input));
        if (!url.pathname.endsWith('/screener-settings')) return fetch(input, init);
        network.screenerReads.push(base);
        if (answer === 'unreadable') throw new TypeError('Failed to fetch');
        const body = PublicScreenerSettings.parse(await answer);
        return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
      },
    }),
  );
  return base;
}

const centerSettings = (change: Partial<PublicScreenerSettings> = {}): PublicScreenerSettings => ({
  instruments: ['gad-7'],
  thresholds: defaultResultThresholds as PublicScreenerSettings['thresholds'],
  crisisLines: [],
  quickExitUrl: 'https://www.weather.gov/',
  ...change,
});

const root = (el: IopIntakeScreener) => el.shadowRoot!;
const heading = (el: IopIntakeScreener) => root(el).querySelector('h2')?.textContent?.trim() ?? '';
const crisis = (el: IopIntakeScreener) => root(el).querySelector('[part="crisis"]');
const radio = (el: IopIntakeScreener, name: string, index: number) => root(el).querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)[index]!;

/** Everything a person answers for a short screening, up to the review (PHQ-9 + ASQ, all calm). */
const calmAnswers = (name: string) => ({
  consent: ['yes'],
  for: 'self',
  'age-group': '26-64',
  profession: 'none',
  ...Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`phq-9-${i + 1}`, 0])),
  'asq-1': 0,
  'asq-2': 0,
  'asq-3': 0,
  'asq-4': 0,
  'withdrawal-seizures': 'no',
  'withdrawal-recent': 'no',
  'withdrawal-daily': 'no',
  times: ['evening'],
  format: 'online',
  payment: 'insurance',
  'contact-name': name,
  'contact-preferred': 'phone',
  'contact-phone': '303 555 0142',
  'contact-voicemail': 'no',
});

async function seedDraft(step: string, answers: Record<string, unknown>, submitted = false) {
  await (await storeFor('local')).saveDraft('intake-screener', { step, answers, ...(submitted && { submitted }) });
}

async function resetDevice() {
  await (await storeFor('local')).clearPersonalData();
  network.offline = false;
}

/** The results the server recorded for the intakes sent under `name`, read as staff do. */
async function staffResultsNamed(name: string): Promise<string[]> {
  const headers = { authorization: `Bearer ${staffToken}` };
  const list = (await (await fetch(`${apiBase}staff/intakes?status=all&limit=500`, { headers })).json()) as { records: { id: string }[] };
  const results: string[] = [];
  for (const { id } of list.records) {
    const record = (await (await fetch(`${apiBase}staff/intakes/${id}`, { headers })).json()) as { data: { contact?: { name?: string }; result?: string } };
    if (record.data.contact?.name === name) results.push(record.data.result ?? '');
  }
  return results;
}

async function staffIntakesNamed(name: string): Promise<number> {
  return (await staffResultsNamed(name)).length;
}

/**
 * Answers the current step with the keyboard only: Tab through it, choose in each radio group with
 * Space (first option) or arrows (`choose[name]` = option index), tick the first box of a checkbox
 * group, type into text fields, then press Enter on the submit button.
 */
async function answerByKeyboard(el: IopIntakeScreener, choose: Record<string, number | string> = {}) {
  const before = heading(el);
  for (let presses = 0; presses < 250; presses += 1) {
    await sendKeys({ press: 'Tab' });
    const active = root(el).activeElement as HTMLInputElement | HTMLButtonElement | null;
    if (!active) continue;
    if (active instanceof HTMLButtonElement) {
      if (active.type !== 'submit') continue;
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => heading(el) !== before, `still on "${before}"`);
      return;
    }
    if (active.type === 'radio') {
      const index = Number(choose[active.name] ?? 0);
      if (index === 0) await sendKeys({ press: 'Space' });
      for (let step = 0; step < index; step += 1) await sendKeys({ press: 'ArrowDown' });
    } else if (active.type === 'checkbox') {
      if (active.id === active.name) await sendKeys({ press: 'Space' });
    } else if (typeof choose[active.id] === 'string') {
      await sendKeys({ type: choose[active.id] as string });
    }
    await el.updateComplete;
  }
  throw new Error(`never reached the submit button on "${before}"`);
}

// The reference server starts with the test run: wait for its first answer once (a state, with room
// for a busy machine), so no test's own timeout pays for the start.
before(async function () {
  this.timeout(60000);
  await waitUntil(async () => (await fetch('/api/iop/programs')).ok, 'the reference server', { timeout: 60000, interval: 250 });
});

describe('<iop-intake-screener>', () => {
  beforeEach(resetDevice);

  it('goes through the whole flow with the keyboard only, axe clean on every step, and sends once', async () => {
    const name = canary('kb');
    const el = await fixture<IopIntakeScreener>(html`<iop-intake-screener api-base=${apiBase} instruments="phq-9,asq"></iop-intake-screener>`);
    await waitUntil(() => heading(el) === 'Before you start');
    expect(root(el).querySelector('.progress')!.textContent).to.equal('Step 1 of 9');
    root(el).querySelector<HTMLElement>('h2')!.focus();
    const plan: [string, Record<string, number | string>][] = [
      ['Before you start', {}],
      ['About you', {}],
      ['Your work', {}],
      ['How you have been feeling (PHQ-9)', {}],
      ['Your safety (ASQ)', { 'asq-1': 1, 'asq-2': 1, 'asq-3': 1, 'asq-4': 1 }],
      ['Stopping or cutting down', { 'withdrawal-seizures': 1, 'withdrawal-recent': 1, 'withdrawal-daily': 1 }],
      ['What would work for you', {}],
      ['How can we reach you?', { 'contact-name': name, 'contact-phone': '303 555 0142', 'contact-voicemail': 1 }],
    ];
    for (const [title, choose] of plan) {
      expect(heading(el)).to.equal(title);
      await expect(el).to.be.accessible();
      await answerByKeyboard(el, choose);
      // Focus moves to each new step's heading.
      expect(root(el).activeElement).to.equal(root(el).querySelector('h2'));
    }
    expect(heading(el)).to.equal('Check your answers');
    expect(root(el).textContent).to.include('Your answers suggest an intensive outpatient program may be a fit');
    await expect(el).to.be.accessible();
    // The contact step left the contact for the other widgets to offer.
    const shared = await (await storeFor('local')).loadDraft<{ name: string; preferred: string; voicemailOk: boolean }>('shared-contact');
    expect(shared).to.deep.equal({ name, phone: '303 555 0142', preferred: 'phone', voicemailOk: false });

    const submitted = oneEvent(el, 'iop-intake-submitted') as Promise<IntakeSubmittedEvent>;
    await answerByKeyboard(el);
    const event = await submitted;
    expect(Object.keys(event.detail)).to.deep.equal(['intakeId', 'status']);
    expect(event.detail.status).to.equal('sent');
    expect(event.bubbles && event.composed).to.equal(true);
    expect(heading(el)).to.equal('Thank you. We have your answers');
    // The receipt shows the server's reference to read aloud, not the opaque id the event carries.
    expect(root(el).textContent).not.to.include(event.detail.intakeId);
    const reference = root(el).querySelector('[part="reference"] [aria-hidden="true"]')!.textContent!;
    expect(reference).to.match(/^[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}$/);
    expect(root(el).querySelector('[part="reference"] .visually-hidden')!.textContent).to.equal([...reference.replace(/-/g, '')].join(' ').replace(/(\S \S \S) /g, '$1, '));
    const byReference = (await (await fetch(`${apiBase}staff/intakes?status=all&reference=${reference}`, { headers: { authorization: `Bearer ${staffToken}` } })).json()) as { records: { id: string }[] };
    expect(byReference.records.map((record) => record.id)).to.deep.equal([event.detail.intakeId]);
    await expect(el).to.be.accessible();
    expect(await staffIntakesNamed(name)).to.equal(1);
    expect(document.title + location.href + JSON.stringify(event.detail)).not.to.include(name);
  });

  it('defaults to a frame from the API origin when api-base is on another origin, and stays inline on the same origin', async () => {
    // Nothing answers on this origin: the test reads only what the tag renders, not the frame's content.
    const crossOrigin = 'http://iop-api.invalid/api/iop/';
    const framed = await fixture<IopIntakeScreener>(html`<iop-intake-screener api-base=${crossOrigin} storage="memory"></iop-intake-screener>`);
    // The frame's code is loaded the first time a widget is framed.
    await waitUntil(() => root(framed).querySelector('iframe'), 'the frame');
    const frame = root(framed).querySelector('iframe');
    expect(frame, 'an iframe').not.to.equal(null);
    const src = new URL(frame!.src);
    expect(`${src.origin}${src.pathname}`).to.equal('http://iop-api.invalid/api/iop/embed/iop-intake-screener');
    expect(src.searchParams.get('parent')).to.equal(location.origin);
    expect(frame!.title).to.equal('Confidential form');
    expect(root(framed).querySelector('input, form'), 'no field on the page').to.equal(null);

    const forcedInline = await fixture<IopIntakeScreener>(html`<iop-intake-screener api-base=${crossOrigin} isolation="inline" storage="memory"></iop-intake-screener>`);
    expect(root(forcedInline).querySelector('iframe'), 'isolation="inline" wins').to.equal(null);

    const sameOrigin = await fixture<IopIntakeScreener>(html`<iop-intake-screener api-base=${apiBase} instruments="phq-9,asq"></iop-intake-screener>`);
    await waitUntil(() => heading(sameOrigin) === 'Before you start');
    expect(root(sameOrigin).querySelector('iframe')).to.equal(null);
  });

  it('shows the error summary, linked and focused, when Continue is pressed with missing answers', async () => {
    await seedDraft('phq-9', { consent: ['yes'], for: 'self', 'age-group': '26-64', profession: 'none', 'phq-9-1': 1 });
    const el = await fixture<IopIntakeScreener>(html`<iop-intake-screener api-base=${apiBase} instruments="phq-9,asq"></iop-intake-screener>`);
    await waitUntil(() => heading(el).includes('PHQ-9'));
    root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => root(el).querySelector('.error-summary'));
    const summary = root(el).querySelector<HTMLElement>('.error-summary')!;
    expect(root(el).activeElement).to.equal(summary);
    expect(summary.textContent).to.include('There is a problem');
    const links = [...summary.querySelectorAll('a')];
    expect(links.map((link) => link.getAttribute('href'))).to.deep.equal(['#phq-9-2', '#phq-9-3', '#phq-9-4', '#phq-9-5', '#phq-9-6', '#phq-9-7', '#phq-9-8', '#phq-9-9']);
    expect(links[0]!.textContent).to.equal('Select an answer to question 2');
    const first = root(el).getElementById('phq-9-2') as HTMLInputElement;
    expect(first.getAttribute('aria-invalid')).to.equal('true');
    expect(root(el).getElementById('phq-9-2-error')!.textContent).to.include('Error:');
    expect(heading(el)).to.include('PHQ-9');
    await expect(el).to.be.accessible();
    links[0]!.click();
    expect(root(el).activeElement).to.equal(first);
  });

  it('shows the crisis panel at once on PHQ-9 item 9 with the network blocked', async () => {
    await seedDraft('phq-9', { consent: ['yes'], for: 'self', 'age-group': '26-64', profession: 'none' });
    network.offline = true;
    const el = await fixture<IopIntakeScreener>(html`<iop-intake-screener api-base=${apiBase} instruments="phq-9,asq"></iop-intake-screener>`);
    await waitUntil(() => heading(el).includes('PHQ-9'));
    expect(crisis(el)).to.equal(null);
    const requestsBefore = network.requests;
    radio(el, 'phq-9-9', 1).click();
    await el.updateComplete;
    const panel = crisis(el)!;
    expect(panel).not.to.equal(null);
    expect(panel.textContent).to.include('Call 988');
    expect([...panel.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.include.members(['tel:988', 'sms:988', 'tel:911']);
    expect(network.requests).to.equal(requestsBefore);
    await expect(el).to.be.accessible();
  });

  it('puts the crisis panel in view beside the answer on a phone, announces it and keeps focus on the answer', async () => {
    await setViewport({ width: 360, height: 640 });
    try {
      await seedDraft('phq-9', { consent: ['yes'], for: 'self', 'age-group': '26-64', profession: 'none' });
      const el = await fixture<IopIntakeScreener>(html`<iop-intake-screener api-base=${apiBase} instruments="phq-9,asq"></iop-intake-screener>`);
      await waitUntil(() => heading(el).includes('PHQ-9'));
      const alert = root(el).querySelector('[role="alert"]')!;
      expect(alert.textContent!.trim()).to.equal('');
      const notAtAll = radio(el, 'phq-9-9', 0);
      notAtAll.scrollIntoView({ block: 'center' });
      notAtAll.focus();
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => crisis(el), 'no crisis panel');
      await el.updateComplete;
      const box = crisis(el)!.getBoundingClientRect();
      expect(box.top, 'panel top inside the viewport').to.be.within(0, innerHeight - 1);
      expect(box.bottom, 'panel bottom').to.be.greaterThan(0);
      // Beside the answer: the question that raised it comes right before the panel.
      expect(crisis(el)!.previousElementSibling!.querySelector('input')!.name).to.equal('phq-9-9');
      expect(alert.textContent).to.include('You don’t have to go through this alone');
      expect(root(el).activeElement).to.equal(radio(el, 'phq-9-9', 1));
      expect(radio(el, 'phq-9-9', 1).checked).to.equal(true);
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('names each question in the error summary, so no two links read the same', async () => {
    await seedDraft('withdrawal', { consent: ['yes'], for: 'self', 'age-group': '26-64', profession: 'none' });
    const el = await fixture<IopIntakeScreener>(html`<iop-intake-screener api-base=${apiBase} instruments="phq-9,asq"></iop-intake-screener>`);
    await waitUntil(() => heading(el) === 'Stopping or cutting down');
    root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => root(el).querySelector('.error-summary'));
    const links = [...root(el).querySelectorAll('.error-summary a')].map((link) => link.textContent!.trim());
    expect(links).to.have.length(3);
    expect(new Set(links).size).to.equal(3);
    expect(links[0]).to.equal('Select an answer about seizures or the DTs');
  });

  it('makes the crisis panel urgent on an ASQ acuity "yes", in Spanish too', async () => {
    await seedDraft('asq', { consent: ['yes'], for: 'self', 'age-group': '26-64', profession: 'none' });
    const el = await fixture<IopIntakeScreener>(html`<iop-intake-screener api-base=${apiBase} locale="es" instruments="asq"></iop-intake-screener>`);
    await waitUntil(() => heading(el).includes('ASQ'));
    expect(root(el).querySelectorAll('fieldset')).to.have.length(4);
    radio(el, 'asq-1', 0).click();
    await el.updateComplete;
    expect(crisis(el)!.textContent).to.include('No tiene que pasar por esto solo(a)');
    // Item 5 (acuity) appears only now.
    radio(el, 'asq-5', 0).click();
    await el.updateComplete;
    expect(crisis(el)!.querySelector('h3')!.textContent).to.equal('Por favor, busque ayuda ahora');
    await expect(el).to.be.accessible();
  });

  it('speaks Spanish when the page says lang="es", and its language switch changes it', async () => {
    const page = document.documentElement;
    const pageLang = page.getAttribute('lang');
    page.setAttribute('lang', 'es');
    try {
      const el = await fixture<IopIntakeScreener>(html`<iop-intake-screener api-base=${apiBase}></iop-intake-screener>`);
      await waitUntil(() => heading(el) === 'Antes de empezar');
      const switchGroup = root(el).querySelector<HTMLElement>('[role="group"][aria-label="Idioma"]')!;
      const options = [...switchGroup.querySelectorAll('button')];
      expect(options.map((button) => [button.textContent!.trim(), button.lang, button.getAttribute('aria-pressed')])).to.deep.equal([
        ['English', 'en', 'false'],
        ['Español', 'es', 'true'],
      ]);
      await expect(el).to.be.accessible();
      options[0]!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => heading(el) === 'Before you start');
      expect(root(el).querySelector('[role="group"]')!.getAttribute('aria-label')).to.equal('Language');
    } finally {
      if (pageLang === null) page.removeAttribute('lang');
      else page.setAttribute('lang', pageLang);
    }
  });

  it('speaks Spanish when the browser prefers it and the page names no language', async () => {
    const page = document.documentElement;
    const pageLang = page.getAttribute('lang');
    page.removeAttribute('lang');
    Object.defineProperty(navigator, 'languages', { configurable: true, get: () => ['es-419', 'en'] });
    try {
      const el = await fixture<IopIntakeScreener>(html`<iop-intake-screener api-base=${apiBase}></iop-intake-screener>`);
      await waitUntil(() => heading(el) === 'Antes de empezar');
      expect(root(el).querySelector('.screener')!.getAttribute('lang')).to.equal('es');
    } finally {
      delete (navigator as { languages?: unknown }).languages;
      if (pageLang !== null) page.setAttribute('lang', pageLang);
    }
  });

  it('resumes where the person left off after a reload', async () => {
    const first = await fixture<IopIntakeScreener>(html`<iop-intake-screener api-base=${apiBase}></iop-intake-screener>`);
    await waitUntil(() => heading(first) === 'Before you start');
    root(first).querySelector<HTMLElement>('h2')!.focus();
    await answerByKeyboard(first);
    await answerByKeyboard(first, { 'age-group': 2 });
    expect(heading(first)).to.equal('Your work');
    first.remove();

    const again = await fixture<IopIntakeScreener>(html`<iop-intake-screener api-base=${apiBase}></iop-intake-screener>`);
    await waitUntil(() => heading(again) === 'Your work');
    expect(root(again).textContent).to.include('Welcome back');
    expect(again.shadowRoot!.querySelector('.progress')!.textContent).to.equal('Step 3 of 12');
    root(again).querySelector<HTMLButtonElement>('.button--secondary')!.click();
    await waitUntil(() => heading(again) === 'About you');
    expect(radio(again, 'age-group', 2).checked).to.equal(true);
    await expect(again).to.be.accessible();
  });

  it('saves nothing on the device in shared-device mode, and says so', async () => {
    const el = await fixture<IopIntakeScreener>(html`<iop-intake-screener api-base=${apiBase} storage="memory"></iop-intake-screener>`);
    await waitUntil(() => heading(el) === 'Before you start');
    await waitUntil(() => root(el).textContent!.includes('Shared-device mode: nothing you type is saved on this device.'));
    root(el).querySelector<HTMLElement>('h2')!.focus();
    await answerByKeyboard(el);
    await answerByKeyboard(el);
    expect(heading(el)).to.equal('Your work');
    await expect(el).to.be.accessible();
    const drafts = await new Promise<number>((resolve, reject) => {
      const open = indexedDB.open('iop-widgets');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('drafts')) return resolve(0);
        const count = db.transaction('drafts').objectStore('drafts').count();
        count.onsuccess = () => resolve(count.result);
        count.onerror = () => reject(count.error);
      };
    });
    expect(drafts).to.equal(0);
  });

  it('queues an offline submission, says so, and delivers it once when back online', async () => {
    const name = canary('offline');
    await seedDraft('review', calmAnswers(name));
    network.offline = true;
    const el = await fixture<IopIntakeScreener>(html`<iop-intake-screener api-base=${apiBase} instruments="phq-9,asq"></iop-intake-screener>`);
    await waitUntil(() => heading(el) === 'Check your answers');
    const queued = oneEvent(el, 'iop-intake-submitted') as Promise<IntakeSubmittedEvent>;
    root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    expect((await queued).detail.status).to.equal('queued');
    await waitUntil(() => heading(el) === 'Saved on this device');
    expect(root(el).textContent).to.include('Saved on this device; it will be sent when you are back online');
    await expect(el).to.be.accessible();

    const sent = oneEvent(el, 'iop-intake-submitted') as Promise<IntakeSubmittedEvent>;
    network.offline = false;
    window.dispatchEvent(new Event('online'));
    expect((await sent).detail.status).to.equal('sent');
    await waitUntil(() => heading(el) === 'Thank you. We have your answers');
    expect(await staffIntakesNamed(name)).to.equal(1);
    // Delivered: the draft is gone, so a reload starts afresh.
    expect(await (await storeFor('local')).loadDraft('intake-screener')).to.equal(undefined);
  });

  it('shows the queued receipt again after a reload instead of sending twice', async () => {
    const name = canary('requeue');
    await seedDraft('review', calmAnswers(name));
    network.offline = true;
    const el = await fixture<IopIntakeScreener>(html`<iop-intake-screener api-base=${apiBase} instruments="phq-9,asq"></iop-intake-screener>`);
    await waitUntil(() => heading(el) === 'Check your answers');
    root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => heading(el) === 'Saved on this device');
    el.remove();
    const again = await fixture<IopIntakeScreener>(html`<iop-intake-screener api-base=${apiBase} instruments="phq-9,asq"></iop-intake-screener>`);
    await waitUntil(() => heading(again) === 'Saved on this device');
    network.offline = false;
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => heading(again) === 'Thank you. We have your answers');
    expect(await staffIntakesNamed(name)).to.equal(1);
  });

  it('clears the answers and the draft on "Clear my answers"', async () => {
    await seedDraft('about', { consent: ['yes'], for: 'self' });
    const el = await fixture<IopIntakeScreener>(html`<iop-intake-screener api-base=${apiBase}></iop-intake-screener>`);
    await waitUntil(() => heading(el) === 'About you');
    root(el).querySelector<HTMLButtonElement>('.toolbar .link-button')!.click();
    await waitUntil(() => heading(el) === 'Before you start');
    expect(root(el).textContent).to.include('Your answers have been cleared from this device.');
    expect(await (await storeFor('local')).loadDraft('intake-screener')).to.equal(undefined);
  });

  it('offers "Leave this page" only for an https quick-exit-url', async () => {
    const safe = await fixture<IopIntakeScreener>(html`<iop-intake-screener api-base=${apiBase} quick-exit-url="https://www.weather.gov/"></iop-intake-screener>`);
    await waitUntil(() => heading(safe) === 'Before you start');
    expect(root(safe).querySelector('.leave')!.textContent).to.equal('Leave this page');
    await expect(safe).to.be.accessible();
    // Without the center's settings, an address that is not https gives no button at all.
    const unsafe = await fixture<IopIntakeScreener>(html`<iop-intake-screener api-base=${centerWith('unreadable')} quick-exit-url="javascript:alert(1)"></iop-intake-screener>`);
    await waitUntil(() => heading(unsafe) === 'Before you start');
    await waitUntil(() => network.screenerReads.length > 0, 'the settings read was tried');
    await unsafe.updateComplete;
    expect(root(unsafe).querySelector('.leave')).to.equal(null);
  });

  it('takes the quick-exit address from the reference server’s screener settings when the page sets none', async () => {
    const el = await fixture<IopIntakeScreener>(html`<iop-intake-screener api-base=${apiBase}></iop-intake-screener>`);
    await waitUntil(() => heading(el) === 'Before you start');
    const answer = PublicScreenerSettings.parse(await (await fetch(`${apiBase}screener-settings`)).json());
    await waitUntil(() => root(el).querySelector('.leave'), 'the center’s quick exit');
    expect(answer.quickExitUrl.startsWith('https://')).to.equal(true);
  });

  it('shows the healthcare-professional module to a nurse, in Spanish', async () => {
    await seedDraft('profession', { consent: ['yes'], for: 'self', 'age-group': '26-64' });
    const el = await fixture<IopIntakeScreener>(html`<iop-intake-screener api-base=${apiBase} locale="es"></iop-intake-screener>`);
    await waitUntil(() => heading(el) === 'Su trabajo');
    radio(el, 'profession', 1).click();
    await el.updateComplete;
    root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => heading(el) === 'Para profesionales de la salud');
    expect(root(el).textContent).to.include('Estas respuestas no se puntúan');
    await expect(el).to.be.accessible();
  });

  describe('follows the center’s screener settings', () => {
    it('shows the center’s crisis line after 988 and 911, with call, text and web links, in English and Spanish', async () => {
      const base = centerWith(
        centerSettings({
          instruments: ['phq-9', 'asq'],
          crisisLines: [
            { name: 'Mountain Crisis Line', phone: '+1 (844) 493-8255', text: '38255', url: 'https://example.org/crisis', translations: { es: { name: 'Línea de Crisis de la Montaña' } } },
            { name: 'Peer Warm Line', phone: '303 555 0199' },
          ],
        }),
      );
      await seedDraft('phq-9', { consent: ['yes'], for: 'self', 'age-group': '26-64', profession: 'none' });
      const el = await fixture<IopIntakeScreener>(html`<iop-intake-screener api-base=${base}></iop-intake-screener>`);
      await waitUntil(() => heading(el).includes('PHQ-9'));
      radio(el, 'phq-9-9', 1).click();
      await waitUntil(() => crisis(el)?.textContent?.includes('Mountain Crisis Line'), 'the center’s crisis line');
      const links = () => [...crisis(el)!.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.textContent!.trim()]);
      expect(links().map(([href]) => href)).to.deep.equal([
        'tel:988',
        'sms:988',
        'https://988lifeline.org/chat/',
        'tel:911',
        'tel:+18444938255',
        'sms:38255',
        'https://example.org/crisis',
        'tel:3035550199',
      ]);
      expect(links().slice(4)).to.deep.equal([
        ['tel:+18444938255', 'Call Mountain Crisis Line at +1 (844) 493-8255'],
        ['sms:38255', 'Text Mountain Crisis Line at 38255'],
        ['https://example.org/crisis', 'Mountain Crisis Line website'],
        ['tel:3035550199', 'Call Peer Warm Line at 303 555 0199'],
      ]);
      await expect(el).to.be.accessible();

      el.locale = 'es';
      await waitUntil(() => crisis(el)?.textContent?.includes('Línea de Crisis de la Montaña'), 'the Spanish name');
      expect(links().slice(4).map(([, words]) => words)).to.deep.equal([
        'Llame a Línea de Crisis de la Montaña al +1 (844) 493-8255',
        'Envíe un mensaje de texto a Línea de Crisis de la Montaña al 38255',
        'Sitio web de Línea de Crisis de la Montaña',
        'Llame a Peer Warm Line al 303 555 0199',
      ]);
      expect(links()[0]![0]).to.equal('tel:988');
      await expect(el).to.be.accessible();
    });

    it('asks the center’s instruments when the page names none', async () => {
      const base = centerWith(centerSettings({ instruments: ['gad-7'] }));
      await seedDraft('profession', { consent: ['yes'], for: 'self', 'age-group': '26-64' });
      const el = await fixture<IopIntakeScreener>(html`<iop-intake-screener api-base=${base}></iop-intake-screener>`);
      await waitUntil(() => heading(el) === 'Your work');
      // The center's quick-exit address shows that its settings have arrived.
      await waitUntil(() => root(el).querySelector('.leave'), 'the center’s settings');
      expect(root(el).querySelector('.progress')!.textContent).to.equal('Step 3 of 8');
      radio(el, 'profession', 0).click();
      root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await waitUntil(() => heading(el).includes('GAD-7'), 'the center’s only instrument');
      root(el).querySelector<HTMLButtonElement>('.button--secondary')!.click();
      await waitUntil(() => heading(el) === 'Your work');
      expect((await (await storeFor('local')).loadDraft<{ instruments?: string[] }>('intake-screener'))?.instruments).to.deep.equal(['gad-7']);
    });

    it('asks the instruments the page names, over the center’s list', async () => {
      const base = centerWith(centerSettings({ instruments: ['gad-7'] }));
      await seedDraft('profession', { consent: ['yes'], for: 'self', 'age-group': '26-64' });
      const el = await fixture<IopIntakeScreener>(html`<iop-intake-screener api-base=${base} instruments="dast-10,asq"></iop-intake-screener>`);
      await waitUntil(() => heading(el) === 'Your work');
      await waitUntil(() => root(el).querySelector('.leave'), 'the center’s settings');
      expect(root(el).querySelector('.progress')!.textContent).to.equal('Step 3 of 9');
      radio(el, 'profession', 0).click();
      root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await waitUntil(() => heading(el).includes('DAST-10'), 'the page’s first instrument');
    });

    it('renders the first step before the settings arrive, and keeps what was answered when they do', async () => {
      let release!: (value: PublicScreenerSettings) => void;
      const base = centerWith(new Promise<PublicScreenerSettings>((resolve) => (release = resolve)));
      const el = await fixture<IopIntakeScreener>(html`<iop-intake-screener api-base=${base}></iop-intake-screener>`);
      await waitUntil(() => heading(el) === 'Before you start');
      expect(network.screenerReads).to.include(base);
      root(el).querySelector<HTMLElement>('h2')!.focus();
      await answerByKeyboard(el);
      await answerByKeyboard(el, { 'age-group': 2 });
      expect(heading(el)).to.equal('Your work');
      // The screening under way keeps the set it started with: no question it holds an answer to disappears;
      // and "Leave this page" joins the toolbar's row without moving the step (a phone's width).
      await setViewport({ width: 360, height: 640 });
      try {
        const top = () => root(el).querySelector('h2')!.getBoundingClientRect().top;
        const before = top();
        release(centerSettings({ instruments: ['gad-7'] }));
        await waitUntil(() => root(el).querySelector('.leave'), 'the center’s settings');
        expect(top()).to.equal(before);
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
      expect(root(el).querySelector('.progress')!.textContent).to.equal('Step 3 of 12');
      root(el).querySelector<HTMLButtonElement>('.button--secondary')!.click();
      await waitUntil(() => heading(el) === 'About you');
      expect(radio(el, 'age-group', 2).checked).to.equal(true);
    });

    it('shows the result by the center’s thresholds, over the attribute’s, and the server records the same', async () => {
      // PHQ-9 total 5: "mild", a more intensive level only by this center's cut-off (the default is 20).
      const base = centerWith(centerSettings({ instruments: ['phq-9', 'asq'], thresholds: { ...(defaultResultThresholds as PublicScreenerSettings['thresholds']), higherLevelPhq9: 5 } }));
      const name = canary('thresholds');
      await seedDraft('review', { ...calmAnswers(name), 'phq-9-1': 1, 'phq-9-2': 1, 'phq-9-3': 1, 'phq-9-4': 1, 'phq-9-5': 1 });
      const attribute = JSON.stringify({ higherLevelPhq9: null });
      const el = await fixture<IopIntakeScreener>(html`<iop-intake-screener api-base=${base} instruments="phq-9,asq" thresholds=${attribute}></iop-intake-screener>`);
      await waitUntil(() => heading(el) === 'Check your answers');
      await waitUntil(() => root(el).querySelector('.leave'), 'the center’s settings');
      expect(root(el).querySelector('.result')!.textContent).to.include('a more intensive level of care may be worth discussing');
      root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await waitUntil(() => root(el).querySelector('[part="receipt"]'), 'the receipt');
      expect(root(el).querySelector('[part="receipt"]')!.textContent).to.include('a more intensive level of care may be worth discussing');
      expect(await staffResultsNamed(name)).to.deep.equal(['higher-level']);
    });

    it('keeps the room of "Leave this page" while the settings are on their way, in Spanish on a narrow phone', async () => {
      let release!: (value: PublicScreenerSettings) => void;
      const base = centerWith(new Promise<PublicScreenerSettings>((resolve) => (release = resolve)));
      await setViewport({ width: 320, height: 640 });
      try {
        const el = await fixture<IopIntakeScreener>(html`<iop-intake-screener api-base=${base} locale="es"></iop-intake-screener>`);
        await waitUntil(() => heading(el) === 'Antes de empezar');
        const reserved = root(el).querySelector('.leave.reserved')!;
        expect(getComputedStyle(reserved).visibility).to.equal('hidden');
        const top = root(el).querySelector('h2')!.getBoundingClientRect().top;
        await expect(el).to.be.accessible();
        release(centerSettings());
        await waitUntil(() => root(el).querySelector('.leave:not(.reserved)'), 'the center’s quick exit');
        expect(root(el).querySelector('h2')!.getBoundingClientRect().top).to.equal(top);
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });

    it('lets the person screen and send when the settings cannot be read: the built-in defaults, no error page', async () => {
      const base = centerWith('unreadable');
      const fresh = await fixture<IopIntakeScreener>(html`<iop-intake-screener api-base=${base}></iop-intake-screener>`);
      await waitUntil(() => heading(fresh) === 'Before you start');
      await waitUntil(() => network.screenerReads.includes(base), 'the settings read was tried');
      await fresh.updateComplete;
      expect(root(fresh).querySelector('.progress')!.textContent).to.equal('Step 1 of 12');
      expect(root(fresh).querySelector('.leave')).to.equal(null);
      root(fresh).querySelector<HTMLElement>('h2')!.focus();
      await answerByKeyboard(fresh);
      expect(heading(fresh)).to.equal('About you');
      fresh.remove();

      const name = canary('unreadable');
      await seedDraft('review', calmAnswers(name));
      const el = await fixture<IopIntakeScreener>(html`<iop-intake-screener api-base=${base} instruments="phq-9,asq"></iop-intake-screener>`);
      await waitUntil(() => heading(el) === 'Check your answers');
      root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await waitUntil(() => root(el).querySelector('[part="receipt"]'), 'the receipt');
      expect(await staffIntakesNamed(name)).to.equal(1);
    });
  });
});
