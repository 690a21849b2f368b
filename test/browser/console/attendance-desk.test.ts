// <iop-attendance-desk> against the seeded reference server, without a console session: it lists the
// day's sessions from the public API, and says plainly (English, Spanish) that the staff API needs a
// sign-in, instead of showing a blank box. The signed-in desk is driven in test/e2e/attendance.test.ts.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createClient } from '../../../src/client/client.js';
import '../../../src/console/attendance/attendance-desk.js';
import type { IopAttendanceDesk } from '../../../src/console/attendance/attendance-desk.js';

const text = (el: IopAttendanceDesk) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

describe('iop-attendance-desk', () => {
  before(async function () {
    this.timeout(60000);
    const api = createClient({ apiBase: '/api/iop/' });
    await waitUntil(() => api.listPrograms().then(() => true, () => false), 'the reference server answers', { timeout: 60000 });
  });

  it('asks the facilitator to sign in when the staff API refuses, and passes axe', async () => {
    const el = await fixture<IopAttendanceDesk>(html`<iop-attendance-desk></iop-attendance-desk>`);
    await waitUntil(() => text(el).includes('Please sign in to the console.'), 'the refusal is shown', { timeout: 10000 });
    expect(el.shadowRoot!.querySelector('[role=alert]')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says it in Spanish', async () => {
    const el = await fixture<IopAttendanceDesk>(html`<iop-attendance-desk locale="es"></iop-attendance-desk>`);
    await waitUntil(() => text(el).includes('Inicie sesión en la consola.'), 'Spanish refusal', { timeout: 10000 });
    expect(text(el)).to.include('Asistencia');
    await expect(el).to.be.accessible();
  });
});
