/**
 * The center console end to end, in headless Chromium with virtual passkey authenticators (CDP
 * WebAuthn domain): the first admin enrols from the one-time setup link the server printed, invites
 * an intake coordinator, who enrols on another device, signs out and back in with the passkey, sees
 * intakes arrive live (the urgent one on top, with an alert), opens it, changes its status and signs
 * out. Along the way: exactly one audit row per read of the record, the page's strict CSP and Trusted
 * Types hold, axe finds nothing, and nothing health-related is left in the browser's storage.
 */
import { screenedIntake } from '../server/support/fixtures.js';
import { waitForOutput } from '../server/support/server-process.js';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { axeViolations } from './support/axe.js';
import { launchChromium } from './support/hostile-host.js';
import { startReferenceServer, type ReferenceServerProcess } from '../support/reference-server-process.mjs';


/** A device with a platform passkey authenticator that verifies its user (fingerprint, face, PIN). */
async function deviceWithPasskeys(browser: Browser): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
  });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (/Content Security Policy|TrustedHTML|TrustedScript|Trusted Type/i.test(message.text())) problems.push(message.text());
  });
  return { context, page, problems };
}

/** What the center's screener sends: scores, result and QuestionnaireResponse from the domain code (the server recomputes them). */
function intake(name: string, urgent: boolean) {
  const answers = urgent
    ? { 'phq-9-1': 2, 'phq-9-2': 1, 'phq-9-9': 2, 'asq-1': 1, 'asq-2': 0, 'asq-3': 0, 'asq-4': 0, 'asq-5': 1 }
    : { 'phq-9-1': 2, 'phq-9-2': 1, 'phq-9-9': 0 };
  return screenedIntake(urgent ? ['phq-9', 'asq'] : ['phq-9'], answers, 'en', name);
}

