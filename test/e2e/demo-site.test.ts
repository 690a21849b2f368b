/**
 * `npm start` end to end: the reference server and demo center site started the way the README
 * says, driven in headless Chromium through the real schedule page until a booking is confirmed,
 * then checked through the staff API.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';

const staffToken = 'e2e-staff-token-0123456789abcdef';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('npm start: the demo center site', () => {
  let server: ChildProcess;
  let browser: Browser;
  let url = '';
  const dataDir = mkdtempSync(join(tmpdir(), 'iop-e2e-'));

  before(async () => {
    const port = await freePort();
    // The same entry point as `npm start`, with a throwaway data directory.
    server = spawn(process.execPath, ['scripts/start.mjs'], {
      env: { ...process.env, PORT: String(port), IOP_DATA_DIR: dataDir, IOP_DATA_KEY: randomBytes(32).toString('base64'), IOP_STAFF_TOKEN: staffToken, DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 120_000);
      const read = (chunk: Buffer) => {
        output += chunk;
        const match = /IOP Widgets demo center: (http:\/\/\S+?)\/? /.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      };
      server.stdout!.on('data', read);
      server.stderr!.on('data', read);
      server.once('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)));
    });
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
  });

  after(async () => {
    await browser?.close();
    server?.kill();
    rmSync(dataDir, { recursive: true, force: true });
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
