/**
 * Proof of attendance end to end, in real Chromium against the reference app on 127.0.0.1: a person
 * RSVPs in the alumni browser, the facilitator opens the session in the console's attendance desk and
 * shows a code, the person checks in with it, asks for a letter for the month and downloads the PDF
 * (read back with pdf.js); the verification page confirms it, and reports a copy with one changed date
 * as not genuine. The server's clock and the pages' clocks are set to the same fixed moments.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createStaffAccount, sessionCookie } from '../server/support/staff.js';
import { openTestDatabase, startTestServer, TestClock, type TestDatabase, type TestServer } from '../server/support/test-server.js';
import { SESSION_COOKIE } from '../../server/staff/staff-routes.js';
import { launchChromium } from './support/hostile-host.js';

/** Tuesday 3 March 2026, 13:00 in Denver; the Alumni Group meets 18:30-20:00. */
const MORNING = new Date('2026-03-03T20:00:00Z');
/** 18:20 in Denver: check-in is open. */
const AT_THE_SESSION = new Date('2026-03-04T01:20:00Z');

const AXE = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));

/** axe-core's findings on the page as it is now (shadow roots included). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
    return (await axe.run()).violations.map((violation) => `${violation.id} (${violation.nodes.length})`);
  });
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const standardFontDataUrl = fileURLToPath(new URL('../../node_modules/pdfjs-dist/standard_fonts/', import.meta.url));
  const document = await getDocument({ data: bytes.slice(), isEvalSupported: false, standardFontDataUrl }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    pages.push((await (await document.getPage(number)).getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await document.destroy();
  return pages.join('\n');
}

describe('proof of attendance in the browser', () => {
  const clock = new TestClock(MORNING);
  let database: TestDatabase;
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;

  before(async () => {
    const bundle = await build({
      entryPoints: [fileURLToPath(new URL('./support/attendance-pages.ts', import.meta.url))],
      bundle: true,
      format: 'esm',
      write: false,
      // package.json's sideEffects list covers the published widgets only; the console page is bundled whole here.
      ignoreAnnotations: true,
      tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
    });
    const script = bundle.outputFiles[0]!.text;
    const page = (body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test page</title><script type="module" src="/pages.js"></script></head><body><main><h1>Test page</h1>${body}</main></body></html>`;
    const pages: Record<string, Response | (() => Response)> = {
      '/pages.js': () => new Response(script, { headers: { 'content-type': 'text/javascript' } }),
      '/participant.html': () => new Response(page('<iop-alumni-browser api-base="/api/iop/"></iop-alumni-browser>'), { headers: { 'content-type': 'text/html' } }),
      '/desk.html': () => new Response(page('<iop-attendance-desk></iop-attendance-desk>'), { headers: { 'content-type': 'text/html' } }),
    };
    database = await openTestDatabase('pglite', clock);
    server = await startTestServer(database.db, clock, {
      staticFiles: async (c, next) => {
        const served = pages[c.req.path];
        if (served) return typeof served === 'function' ? served() : served;
        await next();
      },
    });
    browser = await launchChromium();
    context = await browser.newContext({ timezoneId: 'America/Denver', locale: 'en-US', acceptDownloads: true, bypassCSP: true });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await database?.close();
  });

  async function openAt(path: string, at: Date): Promise<Page> {
    const page = await context.newPage();
    await page.clock.setFixedTime(at);
    await page.goto(`${server.url}${path}`);
    return page;
  }

  it('RSVP, code, check-in, letter for the month, PDF verified; one changed date is not genuine', async () => {
    // The participant RSVPs to tonight's Alumni Group.
    const participant = await openAt('/participant.html', MORNING);
    const errors: string[] = [];
    participant.on('pageerror', (error) => errors.push(error.message));
    await participant.locator('iop-alumni-browser #search').fill('Alumni Group');
    await participant.locator('iop-alumni-browser #day-2026-03-03 + ul .session-button').first().click();
    await participant.getByRole('button', { name: 'RSVP for this date' }).click();
    await participant.locator('iop-alumni-browser #rsvp-name').fill('D. W.');
    await participant.locator('iop-alumni-browser #rsvp-email').fill('dw@example.org');
    await participant.locator('iop-alumni-browser form.rsvp button[type=submit]').click();
    await participant.getByRole('heading', { name: 'You are booked in' }).waitFor();
    await participant.getByRole('button', { name: /My sessions/ }).click();
    const codeInput = participant.locator('iop-my-attendance input[id^="code-"]');
    await codeInput.waitFor();

    // Evening: the facilitator opens the session in the console and shows the code.
    clock.advance(AT_THE_SESSION.getTime() - clock.now().getTime());
    await participant.clock.setFixedTime(AT_THE_SESSION);
    const facilitator = await createStaffAccount(database.db, 'alumni', clock.now(), 'Sam Facilitator');
    const cookie = await sessionCookie(database.db, facilitator, clock);
    await context.addCookies([{ name: SESSION_COOKIE, value: cookie.slice(SESSION_COOKIE.length + 1), url: server.url, httpOnly: true, sameSite: 'Strict' }]);
    const desk = await openAt('/desk.html', AT_THE_SESSION);
    await desk.locator('iop-attendance-desk #desk-session').selectOption('alumni-tuesday');
    await desk.getByRole('button', { name: 'Open this session' }).click();
    const shown = desk.locator('iop-attendance-desk [part=code]');
    await shown.waitFor();
    const code = (await shown.textContent())!.trim();
    assert.match(code, /^\d{6}$/);
    assert.equal(await desk.getByRole('img', { name: 'QR code of the check-in code' }).count(), 1);

    // The participant checks in; the page hears an opaque id and a status, nothing more.
    await participant.evaluate(() => {
      document.addEventListener('iop-attendance-recorded', (event) => ((window as unknown as { heard: string[] }).heard = Object.keys(event).filter((key) => key !== 'isTrusted')));
    });
    await codeInput.fill(code);
    await participant.locator('iop-my-attendance').getByRole('button', { name: 'Check in', exact: true }).click();
    await participant.getByText('You are checked in. Thank you for coming.').waitFor();
    assert.deepEqual(((await participant.evaluate(() => (window as unknown as { heard: string[] }).heard)) ?? []).sort(), ['rsvpId', 'status']);
    await desk.getByRole('button', { name: 'Open this session' }).click();
    await desk.getByRole('cell', { name: /Present \(by code\)/ }).waitFor();
    assert.deepEqual(await axeViolations(desk), [], 'the desk with a code and a roster');

    // A letter for March, discreet titles, downloaded as a PDF.
    await participant.locator('iop-my-attendance #letter-name').fill('Dana Whitfield, RN');
    assert.equal(await participant.locator('iop-my-attendance #letter-from').inputValue(), '2026-03-01');
    await participant.getByRole('button', { name: 'Make my letter' }).click();
    const link = participant.getByRole('link', { name: 'Download the letter (PDF)' });
    await link.waitFor();
    const [download] = await Promise.all([participant.waitForEvent('download'), link.click()]);
    const pdf = new Uint8Array(await readFile((await download.path())!));
    assert.deepEqual(await axeViolations(participant), [], 'My attendance with a letter ready');
    const text = await pdfText(pdf);
    assert.ok(text.includes('2026-03-03') && text.includes('Support session') && text.includes('Dana Whitfield, RN'), text);
    const verificationCode = /[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(text)![0];
    assert.ok(text.includes(`${server.url}/verify-letter`), 'the PDF says where to verify it');

    await desk.reload();
    await desk.getByRole('cell', { name: '2026-03-01 – 2026-03-31' }).waitFor();

    // The monitor checks the letter on the verification page, then a copy with one date changed.
    const monitor = await context.newPage();
    const verify = async (file: Uint8Array) => {
      await monitor.goto(`${server.url}/verify-letter`);
      await monitor.getByLabel('Verification code').fill(verificationCode);
      await monitor.getByLabel('The letter (PDF, optional)').setInputFiles({ name: 'letter.pdf', mimeType: 'application/pdf', buffer: Buffer.from(file) });
      await monitor.getByRole('button', { name: 'Check the letter' }).click();
      return (await monitor.locator('#verdict').textContent())!;
    };
    assert.match(await verify(pdf), /^Genuine and unchanged/);
    const forged = await PDFDocument.load(pdf);
    const font = await forged.embedFont(StandardFonts.Helvetica);
    const first = forged.getPage(0);
    first.drawRectangle({ x: 50, y: 560, width: 80, height: 120, color: rgb(1, 1, 1) });
    first.drawText('2026-03-10', { x: 56, y: 600, size: 11, font });
    const forgedBytes = await forged.save();
    assert.ok((await pdfText(forgedBytes)).includes('2026-03-10'), 'the forgery shows the changed date');
    assert.match(await verify(forgedBytes), /^Not genuine/);
    assert.deepEqual(await axeViolations(monitor), [], 'the verification page with its answer');
    assert.deepEqual(errors, []);
  });
});
