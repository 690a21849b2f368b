// <iop-alumni-browser> against the seeded reference server behind /api/iop/ (Juniper Ridge, America/Denver).
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../support/wait-until.js';
import { sendKeys } from '@web/test-runner-commands';
import type { AlumniSession } from '../../../src/api/schemas.js';
import { createClient } from '../../../src/client/client.js';
import { registerClient } from '../../../src/client/shared-clients.js';
import { filterOccurrences, indexOccurrences, noFilters, type SessionFilters } from '../../../src/domain/session-filters.js';
import { expandOccurrences, nextOccurrences } from '../../../src/domain/session-recurrence.js';
import { instantToWallClock } from '../../../src/domain/zoned-time.js';
import '../../../src/elements/alumni-browser/alumni-browser.js';
import type { IopAlumniBrowser, IopRsvpConfirmedEvent } from '../../../src/elements/alumni-browser/alumni-browser.js';
import { OccurrenceLoader } from '../../../src/elements/alumni-browser/occurrence-loader.js';

const API = '/api/iop/';
const api = createClient({ apiBase: API });

const root = (el: IopAlumniBrowser) => el.shadowRoot!;
const text = (el: IopAlumniBrowser) => root(el).textContent!.replace(/\s+/g, ' ');
const active = (el: IopAlumniBrowser) => root(el).activeElement as HTMLElement | null;

async function browser(): Promise<IopAlumniBrowser> {
  const el = await fixture<IopAlumniBrowser>(html`<iop-alumni-browser api-base=${API}></iop-alumni-browser>`);
  await waitUntil(() => root(el).querySelector('.results'), 'sessions load', { timeout: 10000 });
  return el;
}

/** Presses Tab until focus is on what `matches` accepts: how a keyboard user gets there. */
async function tabTo(el: IopAlumniBrowser, matches: (focused: HTMLElement) => boolean, what: string): Promise<void> {
  for (let presses = 0; presses < 60; presses += 1) {
    const focused = active(el);
    if (focused && matches(focused)) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${what}`);
}

async function seeded(id: string): Promise<AlumniSession> {
  const today = new Date().toISOString().slice(0, 10);
  const to = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
  const list = await api.listAlumniSessions({ from: today, to });
  return list.sessions.find((session) => session.id === id)!;
}

async function confirmedSeats(id: string, date: string): Promise<number> {
  const list = await api.listAlumniSessions({ from: date, to: date });
  return list.sessions.find((session) => session.id === id)?.counts.find((count) => count.date === date)?.confirmed ?? 0;
}

/** Opens one occurrence's details by its date heading (the list groups by day). */
async function openOccurrence(el: IopAlumniBrowser, title: string, date: string): Promise<void> {
  const search = root(el).querySelector<HTMLInputElement>('#search')!;
  search.value = title;
  search.dispatchEvent(new Event('input'));
  await el.updateComplete;
  while (!root(el).querySelector(`#day-${date}`)) {
    const more = [...root(el).querySelectorAll<HTMLButtonElement>('.results > button')].at(-1);
    if (!more) throw new Error(`no occurrence on ${date}`);
    more.click();
    await el.updateComplete;
  }
  root(el).querySelector<HTMLButtonElement>(`#day-${date} + ul .session-button`)!.click();
  await el.updateComplete;
}

async function fillRsvp(el: IopAlumniBrowser, name: string, email: string, family = '0'): Promise<void> {
  root(el).querySelector<HTMLButtonElement>('.detail > .button')!.click();
  await waitUntil(() => root(el).querySelector('#rsvp-name'), 'RSVP form');
  for (const [id, value] of [['rsvp-name', name], ['rsvp-email', email], ['rsvp-familyMembers', family]]) {
    const input = root(el).querySelector<HTMLInputElement>(`#${id}`)!;
    input.value = value!;
    input.dispatchEvent(new Event('input'));
  }
  await el.updateComplete;
}

// The reference server starts with the test run: wait for its first answer once (a state, with room
// for a busy machine), so no test's own timeout pays for the start.
before(async function () {
  this.timeout(60000);
  await waitUntil(async () => (await fetch('/api/iop/programs')).ok, 'the reference server', { timeout: 60000, interval: 250 });
});

