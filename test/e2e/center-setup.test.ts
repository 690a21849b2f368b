/**
 * A center goes live from nothing: an empty PostgreSQL database, a production start (`npm run
 * serve`: no demo data), the first administrator enrols with a passkey (virtual authenticator) and
 * lands on first-run setup, fills it in the console, writes its self-pay text in English and
 * Spanish, sets up one program with two tracks, assessment hours with a holiday, one payer and a
 * monthly alumni session with an exception, with Spanish names. Then the embed builder allows a
 * second website with one button and gives the snippet; a host page on another origin built from
 * it books an assessment in Spanish (never on the holiday) and RSVPs to the monthly session.
 *
 * Needs TEST_DATABASE_URL (a role with CREATEDB): each run creates a throwaway database and drops it.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openPostgresDatabase } from '../../server/db/postgres-database.js';
import type { Database } from '../../server/db/database.js';
import type { AlumniSessionList, AssessmentSlotList, ProgramList } from '../../src/api/schemas.js';
import { startServerProcess, stopServerProcess, waitForOutput, type ServerProcess } from '../server/support/server-process.js';
import { axeViolations } from './support/axe.js';
import { launchChromium, startHostSite, type HostSite } from './support/hostile-host.js';

const databaseUrl = process.env.TEST_DATABASE_URL;
const ZONE = 'America/Denver';

/** A calendar date in the center's zone, `days` from today. */
function centerDate(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date(Date.now() + days * 86_400_000));
}
const weekday = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay();
const dayOfMonth = (date: string) => Number(date.slice(8));

/** Reads a settings section and saves it with a new value, from the signed-in console page (its cookie, its origin). */
async function saveSection(page: Page, section: string, value: unknown): Promise<void> {
  const status = await page.evaluate(
    async ([section, value]) => {
      const base = `/api/iop/staff/settings/${section}`;
      const current = (await (await fetch(base, { headers: { accept: 'application/json' } })).json()) as { version: number };
      const response = await fetch(base, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-iop-staff': '1' },
        body: JSON.stringify({ version: current.version, value }),
      });
      return `${response.status} ${response.ok ? '' : await response.text()}`;
    },
    [section, value] as const,
  );
  assert.match(status, /^200 /, `${section}: ${status}`);
}

