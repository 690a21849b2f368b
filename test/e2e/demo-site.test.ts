/**
 * `npm start` end to end: the reference server and demo center site started the way the README
 * says, driven in headless Chromium through the real schedule page until a booking is confirmed,
 * then checked through the staff API.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { startReferenceServer, type ReferenceServerProcess } from '../support/reference-server-process.mjs';

const staffToken = 'e2e-staff-token-0123456789abcdef';

describe('npm start: the demo center site', () => {
  let server: ReferenceServerProcess | undefined;
  let browser: Browser;
  let url = '';

  before(async () => {
    // The same entry point as `npm start` (which may build dist/ first), with a throwaway data directory.
    server = await startReferenceServer({ entry: 'scripts/start.mjs', env: { IOP_STAFF_TOKEN: staffToken }, timeoutMs: 120_000 });
    url = server.origin;
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
  });

  after(async () => {
    await browser?.close();
    server?.stop();
  });

  it('serves the demo home page with the CDN bundle', async () => {
    const home = await fetch(`${url}/`);
    assert.equal(home.status, 200);
    assert.match(await home.text(), /<script type="module" src="\/dist\/cdn\/iop-widgets\.js"><\/script>/);
    const bundle = await fetch(`${url}/dist/cdn/iop-widgets.js`);
    assert.equal(bundle.status, 200);
  });

  it('books an assessment through the real schedule page', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${url}/schedule.html`);

    // Playwright's CSS locators pierce open shadow roots, as a person's eyes do.
    await page.getByRole('button', { name: 'Choose this schedule' }).first().click();
    const freeDay = page.locator('iop-schedule-picker td[tabindex="0"]');
    await freeDay.waitFor();
    await freeDay.focus();
    const times = page.locator('iop-schedule-picker [part="time-list"] button');
    for (let step = 0; step < 21 && !(await times.count()); step += 1) await page.keyboard.press('ArrowRight');
    await times.first().click();

    await page.getByRole('heading', { name: 'How can we reach you?' }).waitFor();
    await page.getByLabel('Your name').fill('Jordan');
    await page.getByRole('radio', { name: /phone call/i }).check();
    await page.getByLabel(/phone number/i).fill('303 555 0142');
    await page.getByRole('radio', { name: /keep it private/i }).check();
    await page.getByRole('checkbox').last().check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Check your booking' }).waitFor();
    await page.getByRole('button', { name: 'Book this time' }).click();
    await page.locator('iop-schedule-picker [part="confirmation"]').waitFor();

    // The center's staff see exactly this booking, with what was typed on the page.
    const staff = { headers: { authorization: `Bearer ${staffToken}` } };
    const list = (await (await fetch(`${url}/api/iop/staff/bookings?status=all`, staff)).json()) as { records: { id: string }[] };
    assert.equal(list.records.length, 1);
    const record = (await (await fetch(`${url}/api/iop/staff/bookings/${list.records[0]!.id}`, staff)).json()) as { data: unknown };
    assert.match(JSON.stringify(record.data), /Jordan/);
    assert.match(JSON.stringify(record.data), /303 555 0142/);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