describe('<iop-alumni-browser> browsing', () => {
  it('lists the seeded sessions by day from now, and passes axe', async () => {
    const el = await browser();
    expect(text(el)).to.contain('Alumni Group');
    expect(text(el)).to.contain('Family Class');
    expect(root(el).querySelectorAll('.day h3').length).to.be.greaterThan(3);
    expect(root(el).querySelector('[role="status"]')!.textContent).to.match(/\d+ sessions found/);
    await expect(el).to.be.accessible();
  });

  it('shows the Spanish session titles the center gave with locale="es", and the English ones on an English page', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const to = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
    const { sessions } = await api.listAlumniSessions({ from: today, to });
    const translated = sessions.find((session) => session.translations?.es?.title && session.translations.es.title !== session.title);
    expect(translated, 'the demo center gives a session a Spanish title').to.not.equal(undefined);
    const spanishTitle = translated!.translations!.es!.title!;

    const es = await fixture<IopAlumniBrowser>(html`<iop-alumni-browser api-base=${API} locale="es"></iop-alumni-browser>`);
    await waitUntil(() => root(es).querySelector('.results'), 'sessions load', { timeout: 10000 });
    const titles = () => [...root(es).querySelectorAll('.session-title')].map((node) => node.textContent);
    expect(titles()).to.include(spanishTitle);
    expect(titles()).to.not.include(translated!.title);
    await expect(es).to.be.accessible();

    const en = await browser();
    const englishTitles = [...root(en).querySelectorAll('.session-title')].map((node) => node.textContent);
    expect(englishTitles).to.include(translated!.title);
    expect(englishTitles).to.not.include(spanishTitle);
  });

  it('filters by format and language with counts, searches text, and shows an empty state', async () => {
    const el = await browser();
    root(el).querySelector('details')!.open = true;
    const spanish = [...root(el).querySelectorAll<HTMLInputElement>('input[name="filter-languages"]')].find((input) => input.value === 'es')!;
    const label = root(el).querySelector(`label[for="${spanish.id}"]`)!.textContent!;
    const count = Number(/\((\d+)\)/.exec(label)![1]);
    expect(count).to.be.greaterThan(0);
    spanish.click();
    await el.updateComplete;
    expect(root(el).querySelector('.count')!.textContent).to.contain(`${count} sessions found`);
    expect(text(el)).to.contain('Grupo de exalumnos en español');
    expect(text(el)).not.to.contain('Family Class');
    await expect(el).to.be.accessible();

    const search = root(el).querySelector<HTMLInputElement>('#search')!;
    search.value = 'zzz no such words';
    search.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(text(el)).to.contain('No sessions match these filters.');
    await expect(el).to.be.accessible();
  });

  it('shows a week at a time and details with calendar files, and passes axe', async () => {
    const el = await browser();
    root(el).querySelectorAll<HTMLButtonElement>('.views button')[1]!.click();
    await el.updateComplete;
    expect(el.view).to.equal('week');
    expect(root(el).querySelectorAll('.week-day').length).to.equal(7);
    // Opens on today in the center's zone, never on days already gone.
    const today = instantToWallClock(new Date(), 'America/Denver').date;
    expect(root(el).querySelector('.week-day h4')!.id).to.equal(`week-${today}`);
    await expect(el).to.be.accessible();
    // Back to the list and to the week again: this week again, not the one visited before.
    root(el).querySelector<HTMLButtonElement>('.week-nav button:last-of-type')!.click();
    await el.updateComplete;
    expect(root(el).querySelector('.week-day h4')!.id).not.to.equal(`week-${today}`);
    root(el).querySelectorAll<HTMLButtonElement>('.views button')[0]!.click();
    await el.updateComplete;
    root(el).querySelectorAll<HTMLButtonElement>('.views button')[1]!.click();
    await el.updateComplete;
    expect(root(el).querySelector('.week-day h4')!.id).to.equal(`week-${today}`);

    const family = await seeded('family-class-thursday');
    const [next] = nextOccurrences(family, new Date(), 1);
    el.view = 'list';
    await openOccurrence(el, 'Family Class', next!.date);
    expect(text(el)).to.contain('Daniel, Family therapist (LMFT)');
    expect(text(el)).to.contain('Online: you will see the link after you RSVP');
    // The .ics writer is fetched when details are first opened: wait for the links it makes.
    await waitUntil(() => root(el).querySelector('a[download="sessions.ics"]'), 'calendar links');
    const series = root(el).querySelector<HTMLAnchorElement>('a[download="sessions.ics"]')!;
    const ics = decodeURIComponent(series.href.slice(series.href.indexOf(',') + 1));
    expect(ics).to.contain('RRULE:FREQ=WEEKLY;BYDAY=TH');
    expect(ics).to.contain('SUMMARY:Appointment');
    expect(ics).not.to.contain('Family Class');
    await expect(el).to.be.accessible();
  });
});