describe('a center set up from an empty PostgreSQL database', { skip: databaseUrl ? false : 'TEST_DATABASE_URL is not set: this test needs PostgreSQL', timeout: 240_000 }, () => {
  const databaseName = `iop_setup_${randomBytes(5).toString('hex')}`;
  let admin: Database;
  let server: ServerProcess;
  let browser: Browser;
  let host: HostSite;
  let origin = '';

  before(async () => {
    admin = await openPostgresDatabase(databaseUrl!, { maxConnections: 1 });
    await admin.exec(`CREATE DATABASE ${databaseName}`);
    const url = new URL(databaseUrl!);
    url.pathname = `/${databaseName}`;
    [server, browser, host] = await Promise.all([
      startServerProcess('server/serve.ts', { DATABASE_URL: url.toString(), IOP_DATA_KEY: randomBytes(32).toString('base64'), IOP_RATE_LIMIT_WRITES_PER_MINUTE: '100000' }, 120_000),
      launchChromium(),
      startHostSite(),
    ]);
    // Passkeys need a host name, not an address: the console is opened as localhost.
    origin = server.origin.replace('127.0.0.1', 'localhost');
  });

  after(async () => {
    await browser?.close();
    if (server) await stopServerProcess(server);
    await host?.close();
    await admin?.exec(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    await admin?.close();
  });

  it('starts with no demo data: the public API says the center is not configured', async () => {
    const programs = await fetch(`${origin}/api/iop/programs`);
    assert.equal(programs.status, 503);
    assert.equal(((await programs.json()) as { code: string }).code, 'center-not-configured');
    assert.deepEqual(await (await fetch(`${origin}/api/iop/staff/setup`)).json(), { needsFirstAdmin: true, centerConfigured: false });
  });

  it('goes from first-run setup in the console to a booking and an RSVP on the center’s own site', async () => {
    const setupPath = (await waitForOutput(server, /One-time setup link \(single use, 72 h\): \S+?(\/console\/#invite=\S+)/))?.[1];
    assert.ok(setupPath, 'the production start printed a one-time setup link');

    const context: BrowserContext = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (/Content Security Policy|TrustedHTML|TrustedScript|Trusted Type/i.test(message.text())) problems.push(message.text());
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
    });

    // The first administrator enrols and lands on first-run setup.
    await page.goto(`${origin}${setupPath}`);
    await page.getByLabel('Your name, as colleagues will see it').fill('Dana Admin');
    await page.getByRole('button', { name: 'Create my passkey' }).click();
    await page.getByRole('heading', { name: 'Set up your center' }).waitFor();

    // A failed submit: the error summary takes focus and links to each field.
    await page.getByRole('button', { name: 'Set up the center' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    assert.equal(await page.locator('iop-center-setup .error-summary a').count(), 2, 'name and phone');
    assert.deepEqual(await axeViolations(page), [], 'axe: first run with errors');

    await page.getByLabel('Center name').fill('Aspen Way Recovery');
    await page.getByLabel('Phone number people call').fill('+1 720-555-0110');
    await page.getByLabel('Time zone').selectOption(ZONE);
    await page.getByLabel('Title of calendar entries (optional)').fill('Appointment');
    await page.getByLabel('Websites that will show the widgets').fill(`${host.origin}\n`);
    await page.getByRole('button', { name: 'Set up the center' }).click();
    await page.getByText('Your center is set up.').waitFor();

    // Center profile: self-pay text in English and Spanish, through the settings page.
    await page.getByRole('heading', { name: 'Center and self-pay' }).waitFor();
    await page.locator('#f-selfPay-summary').fill('Self-pay is welcome; ask us for the whole-program price.');
    await page.locator('#f-selfPay-translations-es-summary').fill('Aceptamos pago por cuenta propia; pídanos el precio del programa completo.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved. Widgets show the change on their next load.').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'axe: center profile');

    const holiday = [2, 3, 4, 5, 6].map(centerDate).find((date) => weekday(date) >= 1 && weekday(date) <= 5)!;
    const firstMeeting = centerDate(1);
    const meetingDay = Math.min(dayOfMonth(firstMeeting), 28);
    const meetings = Array.from({ length: 100 }, (_, days) => centerDate(days + 1)).filter((date) => dayOfMonth(date) === meetingDay);
    const [monthly1, monthly2, monthly3] = meetings as [string, string, string];
    const saved = async (section: string) => {
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('Saved. Widgets show the change on their next load.').waitFor();
      assert.deepEqual(await axeViolations(page), [], `axe: ${section}`);
    };

    // One program, two tracks, with Spanish names, in the programs page.
    await page.getByRole('button', { name: 'Programs and tracks' }).click();
    await page.getByRole('button', { name: 'Add a program' }).click();
    await page.locator('#f-programs-0-name').fill('Adult IOP');
    await page.locator('#f-programs-0-translations-es-name').fill('IOP para adultos');
    for (const [t, name, nombre, start, end] of [
      [0, 'Morning IOP', 'IOP de mañana', '09:00', '12:00'],
      [1, 'Evening IOP', 'IOP de noche', '18:00', '21:00'],
    ] as const) {
      await page.getByRole('button', { name: 'Add a track to Adult IOP' }).click();
      await page.locator(`#f-programs-0-tracks-${t}-name`).fill(name);
      await page.locator(`#f-programs-0-tracks-${t}-translations-es-name`).fill(nombre);
      await page.locator(`#f-programs-0-tracks-${t}-languages-es`).check();
      await page.locator(`#f-programs-0-tracks-${t}-meetings-0-start`).fill(start);
      await page.locator(`#f-programs-0-tracks-${t}-meetings-0-end`).fill(end);
    }
    assert.equal(await page.locator('#f-programs-0-tracks-1-id').inputValue(), 'evening-iop', 'a new track takes its id from its name');
    // A meeting added by mistake, removed with the keyboard: focus lands on "Add a meeting time", not the top of the page.
    const addMeeting = page.locator('#f-programs-0-tracks-1-add-meeting');
    await addMeeting.click();
    await page.locator('#f-programs-0-tracks-1-meetings-1-day').waitFor();
    await page.getByRole('button', { name: /^Remove Monday 18:00/ }).nth(1).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.querySelector('iop-console')?.shadowRoot?.querySelector('iop-center-setup')?.shadowRoot?.querySelector('iop-programs-settings')?.shadowRoot?.querySelector('#f-programs-0-tracks-1-meetings-1-day'));
    assert.equal(await addMeeting.evaluate((button) => (button.getRootNode() as ShadowRoot).activeElement === button), true, 'focus on the add button');
    await saved('programs');

    // Weekday hours, a holiday, the notice and horizon, and the preview, in the availability page.
    await page.getByRole('button', { name: 'Assessment hours' }).click();
    await page.getByRole('heading', { name: 'Assessment hours' }).waitFor();
    for (const [w, day] of [1, 2, 3, 4, 5].entries()) {
      await page.getByRole('button', { name: 'Add weekly hours' }).click();
      await page.locator(`#f-windows-${w}-day`).selectOption(String(day));
    }
    await page.locator('#f-minimumNoticeHours').fill('2');
    await page.locator('#f-bookingHorizonDays').fill('30');
    await page.getByRole('button', { name: 'Add a holiday or special date' }).click();
    await page.locator('#f-overrides-0-date').fill(holiday);
    await page.locator('#f-overrides-0-note').fill('Holiday');
    assert.equal(await page.locator('#f-overrides-0-closed').isChecked(), true, 'a new date starts closed');
    await page.getByRole('button', { name: 'Show the times' }).click();
    await page.getByText(/^\d+ times from /).waitFor();
    const zones = await page.locator('iop-availability-settings thead th').allInnerTexts();
    const viewerZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    assert.deepEqual(zones, viewerZone === ZONE ? [`Center’s time (${ZONE})`, 'How'] : [`Center’s time (${ZONE})`, `Your time (${viewerZone})`, 'How']);
    const centerTimes = await page.locator('iop-availability-settings tbody tr td:first-child').allInnerTexts();
    assert.ok(centerTimes.some((text) => /9:00\sAM/.test(text)), 'days start at 9 in the center’s zone');
    assert.ok(!centerTimes.some((text) => /5:00\sPM/.test(text)), 'the last slot starts at 4');
    await saved('availability');

    // One payer, and the monthly session with an exception, in their pages.
    await page.getByRole('button', { name: 'Insurance payers' }).click();
    await page.getByRole('button', { name: 'Add a payer' }).click();
    await page.locator('#f-payers-0-name').fill('Acme Health');
    await page.locator('#f-payers-0-aliases').fill('Acme, Acme Insurance');
    await saved('payers');
    // A colleague saves the payers meanwhile: the stale save is refused, says so, and keeps what was typed.
    await saveSection(page, 'payers', { payers: [{ id: 'acme-health', name: 'Acme Health', aliases: ['Acme'], memberIdRule: 'generic', inNetwork: null }] });
    await page.locator('#f-payers-0-name').fill('Acme Health Plans');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText(/^Someone else saved this section since you opened it \(Dana Admin, /).waitFor();
    assert.equal(await page.locator('#f-payers-0-name').inputValue(), 'Acme Health Plans', 'what the admin typed is still there');
    assert.deepEqual(await axeViolations(page), [], 'axe: a stale save');
    await page.getByRole('button', { name: 'Save mine over theirs' }).click();
    await page.getByText('Saved. Widgets show the change on their next load.').waitFor();

    await page.getByRole('button', { name: 'Alumni sessions' }).click();
    await page.getByRole('button', { name: 'Add a session' }).click();
    await page.locator('#f-sessions-0-title').fill('Alumni Night');
    await page.locator('#f-sessions-0-translations-es-title').fill('Noche de exalumnos');
    await page.locator('#f-sessions-0-topics').fill('staying connected');
    await page.locator('#f-sessions-0-translations-es-topics').fill('mantenerse en contacto');
    await page.locator('#f-sessions-0-facilitator-firstName').fill('Jordan');
    await page.locator('#f-sessions-0-facilitator-role').fill('Alumni coordinator');
    await page.locator('#f-sessions-0-capacity').fill('20');
    await page.locator('#f-sessions-0-location').fill('200 Aspen Way, Denver, CO');
    await page.locator('#f-sessions-0-recurrence-kind').selectOption('monthly-day');
    await page.locator('#f-sessions-0-recurrence-dayOfMonth').fill(String(meetingDay));
    await page.locator('#f-sessions-0-recurrence-startDate').fill(centerDate(0));
    await page.locator('#f-sessions-0-recurrence-start').fill('18:00');
    await page.locator('#f-sessions-0-exceptions').fill(monthly2);
    await page.locator('iop-sessions-settings ul.dates s').first().waitFor();
    assert.equal(await page.locator('iop-sessions-settings ul.dates li').filter({ hasText: '(does not meet)' }).count(), 1, 'the preview marks the exception');
    await saved('sessions');

    // Export, then import: the same document changes nothing; a broken one names each problem's path.
    await page.getByRole('button', { name: 'Import and export' }).click();
    const exported = await page.evaluate(async () => (await fetch('/api/iop/staff/settings/export')).text());
    await page.locator('#import-file').setInputFiles({ name: 'center-setup.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
    await page.getByText('Importing this file would make no changes.').waitFor();
    const broken = JSON.parse(exported) as { programs: { programs: { tracks: { weeks: number }[] }[] }; payers: { payers: { memberIdRule: string }[] } };
    broken.programs.programs[0]!.tracks[1]!.weeks = 0;
    broken.payers.payers[0]!.memberIdRule = 'psychic';
    await page.locator('#import-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    await page.getByText(/^Nothing was changed: the file has 2 problems/).waitFor();
    const problemsShown = await page.locator('iop-setup-transfer li code').allInnerTexts();
    assert.deepEqual(problemsShown.sort(), ['/payers/payers/0/memberIdRule', '/programs/programs/0/tracks/1/weeks']);
    assert.deepEqual(await axeViolations(page), [], 'axe: import problems');

    // The history names who saved what, and how.
    await page.getByRole('button', { name: 'Change history' }).click();
    await page.locator('iop-settings-history tbody tr').first().waitFor();
    const history = await page.locator('iop-settings-history tbody tr').allInnerTexts();
    assert.ok(history.some((row) => row.includes('Alumni sessions') && row.includes('Dana Admin') && row.includes('Saved in the console')), history.join('\n'));
    assert.ok(history.some((row) => row.includes('First-run setup')), 'first run is in the history');
    assert.deepEqual(await axeViolations(page), [], 'axe: history');

    // The public API now answers with the center's own setup and nothing of the demo.
    const programs = (await (await fetch(`${origin}/api/iop/programs`)).json()) as ProgramList;
    assert.equal(programs.center.name, 'Aspen Way Recovery');
    assert.deepEqual(programs.programs.map((program) => [program.name, program.translations?.es?.name]), [['Adult IOP', 'IOP para adultos']]);
    assert.equal(programs.center.selfPay?.translations?.es?.summary, 'Aceptamos pago por cuenta propia; pídanos el precio del programa completo.');
    assert.deepEqual(
      programs.programs.flatMap((program) => program.tracks.map((t) => [t.name, t.translations?.es?.name])),
      [
        ['Morning IOP', 'IOP de mañana'],
        ['Evening IOP', 'IOP de noche'],
      ],
    );
    const slots = (await (await fetch(`${origin}/api/iop/assessment-slots?from=${centerDate(0)}&to=${centerDate(13)}`)).json()) as AssessmentSlotList;
    assert.ok(slots.slots.length > 0, 'slots on the working days');
    const slotDates = new Set(slots.slots.map((slot) => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date(slot.start))));
    assert.ok(!slotDates.has(holiday), `no slot on the holiday ${holiday}`);

    // The embed builder: the first-run website is allowed; a second one is allowed with one button.
    await page.getByRole('button', { name: 'Embed on your website' }).click();
    await page.getByRole('heading', { name: 'Embed the widgets on your website' }).waitFor();
    const site = page.getByLabel('Address of the website that will show the widget');
    await site.fill(host.origin);
    await page.getByText(`${host.origin} is allowed: the widgets will work there.`).waitFor();
    await site.fill(`${host.attackerOrigin}/some/page`);
    await site.blur();
    await page.getByText(`Enter only the website’s address, without a page: ${host.attackerOrigin}`).waitFor();
    await site.fill(host.attackerOrigin);
    await page.getByText(`${host.attackerOrigin} is not allowed yet`).waitFor();
    await page.getByRole('button', { name: `Allow ${host.attackerOrigin}` }).click();
    await page.getByText(`${host.attackerOrigin} is now allowed.`).waitFor();
    const check = await fetch(`${origin}/api/iop/origin-check`, { headers: { origin: host.attackerOrigin } });
    assert.deepEqual(await check.json(), { origin: host.attackerOrigin, allowed: true });

    // The schedule picker in Spanish, in a brand colour; its preview is the real widget.
    await page.locator('#widget-iop-schedule-picker').check();
    await page.locator('#embed-locale').selectOption('es');
    await page.getByLabel('Buttons and links').fill('#7a3e9d');
    await page.locator('iop-embed-builder iop-schedule-picker [part="track-card"] h3').first().waitFor();
    assert.deepEqual(await page.locator('iop-embed-builder iop-schedule-picker [part="track-card"] h3').allInnerTexts(), ['IOP de mañana', 'IOP de noche'], 'the preview shows the Spanish names');
    assert.deepEqual(await axeViolations(page), [], 'axe: embed builder with a live preview');
    await page.getByRole('button', { name: 'Copy the code' }).click();
    await page.getByText('Copied.').waitFor();
    const pickerCode = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(pickerCode, await page.locator('#embed-code').inputValue(), 'the clipboard holds the code shown');
    assert.match(pickerCode, /^<script type="module" src="http:\/\/localhost:\d+\/dist\/cdn\/iop-widgets\.js"><\/script>\n\n<iop-schedule-picker api-base="http:\/\/localhost:\d+\/api\/iop\/" locale="es"><\/iop-schedule-picker>$/);
    const pickerCss = await page.locator('#embed-css').inputValue();
    assert.equal(pickerCss, 'iop-schedule-picker {\n  --iop-color-accent: #7a3e9d;\n}');
    const csp = await page.locator('#embed-csp').inputValue();
    assert.equal(csp, `script-src ${origin}\nconnect-src ${origin}`);

    // The alumni sessions, ten weeks ahead, in Spanish.
    await page.locator('#widget-iop-alumni-browser').check();
    await page.getByLabel('Days ahead to show').fill('70');
    const alumniCode = await page.locator('#embed-code').inputValue();
    const alumniMarkup = alumniCode.split('\n\n')[1]!;
    assert.match(alumniMarkup, /^<iop-alumni-browser api-base="[^"]+" locale="es" range-days="70"><\/iop-alumni-browser>$/);

    // The allowed websites page lists both; the screener gets a crisis line of the center's own.
    await page.getByRole('button', { name: 'Allowed websites' }).click();
    assert.equal(await page.locator('#f-allowedOrigins').inputValue(), `${host.origin}\n${host.attackerOrigin}`);
    assert.deepEqual(await axeViolations(page), [], 'axe: allowed websites');
    await page.getByRole('button', { name: 'Screener', exact: true }).click();
    await page.getByRole('button', { name: 'Add a crisis line' }).click();
    await page.locator('#f-crisisLines-0-name').fill('Colorado Crisis Services');
    await page.locator('#f-crisisLines-0-phone').fill('+1 844-493-8255');
    await page.locator('#f-crisisLines-0-translations-es-name').fill('Servicios de Crisis de Colorado');
    await page.locator('#f-thresholds-higherLevelPhq9').selectOption('15');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved. Widgets show the change on their next load.').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'axe: screener');
    const screener = (await (await fetch(`${origin}/api/iop/screener-settings`)).json()) as { thresholds: { higherLevelPhq9: number }; crisisLines: unknown[] };
    assert.equal(screener.thresholds.higherLevelPhq9, 15);
    assert.deepEqual(screener.crisisLines, [{ name: 'Colorado Crisis Services', phone: '+1 844-493-8255', translations: { es: { name: 'Servicios de Crisis de Colorado' } } }]);

    // The same pages in Spanish.
    await page.locator('#locale').selectOption('es');
    // It asks the server in Spanish too, so field problems and conflicts come back in Spanish.
    const sessionsRead = page.waitForRequest((request) => request.url().endsWith('/staff/settings/sessions'));
    await page.getByRole('button', { name: 'Sesiones de exalumnos' }).click();
    assert.equal((await sessionsRead).headers()['accept-language'], 'es');
    await page.getByRole('heading', { name: 'Sesiones de exalumnos' }).waitFor();
    await page.getByRole('heading', { name: 'Próximas fechas' }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'axe: sessions in Spanish');
    assert.deepEqual(problems, [], 'no CSP or Trusted Types violation in the console');

    // The center's website, on another origin, built from the snippet (its stylesheet gets the colours); the screener
    // inline (this page's policy names no frame source) and asking PHQ-9 only, to reach the crisis panel quickly.
    const screenerMarkup = `<iop-intake-screener api-base="${/api-base="([^"]+)"/.exec(pickerCode)![1]}" isolation="inline" storage="memory" instruments="phq-9"></iop-intake-screener>`;
    host.page(
      '/citas.html',
      `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>Aspen Way</title>
<style>${pickerCss}</style></head>
<body><h1>Aspen Way</h1>${pickerCode}\n${alumniMarkup}\n${screenerMarkup}</body></html>`,
      `default-src 'none'; ${csp.split('\n').join('; ')}; style-src 'unsafe-inline'; img-src data:`,
    );
    const visitor = await browser.newContext();
    try {
      const visitorPage = await visitor.newPage();
      const siteProblems: string[] = [];
      visitorPage.on('pageerror', (error) => siteProblems.push(error.message));
      visitorPage.on('console', (message) => message.type() === 'error' && siteProblems.push(message.text()));
      await visitorPage.goto(`${host.origin}/citas.html`);
      const picker = visitorPage.locator('iop-schedule-picker');
      const cards = picker.locator('[part="track-card"] h3');
      await cards.first().waitFor();
      assert.deepEqual(await cards.allInnerTexts(), ['IOP de mañana', 'IOP de noche'], 'the Spanish track names');

      await picker.getByRole('button', { name: /^Elegir este horario/ }).first().click();
      await picker.locator('[part="calendar"]').waitFor();
      const holidayCell = picker.locator(`td[data-date="${holiday}"]`);
      if (await holidayCell.count()) {
        await holidayCell.click();
        await picker.getByText('No hay horas libres este día.').waitFor();
      }
      if (!(await picker.locator('[part="time-list"]').count())) await picker.getByRole('button', { name: /^Ir al siguiente día con horas libres/ }).click();
      const bookedDate = await picker.locator('td[aria-selected="true"]').getAttribute('data-date');
      assert.ok(bookedDate && bookedDate !== holiday, `booked on ${bookedDate}, not the holiday ${holiday}`);
      await picker.locator('[part="time-list"] button').first().click();
      await picker.getByRole('heading', { name: '¿Cómo podemos comunicarnos con usted?' }).waitFor();
      await picker.locator('#name').fill('Sam');
      await picker.locator('input[type="radio"][name="preferred"]').nth(0).check();
      await picker.locator('#phone').fill('303 555 0142');
      await picker.locator('input[type="radio"][name="voicemailOk"]').nth(1).check();
      await picker.locator('#consent').check();
      await picker.locator('button[type="submit"]').click();
      await picker.getByRole('heading', { name: 'Revise su reserva' }).waitFor();
      await picker.getByRole('button', { name: 'Reservar esta hora' }).click();
      await picker.getByRole('heading', { name: 'Su evaluación está reservada' }).waitFor({ timeout: 20_000 });

      // The screener's crisis panel: 988 and 911 first, then the crisis line the center saved above, by its Spanish name.
      const screener = visitorPage.locator('iop-intake-screener');
      await screener.locator('input[name="consent"]').first().check();
      await screener.locator('button[type="submit"]').click();
      await screener.getByRole('heading', { name: 'Sobre usted' }).waitFor();
      await screener.locator('input[name="for"]').first().check();
      await screener.locator('input[name="age-group"]').nth(2).check();
      await screener.locator('button[type="submit"]').click();
      await screener.getByRole('heading', { name: 'Su trabajo' }).waitFor();
      await screener.locator('input[name="profession"]').first().check();
      await screener.locator('button[type="submit"]').click();
      await screener.locator('input[name="phq-9-9"]').nth(1).check();
      const centerLine = screener.locator('[part="crisis"] a[href="tel:+18444938255"]');
      await centerLine.waitFor();
      assert.equal((await centerLine.textContent())?.trim(), 'Llame a Servicios de Crisis de Colorado al +1 844-493-8255');
      const crisisLinks = await screener.locator('[part="crisis"] a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
      assert.deepEqual(crisisLinks, ['tel:988', 'sms:988?body=AYUDA', 'https://988lifeline.org/chat/', 'tel:911', 'tel:+18444938255']);

      // The monthly session: its exception is not offered; an RSVP for the first date.
      const alumni = visitorPage.locator('iop-alumni-browser');
      await alumni.locator('.session-button').first().waitFor();
      assert.equal(await alumni.locator(`#day-${monthly1}`).count(), 1, `meets on ${monthly1}`);
      assert.equal(await alumni.locator(`#day-${monthly2}`).count(), 0, `not on the exception ${monthly2}`);
      if (monthly3 <= centerDate(69)) assert.equal(await alumni.locator(`#day-${monthly3}`).count(), 1, `meets again on ${monthly3}`);
      assert.match((await alumni.locator('.session-title').first().textContent()) ?? '', /Noche de exalumnos/);
      await alumni.locator(`#day-${monthly1} + ul .session-button`).click();
      await alumni.getByRole('button', { name: 'Confirmar asistencia para esta fecha' }).click();
      await alumni.locator('#rsvp-name').fill('S. R.');
      await alumni.locator('#rsvp-email').fill('sr@example.org');
      await alumni.getByRole('button', { name: 'Enviar confirmación' }).click();
      await alumni.getByRole('heading', { name: 'Tiene su lugar reservado' }).waitFor({ timeout: 20_000 });
      assert.deepEqual(siteProblems, [], 'no error on the center’s site');
    } finally {
      await visitor.close();
    }
    const sessions = (await (await fetch(`${origin}/api/iop/alumni-sessions?from=${monthly1}&to=${monthly1}`)).json()) as AlumniSessionList;
    assert.equal(sessions.sessions[0]?.counts.find((count) => count.date === monthly1)?.confirmed, 1, 'the RSVP reached the server');
    await context.close();
  });
});
