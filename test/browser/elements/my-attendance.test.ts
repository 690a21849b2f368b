// <iop-my-attendance> (inside the alumni browser's "My sessions") against the seeded reference server:
// refusals shown in plain English and Spanish, the letter form's own checks, axe in every state.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../support/wait-until.js';
import { createClient } from '../../../src/client/client.js';
import { nextOccurrences } from '../../../src/domain/session-recurrence.js';
import type { MyRsvp } from '../../../src/domain/session-rsvp.js';
import '../../../src/elements/alumni-browser/my-attendance.js';
import type { IopMyAttendance } from '../../../src/elements/alumni-browser/my-attendance.js';

const API = '/api/iop/';
const api = createClient({ apiBase: API });
const text = (el: IopMyAttendance) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const $ = <T extends HTMLElement>(el: IopMyAttendance, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const localToday = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

/** A real RSVP for an occurrence at least two days ahead: check-in is certainly not open for it yet. */
async function futureRsvp(): Promise<MyRsvp> {
  const from = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const session = (await api.listAlumniSessions({ from, to })).sessions.find((candidate) => candidate.id === 'alumni-tuesday')!;
  const [occurrence] = nextOccurrences(session, new Date(Date.now() + 2 * 86_400_000), 1);
  const rsvp = await api.createRsvp(session.id, { occurrenceDate: occurrence!.date, name: 'T. A.', email: 'ta@example.org', familyMembers: 0, locale: 'en' });
  // Shown as today's, so the check-in form is offered; the server knows the real date.
  return { id: rsvp.id, token: rsvp.token, sessionId: session.id, date: localToday(), status: 'confirmed' };
}

async function attendance(rsvps: MyRsvp[], locale = 'en'): Promise<IopMyAttendance> {
  const el = await fixture<IopMyAttendance>(html`<iop-my-attendance api-base=${API} locale=${locale} .rsvps=${rsvps}></iop-my-attendance>`);
  await waitUntil(() => !text(el).includes('Loading') && !text(el).includes('Cargando'), 'records load', { timeout: 10000 });
  return el;
}

async function submitCode(el: IopMyAttendance, id: string, code: string): Promise<void> {
  const input = $<HTMLInputElement>(el, `#code-${id}`);
  input.value = code;
  input.dispatchEvent(new Event('input'));
  $<HTMLButtonElement>(el, `#code-${id} ~ button`).click();
}

describe('iop-my-attendance', () => {
  before(async function () {
    // The reference server may still be starting when this file runs first.
    this.timeout(60000);
    await waitUntil(() => api.listPrograms().then(() => true, () => false), 'the reference server answers', { timeout: 60000 });
  });

  it('offers check-in for today and shows the record of each RSVP on this device', async () => {
    const rsvp = await futureRsvp();
    const el = await attendance([rsvp]);
    expect($(el, `#code-${rsvp.id}`)).to.not.equal(null);
    expect(text(el)).to.include('No attendance recorded');
    await expect(el).to.be.accessible();
  });

  it('asks for six digits before sending, then says plainly that check-in is not open yet', async () => {
    const rsvp = await futureRsvp();
    const el = await attendance([rsvp]);
    await submitCode(el, rsvp.id!, '12');
    await waitUntil(() => text(el).includes('Enter the 6 digits'), 'format error');
    expect($(el, `#code-${rsvp.id}`).getAttribute('aria-invalid')).to.equal('true');
    await submitCode(el, rsvp.id!, '123 456');
    await waitUntil(() => text(el).includes('Check-in is open from 15 minutes before the session starts'), 'window refusal from the server');
    expect(el.shadowRoot!.activeElement?.id).to.equal(`code-${rsvp.id}`);
    await expect(el).to.be.accessible();
  });

  it('says the same in Spanish', async () => {
    const rsvp = await futureRsvp();
    const el = await attendance([rsvp], 'es');
    await submitCode(el, rsvp.id!, '123456');
    await waitUntil(() => text(el).includes('El registro está abierto desde 15 minutos antes'), 'Spanish refusal');
    expect(text(el)).to.include('Mi asistencia');
    await expect(el).to.be.accessible();
  });

  it('says when an RSVP is not the center’s any more', async () => {
    const rsvp = await futureRsvp();
    await api.cancelRsvp(rsvp.id!, rsvp.token!);
    const el = await attendance([rsvp]);
    await submitCode(el, rsvp.id!, '123456');
    await waitUntil(() => text(el).includes('cannot find your RSVP'), 'no-RSVP refusal');
  });

  it('checks the letter form and reports a period without attendance', async () => {
    const rsvp = await futureRsvp();
    const el = await attendance([rsvp]);
    $<HTMLButtonElement>(el, 'form.letter button[type=submit]').click();
    await waitUntil(() => text(el).includes('Enter your name as it should appear'), 'name needed');
    expect(el.shadowRoot!.activeElement?.id).to.equal('letter-name');
    const name = $<HTMLInputElement>(el, '#letter-name');
    name.value = 'Taylor Avery, RN';
    name.dispatchEvent(new Event('input'));
    expect($<HTMLInputElement>(el, '#titles-discreet').checked, 'discreet titles by default').to.equal(true);
    $<HTMLButtonElement>(el, 'form.letter button[type=submit]').click();
    await waitUntil(() => text(el).includes('No attendance is recorded between these dates'), 'nothing to certify');
    await expect(el).to.be.accessible();
  });
});