// ---- a long range, loaded in steps ------------------------------------------------------------

/** What the live regions say, each time it changes, from the moment the element is watched. */
function announcements(el: IopAlumniBrowser): string[] {
  const said: string[] = [];
  const read = () => {
    const now = [...root(el).querySelectorAll('[role="status"], [role="alert"], [aria-live]')].map((node) => node.textContent!.replace(/\s+/g, ' ').trim()).join(' | ');
    if (now && now !== said.at(-1)) said.push(now);
  };
  new MutationObserver(read).observe(root(el), { subtree: true, childList: true, characterData: true, attributes: true });
  return said;
}

/** Runs `act` right after the first render that shows the list while later days are still loading (before the next step). */
function atFirstStep(el: IopAlumniBrowser, act: () => void): Promise<void> {
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!root(el).querySelector('.results[aria-busy="true"]')) return;
      observer.disconnect();
      act();
      resolve();
    });
    observer.observe(root(el), { subtree: true, childList: true, attributes: true });
  });
}

const loaded = (el: IopAlumniBrowser) => waitUntil(() => root(el).querySelector('.results:not([aria-busy])'), 'every occurrence listed', { timeout: 20000 });

/** Every listed occurrence as "date title", clicking "Show more" to the end. */
async function listedToTheEnd(el: IopAlumniBrowser): Promise<string[]> {
  for (let more = root(el).querySelector<HTMLButtonElement>('.results > button'); more; more = root(el).querySelector<HTMLButtonElement>('.results > button')) {
    more.click();
    await el.updateComplete;
  }
  return [...root(el).querySelectorAll('.day')].flatMap((day) => [...day.querySelectorAll('.session-title')].map((title) => `${day.querySelector('h3')!.id.slice(4)} ${title.textContent}`));
}

