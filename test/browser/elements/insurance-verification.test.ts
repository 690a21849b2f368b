// <iop-insurance-verification> against the seeded reference server behind /api/iop/, whose eligibility
// provider talks over HTTP to the STAND-IN clearinghouse (a fake of the outside world, answering from
// recorded 271 documents: server/eligibility/stand-in-clearinghouse.ts).
import { expect, fixture, fixtureCleanup, html, nextFrame, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../support/wait-until.js';
import { sendKeys } from '@web/test-runner-commands';
import type { Contact } from '../../../src/api/schemas.js';
import { createClient } from '../../../src/client/client.js';
import { registerClient } from '../../../src/client/shared-clients.js';
import { hasJpegMetadata } from '../../../src/domain/card-photo.js';
import '../../../src/elements/insurance-verification/insurance-verification.js';
import type { IopEligibilityCheckedEvent, IopInsuranceVerification } from '../../../src/elements/insurance-verification/insurance-verification.js';
import { storeFor } from '../../../src/store/shared-stores.js';
import { faultBase, faultStats, runId } from '../../support/fixtures.js';
import type { StorageMode } from '../../../src/store/store.js';

const API = '/api/iop/';
const DRAFT = 'insurance-verification';
/** `testStaffToken` of test/support/reference-api.mjs, which imports Node modules and cannot load here. */
const STAFF_TOKEN = 'test-staff-token-0123456789abcdef';

// The reference server with a switch that drops the connection for card-photo uploads only, so a
// check can succeed while its photos wait in the outbox. Registered before any widget renders.
const network = { photosOffline: false };
registerClient(
  API,
  createClient({
    apiBase: new URL(API, location.href).href,
    fetch: (input, init) =>
      network.photosOffline && String(input instanceof Request ? input.url : input).endsWith('/card-photos')
        ? Promise.reject(new TypeError('Failed to fetch'))
        : fetch(input, init),
  }),
);

const root = (el: IopInsuranceVerification) => el.shadowRoot!;
const text = (el: IopInsuranceVerification) => root(el).textContent!.replace(/\s+/g, ' ');
const $ = <T extends Element = HTMLElement>(el: IopInsuranceVerification, selector: string) => root(el).querySelector<T>(selector);
const active = (el: IopInsuranceVerification) => root(el).activeElement as HTMLElement | null;
const heading = (el: IopInsuranceVerification) => $(el, 'h2')?.textContent?.trim() ?? '';

/**
 * Removes the widgets (which save their draft as they go) and then their drafts, until nothing
 * comes back: a save started just before removal may land after the first clear.
 */
async function forgetDrafts(): Promise<void> {
  fixtureCleanup();
  const stores = await Promise.all((['memory', 'local'] as StorageMode[]).map((mode) => storeFor(mode)));
  for (let round = 0; round < 20; round += 1) {
    for (const store of stores) {
      await store.removeDraft(DRAFT);
      await store.removeDraft('shared-contact');
    }
    await nextFrame();
    const left = await Promise.all(stores.map((store) => store.loadDraft(DRAFT)));
    if (round >= 2 && left.every((draft) => draft === undefined)) return;
  }
}

async function mount(options: { storage?: StorageMode; locale?: string } = {}): Promise<IopInsuranceVerification> {
  const el = await fixture<IopInsuranceVerification>(
    html`<iop-insurance-verification api-base=${API} storage=${options.storage ?? 'memory'} locale=${options.locale ?? 'en'}></iop-insurance-verification>`,
  );
  await waitUntil(() => $(el, '#payer'), 'the insurer question');
  return el;
}

async function type(el: IopInsuranceVerification, id: string, value: string): Promise<void> {
  const input = $<HTMLInputElement>(el, `#${id}`)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function choosePayer(el: IopInsuranceVerification, query: string, name: string): Promise<void> {
  $<HTMLInputElement>(el, '#payer')!.focus();
  await sendKeys({ type: query });
  await waitUntil(() => [...root(el).querySelectorAll('[role="option"]')].some((option) => option.textContent!.includes(name)), `${name} is offered`, { timeout: 5000 });
  for (let presses = 0; presses < 40 && !$(el, '[role="option"][aria-selected="true"]')?.textContent!.includes(name); presses += 1) {
    await sendKeys({ press: 'ArrowDown' });
  }
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
}

async function fillMember(el: IopInsuranceVerification, memberId: string): Promise<void> {
  await waitUntil(() => $(el, '#member-id'), 'the card details', { timeout: 5000 });
  await type(el, 'member-id', memberId);
  await type(el, 'patient-first-name', 'Alex');
  await type(el, 'patient-last-name', 'Rivera');
  await type(el, 'patient-dob', '1988-04-02');
  $<HTMLInputElement>(el, '#relationship')!.click();
  await el.updateComplete;
}

function submit(el: IopInsuranceVerification): void {
  $<HTMLButtonElement>(el, 'form button[type="submit"]')!.click();
}

/** Payer, member ID, submit: returns once the result (not the progress) shows. */
async function checkMember(el: IopInsuranceVerification, memberId: string, payer: [string, string] = ['Aetna', 'Aetna']): Promise<void> {
  await choosePayer(el, ...payer);
  submit(el);
  await fillMember(el, memberId);
  submit(el);
  await waitUntil(() => heading(el) === 'What we found', 'the result', { timeout: 12000 });
}

async function tabTo(el: IopInsuranceVerification, matches: (focused: HTMLElement) => boolean, what: string): Promise<void> {
  for (let presses = 0; presses < 40; presses += 1) {
    const focused = active(el);
    if (focused && matches(focused)) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${what}`);
}

/** What staff see of a check's card photos: the list on the check, and each image's bytes. */
async function staffCardPhotos(checkId: string): Promise<{ side: string; type: string | null; cache: string | null; bytes: Uint8Array }[]> {
  const headers = { authorization: `Bearer ${STAFF_TOKEN}` };
  const record = (await (await fetch(`${API}staff/eligibility-checks/${checkId}`, { headers })).json()) as { data: { cardPhotos: { id: string; side: string }[] } };
  return Promise.all(
    record.data.cardPhotos.map(async ({ id, side }) => {
      const image = await fetch(`${API}staff/eligibility-checks/${checkId}/card-photos/${id}`, { headers });
      return { side, type: image.headers.get('content-type'), cache: image.headers.get('cache-control'), bytes: new Uint8Array(await image.arrayBuffer()) };
    }),
  );
}

/** Adds a small card-like JPEG on the member step; resolves with the re-encoded bytes the preview shows. */
async function addCardPhoto(el: IopInsuranceVerification, side: 'front' | 'back'): Promise<Uint8Array> {
  const canvas = document.createElement('canvas');
  canvas.width = 1000;
  canvas.height = 630;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#2a6';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#fff';
  context.font = '64px sans-serif';
  context.fillText(`MEMBER ${side.toUpperCase()}`, 60, 200);
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((made) => resolve(made!), 'image/jpeg', 0.9));
  const input = $<HTMLInputElement>(el, `#photo-${side}`)!;
  const files = new DataTransfer();
  files.items.add(new File([blob], 'card.jpg', { type: 'image/jpeg' }));
  input.files = files.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await waitUntil(() => input.closest('.photo')!.querySelector('img'), 'the preview', { timeout: 12000 });
  return new Uint8Array(await (await fetch(input.closest('.photo')!.querySelector('img')!.src)).arrayBuffer());
}

/** Every outbox record as IndexedDB holds it, for "is a photo stored in clear?" checks. */
async function rawOutbox(): Promise<{ endpoint: string; operation: { data: ArrayBuffer } }[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const opening = indexedDB.open('iop-widgets');
    opening.onsuccess = () => resolve(opening.result);
    opening.onerror = () => reject(opening.error);
  });
  try {
    return await new Promise((resolve, reject) => {
      const all = db.transaction('outbox').objectStore('outbox').getAll();
      all.onsuccess = () => resolve(all.result);
      all.onerror = () => reject(all.error);
    });
  } finally {
    db.close();
  }
}

describe('<iop-insurance-verification>', () => {
  // The reference server starts with the test run (a fresh database): wait for it once, not in every test.
  before(async function () {
    this.timeout(60000);
    await waitUntil(async () => (await fetch(`${API}programs`)).ok, 'the reference server', { timeout: 60000, interval: 250 });
  });
  beforeEach(forgetDrafts);
  afterEach(forgetDrafts);

  describe('insurer combobox (ARIA APG)', () => {
    it('filters the seeded insurers as one types and selects with the arrow keys and Enter', async () => {
      const el = await mount();
      const input = $<HTMLInputElement>(el, '#payer')!;
      expect(input.getAttribute('role')).to.equal('combobox');
      expect(input.getAttribute('aria-expanded')).to.equal('false');
      input.focus();
      await sendKeys({ type: 'blue shield of cal' });
      await waitUntil(() => root(el).querySelectorAll('[role="option"]').length === 1, 'one match', { timeout: 5000 });
      expect(input.getAttribute('aria-expanded')).to.equal('true');
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      const option = $(el, '[role="option"][aria-selected="true"]')!;
      expect(input.getAttribute('aria-activedescendant')).to.equal(option.id);
      expect(option.textContent).to.contain('Blue Shield of California');
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(input.value).to.equal('Blue Shield of California');
      expect(input.getAttribute('aria-expanded')).to.equal('false');
      // The center's own contract list says it is out of network.
      expect(text(el)).to.contain('We are not in network with this insurer');
    });

    it('picks what was typed when Down and Enter follow the typing at once', async () => {
      const el = await mount();
      const input = $<HTMLInputElement>(el, '#payer')!;
      input.focus();
      await sendKeys({ type: 'h' });
      await waitUntil(() => root(el).querySelectorAll('[role="option"]').length > 3, 'the insurers with an h', { timeout: 5000 });
      // No wait between typing and choosing: the list on screen was fetched for "h".
      await sendKeys({ type: 'umana' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(input.value).to.equal('Humana');
    });

    it('closes on Escape and clears on a second Escape', async () => {
      const el = await mount();
      $<HTMLInputElement>(el, '#payer')!.focus();
      await sendKeys({ type: 'cig' });
      await waitUntil(() => $(el, '[role="option"]'), 'options', { timeout: 5000 });
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect($(el, '#payer')!.getAttribute('aria-expanded')).to.equal('false');
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect($<HTMLInputElement>(el, '#payer')!.value).to.equal('');
    });

    it('accepts an insurer that is not listed, by name', async () => {
      const el = await mount();
      $<HTMLInputElement>(el, '#unlisted')!.click();
      await el.updateComplete;
      submit(el);
      await el.updateComplete;
      expect(text(el)).to.contain('Enter the name of your insurance company');
      await type(el, 'unlisted-name', 'Small Town Mutual');
      submit(el);
      await waitUntil(() => $(el, '#member-id'), 'the card details', { timeout: 5000 });
    });
  });

  describe('errors', () => {
    it('shows and focuses an error summary linked to the insurer field', async () => {
      const el = await mount();
      submit(el);
      await waitUntil(() => active(el)?.classList.contains('error-summary'), 'the summary takes focus');
      const link = $<HTMLAnchorElement>(el, '.error-summary a')!;
      expect(link.getAttribute('href')).to.equal('#payer');
      expect(link.textContent).to.contain('Choose your insurance company');
      expect($(el, '#payer')!.getAttribute('aria-invalid')).to.equal('true');
      expect($(el, '#payer-error')!.textContent).to.contain('Error:');
      await expect(el).to.be.accessible();
      link.click();
      expect(active(el)?.id).to.equal('payer');
    });

    it('checks a Medicare number against the CMS format and asks for every missing answer', async () => {
      const el = await mount();
      await choosePayer(el, 'medicare', 'Medicare');
      submit(el);
      await waitUntil(() => $(el, '#member-id'), 'the card details', { timeout: 5000 });
      await type(el, 'member-id', '1EG4-TE5-MK7');
      submit(el);
      await waitUntil(() => active(el)?.classList.contains('error-summary'), 'the summary takes focus');
      const messages = [...root(el).querySelectorAll('.error-summary a')].map((a) => a.textContent!.trim());
      expect(messages).to.deep.equal([
        'Enter the Medicare Number as it is on your card: 11 letters and numbers, like 1EG4-TE5-MK73',
        'Enter their first name',
        'Enter their last name',
        'Enter their date of birth',
        'Choose whose plan it is',
      ]);
      await expect(el).to.be.accessible();
    });

    it('asks for the policy holder only when the plan is someone else’s', async () => {
      const el = await mount();
      await choosePayer(el, 'aetna', 'Aetna');
      submit(el);
      await fillMember(el, 'IOPACTIVE01');
      expect($(el, '#subscriber-first-name') === null).to.equal(true, 'no policy-holder fields');
      $<HTMLInputElement>(el, '#relationship-1')!.click();
      await el.updateComplete;
      submit(el);
      await el.updateComplete;
      expect(text(el)).to.contain('Enter the policy holder’s first name');
      await expect(el).to.be.accessible();
    });
  });

  describe('every stand-in clearinghouse outcome, through the UI', () => {
    it('active: plan, network, deductible, out-of-pocket, cost share, prior auth and the estimate', async () => {
      const el = await mount();
      const checked = new Promise<IopEligibilityCheckedEvent>((resolve) => el.addEventListener('iop-eligibility-checked', resolve, { once: true }));
      await checkMember(el, 'IOPACTIVE01');
      const shown = text(el);
      expect(shown).to.contain('Your insurance is active.');
      expect(shown).to.contain('STAND-IN PPO GOLD');
      expect(shown).to.contain('Plan year: January 1, 2026 to December 31, 2026.');
      expect(shown).to.contain('Family deductible: $3,000 a year, $2,100 still to meet.');
      expect(shown).to.contain('24 are left this year');
      expect(shown).to.contain('That is their statement about your plan');
      expect(shown).to.contain('We are in network with this insurer.');
      expect(shown).to.contain('Deductible: $1,500 a year, $900 still to meet.');
      expect(shown).to.contain('Out-of-pocket maximum: $6,000 a year, $4,200 still to meet.');
      expect(shown).to.contain('you pay 20% after the deductible');
      expect(shown).to.contain('$40 a visit');
      expect(shown).to.contain('does not need approval');
      // Day IOP: 24 days at $325; $900 deductible then $40 a day ($1,780) or 20% ($2,280).
      expect($(el, '[part="estimate"]')!.textContent).to.contain('About $1,780 to $2,280 for the whole program.');
      expect(shown).to.contain('This is an estimate, not a bill.');
      expect(shown).to.contain('24 days of program (3 days a week for 8 weeks) at $325 a day: $7,800 before insurance.');
      // Which figures came from the payer and which are ours: under their own headings.
      const sources = [...root(el).querySelectorAll('[part="estimate"] h5')].map((title) => title.textContent!.trim());
      expect(sources).to.deep.equal(['From your insurance company', 'From us', 'What we assumed']);
      const fromPlan = $(el, '[part="estimate"] h5 + ul')!.textContent!;
      expect(fromPlan).to.contain('$900 of your deductible').and.to.contain('20% of each day').and.not.to.contain('days of program');
      const event = await checked;
      expect(Object.keys(event.detail).sort()).to.deep.equal(['checkId', 'status']);
      expect(event.detail.status).to.equal('complete');
      expect(event.bubbles && event.composed).to.equal(true);
      const serialised = JSON.stringify(event.detail);
      for (const secret of ['IOPACTIVE01', 'Alex', 'Rivera', '1988']) expect(serialised).not.to.contain(secret);
      await expect(el).to.be.accessible();
    });

    it('active: the estimate follows the program chosen', async () => {
      const el = await mount();
      await checkMember(el, '1EG4TE5MK70', ['medicare', 'Medicare']);
      const hcp = [...root(el).querySelectorAll<HTMLInputElement>('input[name="track"]')].find((input) => input.value === 'hcp-evening-saturday')!;
      hcp.click();
      await el.updateComplete;
      // 36 days at $375, but the plan covers 24 more visits: $900 + $40 × 22 = $1,780 or $900 + 20% × $8,100
      // = $2,520 for the covered days, plus 12 days at the full $375 ($4,500).
      expect($(el, '[part="estimate"]')!.textContent).to.contain('About $6,280 to $7,020');
      expect($(el, '[part="estimate"]')!.textContent).to.contain('the other 12 days are counted at the full price');
    });

    it('details missing: a normal outcome, with a call back', async () => {
      const el = await mount();
      await checkMember(el, 'IOPNODETAIL01');
      expect(text(el)).to.contain('didn’t share the details for this kind of care');
      await expect(el).to.be.accessible();
    });

    it('inactive coverage', async () => {
      const el = await mount();
      await checkMember(el, 'IOPINACTIVE01');
      expect(text(el)).to.contain('doesn’t seem to be active');
      await expect(el).to.be.accessible();
    });

    it('member not found: asks to check the ID and goes back to it', async () => {
      const el = await mount();
      await checkMember(el, 'NOBODY1234');
      expect(text(el)).to.contain('We couldn’t find your plan with those details.');
      await expect(el).to.be.accessible();
      [...root(el).querySelectorAll('button')].find((button) => button.textContent!.includes('Check my details'))!.click();
      await waitUntil(() => $(el, '#member-id'), 'the card details again');
      expect($<HTMLInputElement>(el, '#member-id')!.value).to.equal('NOBODY1234');
      // Corrected and checked again with the keyboard: focus lands on the new result's heading, not the page.
      await type(el, 'member-id', 'IOPACTIVE01');
      $<HTMLButtonElement>(el, 'form button[type="submit"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => text(el).includes('Your insurance is active.'), 'the new result', { timeout: 12000 });
      await waitUntil(() => active(el)?.tagName === 'H2', 'focus on the result heading');
      expect(document.activeElement).to.equal(el);
      expect(active(el)!.textContent!.trim()).to.equal('What we found');
      expect(root(el).querySelector('[role="status"]')!.textContent).to.contain('Your insurance is active.');
    });

    it('deductible met: $0 left is the payer’s figure, and the estimate starts at the cost share', async () => {
      const el = await mount();
      await checkMember(el, 'IOPDEDMET01');
      const shown = text(el);
      expect(shown).to.contain('Deductible: $1,500 a year, $0 still to meet.');
      expect(shown).to.contain('Out-of-pocket maximum: $6,000 a year, $2,450 still to meet.');
      // Day IOP, 24 days at $325: $40 × 24 = $960 or 20% × $7,800 = $1,560.
      expect($(el, '[part="estimate"]')!.textContent).to.contain('About $960 to $1,560 for the whole program.');
      await expect(el).to.be.accessible();
    });

    it('behavioural health carved out: the administrator is named and unknown figures are confirmed by phone, never $0', async () => {
      const el = await mount();
      await checkMember(el, 'IOPCARVEOUT01');
      const facts = $(el, '.facts')!.textContent!.replace(/\s+/g, ' ');
      expect(facts).to.contain('managed by another company, EVERGREEN BEHAVIORAL HEALTH PARTNERS');
      expect(facts).to.contain('Deductible: your insurance company didn’t share it. We’ll confirm it by phone.');
      expect(facts).to.contain('Out-of-pocket maximum: your insurance company didn’t share it. We’ll confirm it by phone.');
      expect(facts).to.contain('What you pay for each day after the deductible: your insurance company didn’t share it.');
      expect(facts).to.contain('We will check whether your plan needs approval');
      expect(facts).not.to.contain('$0');
      expect($(el, '[part="estimate"]')!.textContent).to.contain('didn’t say how much deductible is left');
      await expect(el).to.be.accessible();
    });

    it('carve-out in Spanish', async () => {
      const el = await mount({ locale: 'es' });
      await choosePayer(el, 'aetna', 'Aetna');
      submit(el);
      await fillMember(el, 'IOPCARVEOUT01');
      submit(el);
      await waitUntil(() => $(el, '.facts'), 'the result', { timeout: 12000 });
      const facts = $(el, '.facts')!.textContent!.replace(/\s+/g, ' ');
      expect(facts).to.contain('la administra otra compañía, EVERGREEN BEHAVIORAL HEALTH PARTNERS');
      expect(facts).to.contain('Lo confirmaremos por teléfono.');
      expect([...root(el).querySelectorAll('[part="estimate"] h5')].map((title) => title.textContent!.trim())).to.include('Lo que suponemos');
      await expect(el).to.be.accessible();
    });

    it('AAA 72 (invalid member id): back to the member ID field, which says what to fix; fixing it checks again', async () => {
      const el = await mount();
      const statuses: string[] = [];
      el.addEventListener('iop-eligibility-checked', (event) => statuses.push(event.detail.status));
      await choosePayer(el, 'aetna', 'Aetna');
      submit(el);
      await fillMember(el, 'IOPBADID01');
      submit(el);
      await waitUntil(() => active(el)?.id === 'member-id', 'focus on the member ID field', { timeout: 12000 });
      const field = $<HTMLInputElement>(el, '#member-id')!;
      expect(field.getAttribute('aria-invalid')).to.equal('true');
      const described = field.getAttribute('aria-describedby')!.split(' ').map((id) => root(el).getElementById(id)?.textContent ?? '').join(' ');
      expect(described).to.contain('couldn’t match this member ID');
      expect(field.value).to.equal('IOPBADID01', 'what the person typed stays');
      expect(statuses).to.deep.equal(['complete']);
      await expect(el).to.be.accessible();
      await type(el, 'member-id', 'IOPACTIVE01');
      submit(el);
      await waitUntil(() => text(el).includes('Your insurance is active.'), 'the corrected check', { timeout: 12000 });
    });

    it('AAA 71 (date of birth) goes to the date of birth field', async () => {
      const el = await mount();
      await choosePayer(el, 'aetna', 'Aetna');
      submit(el);
      await fillMember(el, 'IOPBADDOB01');
      submit(el);
      await waitUntil(() => active(el)?.id === 'patient-dob', 'focus on the date of birth', { timeout: 12000 });
      expect(text(el)).to.contain('different date of birth on file');
    });

    it('AAA 42 (payer down): a call back, with the reason recorded for staff only', async () => {
      const el = await mount();
      const checked = new Promise<IopEligibilityCheckedEvent>((resolve) => el.addEventListener('iop-eligibility-checked', resolve, { once: true }));
      await checkMember(el, 'IOPPAYERDOWN01');
      expect(text(el)).to.contain('isn’t answering right now');
      expect(text(el)).not.to.contain('AAA');
      const { checkId, status } = (await checked).detail;
      expect(status).to.equal('callback');
      const publicView = await (await fetch(`${API}eligibility-checks/${checkId}`)).json();
      expect(publicView).not.to.have.property('staffNote');
      const staff = await (await fetch(`${API}staff/eligibility-checks/${checkId}`, { headers: { authorization: `Bearer ${STAFF_TOKEN}` } })).json();
      expect(staff.data.result.staffNote).to.contain('AAA 42').and.to.contain('Unable to Respond at Current Time');
      await expect(el).to.be.accessible();
    });

    it('raw X12 271: the same result as its JSON twin', async () => {
      const twin = await mount();
      await checkMember(twin, 'IOPACTIVE01');
      const twinFacts = $(twin, '.facts')!.textContent!.replace(/\s+/g, ' ');
      const twinEstimate = $(twin, '.estimate-figure')!.textContent!.trim();
      await forgetDrafts();
      const el = await mount();
      await checkMember(el, 'IOPX12ACTIVE01');
      expect($(el, '.facts')!.textContent!.replace(/\s+/g, ' ')).to.equal(twinFacts);
      expect($(el, '.estimate-figure')!.textContent!.trim()).to.equal(twinEstimate);
      expect(twinFacts).to.contain('$900 still to meet');
    });

    it('no answer at all: the wait shows progress, then a call back', async function () {
      this.timeout(40_000);
      const el = await mount();
      const statuses: string[] = [];
      el.addEventListener('iop-eligibility-checked', (event) => statuses.push(event.detail.status));
      await choosePayer(el, 'aetna', 'Aetna');
      submit(el);
      await fillMember(el, 'IOPNOANSWER01');
      submit(el);
      await waitUntil(() => text(el).includes('taking a little longer'), 'progress while pending', { timeout: 15000 });
      await waitUntil(() => text(el).includes('isn’t answering right now'), 'the call back', { timeout: 25000 });
      expect(statuses).to.deep.equal(['pending', 'callback']);
    });

    it('slow payer: 202, progress, then active', async () => {
      const el = await mount();
      const statuses: string[] = [];
      el.addEventListener('iop-eligibility-checked', (event) => statuses.push(event.detail.status));
      await choosePayer(el, 'aetna', 'Aetna');
      submit(el);
      await fillMember(el, 'IOPTIMEOUT01');
      submit(el);
      await waitUntil(() => text(el).includes('taking a little longer'), 'progress while pending', { timeout: 8000 });
      expect($(el, 'progress') !== null).to.equal(true, 'a progress bar');
      expect(text(el)).to.contain('You can leave this page and come back');
      await expect(el).to.be.accessible();
      await waitUntil(() => text(el).includes('Your insurance is active.'), 'the answer after polling', { timeout: 12000 });
      expect(statuses).to.deep.equal(['pending', 'complete']);
    });

    it('payer unavailable: 202, then a call back through the outbox', async () => {
      const el = await mount();
      const statuses: string[] = [];
      el.addEventListener('iop-eligibility-checked', (event) => statuses.push(event.detail.status));
      await checkMember(el, 'IOPDOWN01');
      expect(text(el)).to.contain('isn’t answering right now');
      expect(statuses).to.deep.equal(['pending', 'callback']);
      [...root(el).querySelectorAll('button')].find((button) => button.textContent!.includes('Ask us to call you'))!.click();
      await waitUntil(() => $(el, '#callback-phone'), 'the call-back form');
      submit(el);
      await waitUntil(() => active(el)?.classList.contains('error-summary'), 'the summary takes focus');
      expect(text(el)).to.contain('Tick the box to let us call you');
      await expect(el).to.be.accessible();
      await type(el, 'callback-phone', '(303) 555-0142');
      $<HTMLInputElement>(el, '#callback-voicemail-1')!.click();
      $<HTMLInputElement>(el, '#callback-consent')!.click();
      await el.updateComplete;
      submit(el);
      await waitUntil(() => text(el).includes('We have your request and will call you soon.'), 'the call back is sent', { timeout: 10000 });
      expect($(el, '[part="reference"]')!.textContent!.replace(/\s+/g, ' ')).to.match(/^ Your reference: ([0-9A-HJKMNP-TV-Z]{3}-){2}[0-9A-HJKMNP-TV-Z]{3}/);
      await expect(el).to.be.accessible();
    });
  });

  it('keeps the check when the person leaves and comes back', async () => {
    const first = await mount({ storage: 'local' });
    await choosePayer(first, 'aetna', 'Aetna');
    submit(first);
    await fillMember(first, 'IOPTIMEOUT01');
    submit(first);
    await waitUntil(() => text(first).includes('taking a little longer'), 'pending', { timeout: 8000 });
    first.remove();
    const again = await fixture<IopInsuranceVerification>(html`<iop-insurance-verification api-base=${API} storage="local"></iop-insurance-verification>`);
    await waitUntil(() => text(again).includes('Your insurance is active.'), 'the same check, answered', { timeout: 12000 });
  });

  it('is usable with the keyboard alone, from the insurer to the result', async () => {
    const el = await mount();
    await choosePayer(el, 'united', 'UnitedHealthcare');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => active(el)?.tagName === 'H2' && heading(el) === 'Details from your insurance card', 'the next step’s heading takes focus');
    await tabTo(el, (focused) => focused.id === 'member-id', 'the member ID');
    await sendKeys({ type: 'IOPACTIVE01' });
    await tabTo(el, (focused) => focused.id === 'patient-first-name', 'first name');
    await sendKeys({ type: 'Alex' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Rivera' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '04021988' });
    await tabTo(el, (focused) => focused.id === 'relationship', 'whose plan');
    await sendKeys({ press: 'Space' });
    await tabTo(el, (focused) => focused.getAttribute('type') === 'submit', 'the check button');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(el).includes('Your insurance is active.'), 'the result', { timeout: 12000 });
    await waitUntil(() => active(el)?.textContent === 'What we found', 'the result heading takes focus');
  });

  it('sends a call back under one key when the server says the first attempt is still in progress', async () => {
    const run = runId();
    const el = await fixture<IopInsuranceVerification>(
      html`<iop-insurance-verification api-base=${faultBase('in-progress', run)} storage="memory" locale="en"></iop-insurance-verification>`,
    );
    await waitUntil(() => $(el, '#payer'), 'the insurer question');
    [...root(el).querySelectorAll('button')].find((button) => button.textContent!.includes('pay myself'))!.click();
    await waitUntil(() => [...root(el).querySelectorAll('button')].some((button) => button.textContent!.includes('Ask us to call you')), 'the call-back offer');
    [...root(el).querySelectorAll('button')].find((button) => button.textContent!.includes('Ask us to call you'))!.click();
    await waitUntil(() => $(el, '#callback-phone'), 'the call-back form');
    await type(el, 'callback-phone', '(303) 555-0142');
    $<HTMLInputElement>(el, '#callback-voicemail-1')!.click();
    $<HTMLInputElement>(el, '#callback-consent')!.click();
    await el.updateComplete;
    submit(el);
    await waitUntil(() => text(el).includes('We have your request and will call you soon.'), 'the call back is sent', { timeout: 10000 });
    const { keysSeen, delivered } = await faultStats(run);
    // The 409 was retried with the key the form made once; no second key, no second request.
    expect(keysSeen).to.have.length(2);
    expect(new Set(keysSeen).size).to.equal(1);
    expect(keysSeen[0]).to.be.a('string');
    expect(delivered).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('offers the self-pay path with the center’s terms and a self-pay estimate', async () => {
    const el = await mount();
    [...root(el).querySelectorAll('button')].find((button) => button.textContent!.includes('pay myself'))!.click();
    await waitUntil(() => text(el).includes('Self-pay is welcome'), 'the center’s self-pay terms');
    // Day IOP $7,800; 15% off when paid in advance.
    expect($(el, '[part="estimate"]')!.textContent).to.contain('About $6,630 to $7,800');
    expect(text(el)).to.contain('Interest-free monthly payment plans are available.');
    await expect(el).to.be.accessible();
  });

  it('shows the center’s Spanish self-pay text in Spanish', async () => {
    const list = (await (await fetch(`${API}programs`)).json()) as { center: { selfPay?: { summary: string; translations?: { es?: { summary?: string } } } } };
    const spanish = list.center.selfPay?.translations?.es?.summary;
    expect(spanish, 'the demo center gives its self-pay text in Spanish').to.be.a('string');
    const el = await mount({ locale: 'es' });
    [...root(el).querySelectorAll('button')].find((button) => button.textContent!.includes('pagar por mi cuenta'))!.click();
    await waitUntil(() => text(el).includes(spanish!), 'the Spanish self-pay text');
    expect(text(el)).to.not.contain(list.center.selfPay!.summary);
    await expect(el).to.be.accessible();
  });

  it('asks before reusing the intake screener’s contact details', async () => {
    const contact: Contact = { name: 'Ana María López', phone: '+1 720 555 0199', preferred: 'phone', voicemailOk: false };
    await (await storeFor('memory')).saveDraft('shared-contact', contact);
    const el = await mount();
    await choosePayer(el, 'aetna', 'Aetna');
    submit(el);
    await waitUntil(() => $(el, '#prefill-question'), 'the question');
    expect($<HTMLInputElement>(el, '#patient-first-name')!.value).to.equal('', 'nothing is filled before the person agrees');
    await expect(el).to.be.accessible();
    [...root(el).querySelectorAll('button')].find((button) => button.textContent === 'Yes, use them')!.click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#patient-first-name')!.value).to.equal('Ana María');
    expect($<HTMLInputElement>(el, '#patient-last-name')!.value).to.equal('López');
  });

  it('shrinks a card photo over 2 MB to under 300 KB with no EXIF left, and removes it', async () => {
    const original = await largeJpegWithExif();
    expect(original.size).to.be.greaterThan(2 * 1024 * 1024);
    expect(hasJpegMetadata(new Uint8Array(await original.arrayBuffer()))).to.equal(true);
    const el = await mount();
    await choosePayer(el, 'aetna', 'Aetna');
    submit(el);
    await waitUntil(() => $(el, '#photo-front'), 'the photo field');
    const input = $<HTMLInputElement>(el, '#photo-front')!;
    const files = new DataTransfer();
    files.items.add(new File([original], 'card.jpg', { type: 'image/jpeg' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await waitUntil(() => $(el, '.photo img'), 'the preview', { timeout: 12000 });
    const shrunk = new Uint8Array(await (await fetch($<HTMLImageElement>(el, '.photo img')!.src)).arrayBuffer());
    expect(shrunk.length).to.be.at.most(300 * 1024);
    expect(shrunk[0]).to.equal(0xff);
    expect(shrunk[1]).to.equal(0xd8);
    expect(hasJpegMetadata(shrunk)).to.equal(false);
    await expect(el).to.be.accessible();
    const draft = JSON.stringify(await (await storeFor('memory')).loadDraft(DRAFT));
    expect(draft).not.to.contain('blob:');
    [...root(el).querySelectorAll('button')].find((button) => button.textContent!.includes('Remove photo'))!.click();
    await el.updateComplete;
    expect($(el, '.photo img') === null).to.equal(true, 'the preview is gone');
  });

  it('sends the card photos with the check: staff can read them, and they never enter the draft', async () => {
    const el = await mount();
    const checked = new Promise<IopEligibilityCheckedEvent>((resolve) => el.addEventListener('iop-eligibility-checked', resolve, { once: true }));
    await choosePayer(el, 'aetna', 'Aetna');
    submit(el);
    await fillMember(el, 'IOPACTIVE01');
    const front = await addCardPhoto(el, 'front');
    const back = await addCardPhoto(el, 'back');
    submit(el);
    await waitUntil(() => text(el).includes('The center has received your card photos.'), 'the photos are received', { timeout: 15000 });
    expect(text(el)).to.contain('Your insurance is active.');
    await expect(el).to.be.accessible();

    const photos = await staffCardPhotos((await checked).detail.checkId);
    expect(photos.map((photo) => [photo.side, photo.type, photo.cache])).to.deep.equal([
      ['front', 'image/jpeg', 'no-store'],
      ['back', 'image/jpeg', 'no-store'],
    ]);
    expect(photos[0]!.bytes).to.deep.equal(front);
    expect(photos[1]!.bytes).to.deep.equal(back);
    expect(hasJpegMetadata(photos[0]!.bytes)).to.equal(false);

    const draft = JSON.stringify(await (await storeFor('memory')).loadDraft(DRAFT));
    expect(draft).to.contain('IOPACTIVE01', 'the draft was saved');
    for (const photoTrace of ['blob:', '/9j/', 'dataBase64', 'image/jpeg']) expect(draft).not.to.contain(photoTrace);
  });

  it('keeps card photos in the encrypted outbox while offline and sends them when back online', async () => {
    const el = await mount({ storage: 'local' });
    const checked = new Promise<IopEligibilityCheckedEvent>((resolve) => el.addEventListener('iop-eligibility-checked', resolve, { once: true }));
    await choosePayer(el, 'aetna', 'Aetna');
    submit(el);
    await fillMember(el, 'IOPACTIVE01');
    const front = await addCardPhoto(el, 'front');
    network.photosOffline = true;
    try {
      submit(el);
      await waitUntil(() => text(el).includes('will be sent to the center as soon as you are back online'), 'the photos wait', { timeout: 15000 });
      expect(text(el)).to.contain('Your insurance is active.');
      await expect(el).to.be.accessible();
      const waiting = (await rawOutbox()).filter((record) => record.endpoint === 'uploadCardPhoto');
      expect(waiting.length).to.equal(1);
      const stored = new TextDecoder('latin1').decode(waiting[0]!.operation.data);
      for (const clear of ['/9j/', 'dataBase64', 'front']) expect(stored).not.to.contain(clear);
      expect(JSON.stringify(await (await storeFor('local')).loadDraft(DRAFT))).not.to.contain('/9j/');
    } finally {
      network.photosOffline = false;
    }
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => text(el).includes('The center has received your card photos.'), 'sent once back online', { timeout: 15000 });
    const photos = await staffCardPhotos((await checked).detail.checkId);
    expect(photos.map((photo) => photo.side)).to.deep.equal(['front']);
    expect(photos[0]!.bytes).to.deep.equal(front);
    expect((await rawOutbox()).filter((record) => record.endpoint === 'uploadCardPhoto').length).to.equal(0);
  });

  it('shows the center’s phone number as a tel: link', async () => {
    const el = await mount();
    await waitUntil(() => $(el, 'a[href^="tel:"]'), 'the phone link', { timeout: 5000 });
    const link = $<HTMLAnchorElement>(el, 'a[href^="tel:"]')!;
    expect(link.getAttribute('href')).to.match(/^tel:\+?\d{10,11}$/);
    expect(link.closest('p')!.textContent).to.contain(`call Juniper Ridge Recovery at ${link.textContent}`);
  });

  it('speaks Spanish', async () => {
    const el = await mount({ locale: 'es' });
    expect(heading(el)).to.equal('¿Con qué compañía tiene su seguro médico?');
    submit(el);
    await el.updateComplete;
    expect(text(el)).to.contain('Hay un problema');
    await expect(el).to.be.accessible();
  });

  it('defaults to a frame from the API origin when api-base is on another origin, and stays inline on the same origin', async () => {
    // Nothing answers on this origin: the test reads only what the tag renders, not the frame's content.
    const crossOrigin = 'http://iop-api.invalid/api/iop/';
    const framed = await fixture<IopInsuranceVerification>(html`<iop-insurance-verification api-base=${crossOrigin} storage="memory"></iop-insurance-verification>`);
    // The frame's code is loaded the first time a widget is framed.
    await waitUntil(() => $(framed, 'iframe'), 'the frame');
    const frame = $<HTMLIFrameElement>(framed, 'iframe');
    expect(frame, 'an iframe').not.to.equal(null);
    const src = new URL(frame!.src);
    expect(`${src.origin}${src.pathname}`).to.equal('http://iop-api.invalid/api/iop/embed/iop-insurance-verification');
    expect(src.searchParams.get('parent')).to.equal(location.origin);
    expect(src.searchParams.get('storage')).to.equal('memory');
    expect($(framed, 'input, form'), 'no field on the page').to.equal(null);

    const forcedInline = await fixture<IopInsuranceVerification>(html`<iop-insurance-verification api-base=${crossOrigin} isolation="inline" storage="memory"></iop-insurance-verification>`);
    expect($(forcedInline, 'iframe'), 'isolation="inline" wins').to.equal(null);

    const sameOrigin = await mount();
    expect($(sameOrigin, 'iframe')).to.equal(null);
    expect($(sameOrigin, '#payer')).not.to.equal(null);
  });

  it('fires its event on the page, outside the shadow root', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><iop-insurance-verification api-base=${API} storage="memory"></iop-insurance-verification></div>`);
    const el = wrapper.querySelector('iop-insurance-verification')!;
    await waitUntil(() => $(el, '#payer'), 'the insurer question');
    const heard = oneEvent(wrapper, 'iop-eligibility-checked');
    await checkMember(el, 'IOPINACTIVE01');
    const event = (await heard) as IopEligibilityCheckedEvent;
    expect(event.detail.status).to.equal('complete');
    expect(event.detail.checkId).to.match(/^[A-Za-z0-9_-]+$/);
  });
});

/** A 12-megapixel photo-like JPEG (gradient plus grain) with an EXIF APP1 segment spliced in after SOI. */
async function largeJpegWithExif(): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = 4000;
  canvas.height = 3000;
  const context = canvas.getContext('2d')!;
  const image = context.createImageData(canvas.width, canvas.height);
  const data = image.data;
  for (let i = 0; i < data.length; i += 4) {
    const pixel = i / 4;
    const x = pixel % canvas.width;
    const grain = Math.random() * 60;
    data[i] = (x / 16 + grain) & 255;
    data[i + 1] = (pixel / canvas.width / 12 + grain) & 255;
    data[i + 2] = (128 + grain) & 255;
    data[i + 3] = 255;
  }
  context.putImageData(image, 0, 0);
  const jpeg = new Uint8Array(await (await new Promise<Blob>((resolve) => canvas.toBlob((blob) => resolve(blob!), 'image/jpeg', 0.95))).arrayBuffer());
  const payload = new TextEncoder().encode('Exif\0\0MM\0*GPS 39.7392N 104.9903W Pixel 8 Pro');
  const app1 = new Uint8Array([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff, ...payload]);
  return new Blob([jpeg.slice(0, 2), app1, jpeg.slice(2)], { type: 'image/jpeg' });
}