describe('the center console', () => {
  let server: ReferenceServerProcess | undefined;
  let browser: Browser;
  let origin = '';

  before(async () => {
    server = await startReferenceServer({ entry: 'scripts/start.mjs', timeoutMs: 120_000 });
    // Passkeys need a host name, not an address: the console is opened as localhost.
    origin = `http://localhost:${server.port}`;
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    server?.stop();
  });

  it('serves /console/ with a strict CSP, Trusted Types and no-store', async () => {
    const page = await fetch(`${origin}/console/`);
    assert.equal(page.status, 200);
    const policy = page.headers.get('content-security-policy') ?? '';
    assert.match(policy, /script-src 'self';/);
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval/);
    assert.match(policy, /require-trusted-types-for 'script'; trusted-types lit-html/);
    assert.equal(page.headers.get('cache-control'), 'no-store');
    assert.equal((await fetch(`${origin}/console/console.js`)).headers.get('cache-control'), 'no-store');
  });

  it('enrols the first admin, who invites an intake coordinator, who works a live queue with the urgent intake on top', async () => {
    // The link is logged after "listening": on a busy machine it can come after the server is ready.
    const setupLink = (await waitForOutput(server!, /One-time setup link \(single use, 72 h\): (\S+)/))?.[1];
    assert.ok(setupLink, 'the server printed a one-time setup link');
    assert.match(setupLink, /\/console\/#invite=/);

    // The first admin, on their own device.
    const admin = await deviceWithPasskeys(browser);
    await admin.page.goto(setupLink);
    await admin.page.getByRole('heading', { name: 'Create your console account' }).waitFor();
    assert.equal(new URL(admin.page.url()).hash, '', 'the invitation token left the address bar');
    await admin.page.getByLabel('Your name, as colleagues will see it').fill('Dana Admin');
    await admin.page.getByRole('button', { name: 'Create my passkey' }).click();
    await admin.page.getByText('Signed in as Dana Admin (Administrator)').waitFor();
    assert.deepEqual(await axeViolations(admin.page), [], 'axe: admin work queue');

    await admin.page.getByRole('button', { name: 'Staff and tokens' }).click();
    await admin.page.getByLabel('Role').first().selectOption('intake');
    await admin.page.getByLabel('Their name (optional)').fill('Robin');
    await admin.page.getByRole('button', { name: 'Create an invitation link' }).click();
    const invite = (await admin.page.locator('[data-secret="invite"]').textContent())?.trim() ?? '';
    assert.match(invite, /^http:\/\/localhost:\d+\/console\/#invite=/);
    assert.deepEqual(await axeViolations(admin.page), [], 'axe: staff and tokens');

    // The intake coordinator, on another device: enrols, signs out, signs back in with the passkey.
    const robin = await deviceWithPasskeys(browser);
    const recordReads: string[] = [];
    robin.page.on('request', (request) => {
      if (/\/api\/iop\/staff\/records\/intakes\/[^/]+$/.test(new URL(request.url()).pathname)) recordReads.push(request.url());
    });
    await robin.page.goto(invite);
    await robin.page.getByLabel('Your name, as colleagues will see it').fill('Robin Intake');
    assert.deepEqual(await axeViolations(robin.page), [], 'axe: enrolment');
    await robin.page.getByRole('button', { name: 'Create my passkey' }).click();
    await robin.page.getByText('Signed in as Robin Intake (Intake coordinator)').waitFor();
    await robin.page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await robin.page.getByRole('button', { name: 'Sign in with a passkey' }).waitFor();
    assert.deepEqual(await axeViolations(robin.page), [], 'axe: sign-in');
    await robin.page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await robin.page.getByText('Signed in as Robin Intake (Intake coordinator)').waitFor();
    await robin.page.getByText('Live: new requests appear here without reloading.').waitFor();

    // Two people send screenings from the center's site, as its intake page does; the second is urgent.
    const canary = `Canary${randomBytes(5).toString('hex')}`;
    const send = async (body: unknown) => {
      const response = await fetch(`${origin}/api/iop/intakes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `e2e-${randomBytes(8).toString('hex')}` },
        body: JSON.stringify(body),
      });
      assert.equal(response.status, 201);
      return ((await response.json()) as { id: string }).id;
    };
    await send(intake(`${canary}Calm`, false));
    const rows = robin.page.locator('iop-work-queue tbody tr');
    await rows.first().waitFor();
    // Pushed by the server's queue watcher, not polled by the page (no timed assertion here: how fast
    // is a matter for a quiet machine, and a busy one must still pass).
    const urgentId = await send(intake(`${canary}Urgent`, true));
    await robin.page.getByText('A new urgent request is at the top of the queue.').waitFor();
    assert.equal(await rows.count(), 2);
    assert.match((await rows.first().textContent()) ?? '', new RegExp(`${urgentId.slice(0, 8)}\\s*Urgent`));
    assert.deepEqual(await axeViolations(robin.page), [], 'axe: live queue with an alert');

    // Opens the urgent one: who to call, the screening, then a status change.
    await rows.first().getByRole('button').click();
    await robin.page.getByText('Urgent: safety answers or a withdrawal risk. Please call today.').waitFor();
    assert.equal(await robin.page.getByRole('link', { name: 'Call +1 303-555-0199' }).getAttribute('href'), 'tel:+13035550199');
    await robin.page.getByText('Result: Needs help now').waitFor();
    assert.deepEqual(await axeViolations(robin.page), [], 'axe: record view');
    await robin.page.getByLabel('Status', { exact: true }).selectOption('contacted');
    await robin.page.getByRole('button', { name: 'Change status' }).click();
    await robin.page.getByText('Status changed to Contacted.').waitFor();
    await robin.page.getByText(/Contacted: Robin Intake/).waitFor();

    // The audit trail, seen by the admin: exactly one read row per read the console made.
    await admin.page.getByRole('button', { name: 'Audit trail' }).click();
    await admin.page.getByLabel('Record reference').fill(urgentId);
    await admin.page.getByRole('button', { name: 'Show requests' }).click();
    const auditRows = admin.page.locator('iop-audit-log tbody tr');
    await admin.page.locator('iop-audit-log tbody tr', { hasText: 'Changed a status' }).waitFor();
    const actions = await auditRows.evaluateAll((cells) => cells.map((row) => row.textContent ?? ''));
    assert.equal(actions.filter((text) => text.includes('Read a record')).length, recordReads.length, 'one audit row per read');
    assert.ok(recordReads.length >= 1);
    assert.equal(actions.filter((text) => text.includes('Changed a status')).length, 1);
    assert.ok(actions.every((text) => text.includes('Robin Intake') && !text.includes(canary)), 'who, and never the health data');
    assert.deepEqual(await axeViolations(admin.page), [], 'axe: audit trail');

    // The facilitator's attendance desk is one click away in the console, under the same strict policy.
    await admin.page.getByRole('button', { name: 'Attendance', exact: true }).click();
    await admin.page.locator('iop-attendance-desk h2').waitFor();
    assert.deepEqual(await axeViolations(admin.page), [], 'axe: attendance desk');

    // Signs out; nothing health-related stays in this browser's storage.
    await robin.page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await robin.page.getByRole('button', { name: 'Sign in with a passkey' }).waitFor();
    const stored = await robin.page.evaluate(async () => {
      const dump: string[] = [];
      for (const info of await indexedDB.databases()) {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open(info.name!);
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        for (const store of Array.from(db.objectStoreNames)) {
          const all = await new Promise<unknown[]>((resolve) => {
            const request = db.transaction(store).objectStore(store).getAll();
            request.onsuccess = () => resolve(request.result);
          });
          dump.push(`${info.name}/${store}: ${JSON.stringify(all)}`);
        }
        db.close();
      }
      const local = Object.entries(localStorage).map(([key, value]) => `${key}=${value}`);
      const session = Object.entries(sessionStorage).map(([key, value]) => `${key}=${value}`);
      const cached: string[] = [];
      for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) cached.push(request.url);
      return { indexedDb: dump, local, session, cached, cookie: document.cookie };
    });
    assert.deepEqual(stored, { indexedDb: [], local: [], session: [], cached: [], cookie: '' }, 'no IndexedDB, web storage, Cache Storage or script-readable cookie');
    assert.ok(!JSON.stringify(stored).includes(canary));

    assert.deepEqual([...admin.problems, ...robin.problems], [], 'no CSP or Trusted Types violation, no page error');
    await admin.context.close();
    await robin.context.close();
  });
});