/** The same list worked out here, in one go, for ranges starting at each of `froms` (the element's own start lies between them). */
async function expectedLists(froms: Date[], filters: SessionFilters = noFilters): Promise<string[][]> {
  const today = new Date(froms[0]!.getTime() - 86_400_000).toISOString().slice(0, 10);
  const to = new Date(froms.at(-1)!.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
  const { sessions } = await api.listAlumniSessions({ from: today, to });
  const titles = new Map(sessions.map((session) => [session.id, session.title]));
  return froms.map((from) => {
    const all = expandOccurrences(sessions, { from, to: new Date(from.getTime() + 28 * 86_400_000) });
    return filterOccurrences(indexOccurrences(sessions, all), filters).matches.map((o) => `${o.date} ${titles.get(o.sessionId)}`);
  });
}

describe('<iop-alumni-browser> a long range, loaded in steps', () => {
  // The demo center has a handful of sessions, which load at once; past the threshold the first day comes first.
  const threshold = OccurrenceLoader.allAtOnceSessions;
  beforeEach(() => (OccurrenceLoader.allAtOnceSessions = 0));
  afterEach(() => (OccurrenceLoader.allAtOnceSessions = threshold));

  it('shows the first day at once, says it is still loading once, and ends with every occurrence listed and counted', async () => {
    const before = new Date();
    const el = await fixture<IopAlumniBrowser>(html`<iop-alumni-browser api-base=${API} storage="memory"></iop-alumni-browser>`);
    const said = announcements(el);
    let whileLoading = { status: '', labels: [] as string[], busy: false };
    await atFirstStep(el, () => {
      whileLoading = {
        status: root(el).querySelector('[role="status"]')!.textContent!,
        labels: [...root(el).querySelectorAll('.facet-groups label')].map((label) => label.textContent!.trim()),
        busy: root(el).querySelector('.results')!.getAttribute('aria-busy') === 'true',
      };
    });
    expect(whileLoading.status).to.equal('Still loading sessions: the list fills in as they arrive.');
    expect(whileLoading.busy).to.equal(true);
    // Counts beside the filters would be counts of the first day only: none until the end.
    expect(whileLoading.labels.length).to.be.greaterThan(10);
    expect(whileLoading.labels.filter((label) => /\(\d+\)/.test(label))).to.deep.equal([]);

    await loaded(el);
    const after = new Date();
    const listed = await listedToTheEnd(el);
    const expected = await expectedLists([before, after]);
    expect(expected[0]!.length).to.be.greaterThan(5);
    expect([expected[0], expected[1]]).to.deep.include(listed);
    // Two things said in all: still loading, then the count. Nothing per step.
    expect(said).to.deep.equal(['Still loading sessions: the list fills in as they arrive.', `${listed.length} sessions found`]);
    expect([...root(el).querySelectorAll('.facet-groups label')].some((label) => /\(\d+\)/.test(label.textContent!))).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('gives the final results of a full load to a search and a filter chosen while later days still load', async () => {
    const filters: SessionFilters = { ...noFilters, query: 'group', formats: ['online'] };
    const before = new Date();
    const el = await fixture<IopAlumniBrowser>(html`<iop-alumni-browser api-base=${API} storage="memory"></iop-alumni-browser>`);
    const said = announcements(el);
    let stillLoadingWhenTyped = false;
    await atFirstStep(el, () => {
      stillLoadingWhenTyped = root(el).querySelector('.results[aria-busy="true"]') !== null;
      const search = root(el).querySelector<HTMLInputElement>('#search')!;
      search.value = 'group';
      search.dispatchEvent(new Event('input'));
      [...root(el).querySelectorAll<HTMLInputElement>('input[name="filter-formats"]')].find((input) => input.value === 'online')!.click();
    });
    expect(stillLoadingWhenTyped).to.equal(true);
    await loaded(el);
    const after = new Date();
    const listed = await listedToTheEnd(el);
    const expected = await expectedLists([before, after], filters);
    expect(expected[0]!.length).to.be.greaterThan(0);
    expect([expected[0], expected[1]]).to.deep.include(listed);
    expect(said).to.deep.equal(['Still loading sessions: the list fills in as they arrive.', `${listed.length} sessions found`]);
    expect((root(el).querySelector<HTMLInputElement>('#search')!).value).to.equal('group');
  });

  it('does not go back to "still loading" when the network answers after the copy cached on the device', async () => {
    const first = await fixture<IopAlumniBrowser>(html`<iop-alumni-browser api-base=${API} storage="memory"></iop-alumni-browser>`);
    await loaded(first);
    const count = root(first).querySelector('[role="status"]')!.textContent;
    // An RSVP after this load makes the network's next answer differ from the cached copy: one place fewer.
    const seated = [...root(first).querySelectorAll('.day')].flatMap((day) =>
      [...day.querySelectorAll('.session-button')].filter((button) => /\d+ places? left/.test(button.textContent!)).map((button) => ({ date: day.querySelector('h3')!.id.slice(4), button })),
    )[0]!;
    const title = seated.button.querySelector('.session-title')!.textContent!;
    const placesBefore = Number(/(\d+) places? left/.exec(seated.button.textContent!)![1]);
    first.remove();
    const { sessions } = await api.listAlumniSessions({ from: seated.date, to: seated.date });
    const session = sessions.find((candidate) => candidate.title === title)!;
    await api.createRsvp(session.id, { occurrenceDate: seated.date, name: 'C. R.', email: 'cr@example.org', familyMembers: 0, locale: 'en' });

    // Same API and store: this one shows the cached copy first, then the network's answer.
    const el = await fixture<IopAlumniBrowser>(html`<iop-alumni-browser api-base=${API} storage="memory"></iop-alumni-browser>`);
    const said = announcements(el);
    const places = () => {
      const button = [...root(el).querySelectorAll(`#day-${seated.date} + ul .session-button`)].find((candidate) => candidate.querySelector('.session-title')!.textContent === title);
      return button ? /(\d+) places? left|Full/.exec(button.textContent!)?.[0] : undefined;
    };
    await waitUntil(() => places() === (placesBefore === 1 ? 'Full' : `${placesBefore - 1} places left`) || places() === `${placesBefore - 1} place left`, 'the network answer shown', { timeout: 20000 });
    // The answer can be shown while its later days are still being listed: the count comes when they are.
    await waitUntil(() => said.length >= 2, 'the count announced once the list is complete', { timeout: 20000 });
    expect(said).to.deep.equal(['Still loading sessions: the list fills in as they arrive.', count]);
    expect(root(el).querySelector('.results[aria-busy]')).to.equal(null);
  });

  it('in the week view, says which days are still loading instead of "No sessions", then fills them', async () => {
    const el = await fixture<IopAlumniBrowser>(html`<iop-alumni-browser api-base=${API} storage="memory" view="week"></iop-alumni-browser>`);
    let days: string[] = [];
    await atFirstStep(el, () => {
      days = [...root(el).querySelectorAll('.week-day')].map((day) => day.textContent!.replace(/\s+/g, ' '));
    });
    expect(days.length).to.equal(7);
    expect(days.filter((day) => day.includes('Still loading this day.')).length).to.be.greaterThan(0);
    for (const day of days.filter((day) => day.includes('Still loading this day.'))) expect(day).not.to.contain('No sessions');
    await loaded(el);
    expect(text(el)).not.to.contain('Still loading');
    await expect(el).to.be.accessible();
  });
});

describe('<iop-alumni-browser> RSVP', () => {
  it('takes an RSVP with the keyboard alone, reveals the join link and fires only an id and a status', async () => {
    const el = await browser();
    const family = await seeded('family-class-thursday');
    const date = nextOccurrences(family, new Date(), 2)[1]!.date;
    const before = await confirmedSeats('family-class-thursday', date);

    await tabTo(el, (focused) => focused.id === 'search', 'the search field');
    await sendKeys({ type: 'Family Class' });
    await el.updateComplete;
    // The second Family Class in the list is the date chosen above.
    let seen = 0;
    await tabTo(el, (focused) => focused.classList.contains('session-button') && (seen += 1) === 2, 'the second Family Class');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(active(el)?.id).to.equal('detail-heading');
    await tabTo(el, (focused) => focused.textContent?.trim() === 'RSVP for this date', 'the RSVP button');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => active(el)?.id === 'rsvp-heading', 'the form heading takes focus');

    // Submitting empty shows the error summary, focused, with links to the fields.
    await tabTo(el, (focused) => focused.getAttribute('type') === 'submit', 'the submit button');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => active(el)?.classList.contains('error-summary'), 'error summary focused');
    expect(text(el)).to.contain('Enter your first name or initials');
    await expect(el).to.be.accessible();

    await tabTo(el, (focused) => focused.id === 'rsvp-name', 'the name field');
    await sendKeys({ type: 'J.R.' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'jr@example.org' });
    await tabTo(el, (focused) => focused.getAttribute('type') === 'submit', 'the submit button');
    const fired = oneEvent(el, 'iop-rsvp-confirmed');
    await sendKeys({ press: 'Enter' });
    const event = (await fired) as unknown as IopRsvpConfirmedEvent;
    expect(event.status).to.equal('confirmed');
    expect(event.rsvpId).to.be.a('string');
    expect(event.bubbles && event.composed).to.equal(true);
    // Only an id and a status, in `detail` like every other widget's event (rsvpId/status getters mirror it).
    expect(Object.keys(event).filter((key) => key !== 'isTrusted')).to.deep.equal(['detail']);
    expect(Object.keys(event.detail).sort()).to.deep.equal(['rsvpId', 'status']);
    await waitUntil(() => active(el)?.id === 'done-heading', 'confirmation focused');
    expect(text(el)).to.contain('You are booked in');
    expect(root(el).querySelector<HTMLAnchorElement>('a[target="_blank"]')!.href).to.equal('https://meet.example.org/juniper-family-class');
    expect(await confirmedSeats('family-class-thursday', date)).to.equal(before + 1);
    await expect(el).to.be.accessible();
  });

  it('puts an RSVP on the waitlist when the occurrence is full, and cancels it with its token', async () => {
    const mindful = await seeded('mindful-saturday');
    const date = nextOccurrences(mindful, new Date(), 3)[2]!.date;
    // Fill the room (capacity 4) so the next RSVP must wait.
    await api.createRsvp('mindful-saturday', { occurrenceDate: date, name: 'A', email: 'a@example.org', familyMembers: mindful.capacity! - 1, locale: 'en' });
    const el = await browser();
    await openOccurrence(el, 'Saturday Mindfulness Circle', date);
    // The cached list paints first; the refreshed counts follow.
    await waitUntil(() => text(el).includes('Full: you can join the waitlist'), 'the refreshed counts show the room full');
    await fillRsvp(el, 'K', 'k@example.org');
    const fired = oneEvent(el, 'iop-rsvp-confirmed');
    root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    expect(((await fired) as unknown as IopRsvpConfirmedEvent).status).to.equal('waitlisted');
    await el.updateComplete;
    expect(text(el)).to.contain('You are on the waitlist');
    expect(text(el)).to.match(/You are number \d+ on the waitlist/);
    // A waitlisted RSVP gets no join link.
    expect(root(el).querySelector('a[target="_blank"]')).to.equal(null);
    await expect(el).to.be.accessible();

    root(el).querySelector<HTMLButtonElement>('.confirmation .button')!.click();
    await el.updateComplete;
    const mine = [...root(el).querySelectorAll<HTMLElement>('.my-rsvp')].find((item) => item.textContent!.includes('Saturday Mindfulness Circle') && item.textContent!.includes('On the waitlist'))!;
    expect(mine, 'the waitlisted RSVP is in My sessions').to.not.equal(undefined);
    const count = root(el).querySelectorAll('.my-rsvp').length;
    mine.querySelector('button')!.click();
    await waitUntil(() => root(el).querySelector('#notice'), 'cancel notice');
    expect(root(el).querySelector('#notice')!.textContent).to.contain('Your RSVP is cancelled.');
    expect(root(el).querySelectorAll('.my-rsvp').length).to.equal(count - 1);
    await expect(el).to.be.accessible();
  });

  it('queues an RSVP made offline and delivers it exactly once when the connection is back', async () => {
    // The same reference server through a client whose network can be switched off, like a phone losing signal.
    let offline = true;
    let posts = 0;
    const flaky: typeof fetch = (input, init) => {
      if (offline) return Promise.reject(new TypeError('Failed to fetch'));
      if (init?.method === 'POST') posts += 1;
      return fetch(input, init);
    };
    const base = `${API}?offline-${crypto.randomUUID()}`;
    registerClient(base, createClient({ apiBase: API, fetch: flaky, retry: false }));
    const hcp = await seeded('hcp-peer-monday');
    const date = nextOccurrences(hcp, new Date(), 3)[2]!.date;
    const before = await confirmedSeats('hcp-peer-monday', date);

    offline = false;
    const el = await fixture<IopAlumniBrowser>(html`<iop-alumni-browser api-base=${base}></iop-alumni-browser>`);
    await waitUntil(() => root(el).querySelector('.results'), 'sessions load', { timeout: 10000 });
    await openOccurrence(el, 'Healthcare Professionals', date);
    await fillRsvp(el, 'P', 'p@example.org');
    offline = true;
    const fired = oneEvent(el, 'iop-rsvp-confirmed');
    root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    expect(((await fired) as unknown as IopRsvpConfirmedEvent).status).to.equal('queued');
    await el.updateComplete;
    expect(text(el)).to.contain('Your RSVP is saved on this device');
    await expect(el).to.be.accessible();

    offline = false;
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => text(el).includes('You are booked in'), 'delivered after reconnecting', { timeout: 10000 });
    window.dispatchEvent(new Event('online'));
    // That second flush holds the store's outbox lock while it runs: queue behind it, so it has finished.
    await navigator.locks.request('iop-widgets/outbox', async () => undefined);
    expect(await confirmedSeats('hcp-peer-monday', date)).to.equal(before + 1);
    expect(posts).to.be.greaterThan(0);
  });
});
