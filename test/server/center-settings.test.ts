/**
 * A center's own setup (issue 12) over real HTTP, on each backend: first-run on an empty database,
 * versioned admin saves (409 when stale, 422 with pointers, audit and history), availability
 * overrides in the slot generator, Spanish text carried to the public answers, screener thresholds
 * in the server's recomputation, origins without a restart, ETag/304, and export -> import into a
 * fresh database giving identical public answers.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CenterSetup, SettingsOverview } from '../../src/api/settings-schemas.js';
import { StaffRecord } from '../../server/staff/staff-schemas.js';
import { instantToWallClock } from '../../src/domain/zoned-time.js';
import { openPgliteDatabase } from '../../server/db/pglite-database.js';
import { openPostgresDatabase } from '../../server/db/postgres-database.js';
import { signWebhookBody } from '../../server/services/record-webhook.js';
import { diffJson, webhookEndpoint } from '../../server/settings/center-settings.js';
import { bookingRequest, rsvpRequest, screenedIntake } from './support/fixtures.js';
import { startServerProcess, stopServerProcess } from './support/server-process.js';
import { consoleFetch, createStaffAccount, sessionCookie } from './support/staff.js';
import {
  get,
  openTestDatabase,
  post,
  startTestServer,
  TestClock,
  testBackends,
  type TestDatabase,
  type TestServer,
  useTestServer,
  waitFor,
} from './support/test-server.js';

const STAFF_TOKEN = 'staff-token-for-settings-tests-0123';
const DENVER = 'America/Denver';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

async function asJson(response: Response): Promise<{ status: number; json: Json; headers: Headers }> {
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined, headers: response.headers };
}

/** An admin of `server`'s database, signed in through the console's own session code. */
async function adminOf(database: TestDatabase, server: TestServer, clock: TestClock, name = 'Dana Admin') {
  const admin = await createStaffAccount(database.db, 'admin', clock.now(), name);
  const cookie = await sessionCookie(database.db, admin, clock);
  return {
    get: async (path: string) => asJson(await consoleFetch(server, path, cookie)),
    put: async (path: string, body: unknown, headers: Record<string, string> = {}) => asJson(await consoleFetch(server, path, cookie, { method: 'PUT', body, headers })),
    post: async (path: string, body: unknown) => asJson(await consoleFetch(server, path, cookie, { method: 'POST', body })),
  };
}

const pointers = (json: Json): string[] => (json.errors ?? []).map((error: { pointer: string }) => error.pointer);

/** What a widget reads, for "identical answers" comparisons. */
const PUBLIC_READS = ['programs', 'payers', 'alumni-sessions?from=2026-03-01&to=2026-05-31', 'assessment-slots?from=2026-03-02&to=2026-03-20', 'screener-settings'];

for (const backend of testBackends()) {
  describe(`center settings (${backend})`, () => {
    const clock = new TestClock();
    let database: TestDatabase;
    let server: TestServer;
    let admin: Awaited<ReturnType<typeof adminOf>>;
    useTestServer(backend, clock, (opened) => ({ database, server } = opened), { staffToken: STAFF_TOKEN });
    before(async () => {
      admin = await adminOf(database, server, clock);
    });

    it('saves a section against the version it read: 409 when stale (naming who saved), 422 with a pointer per field, audited and in the history', async () => {
      const read = await admin.get('settings/payers');
      assert.equal(read.status, 200);
      const { version, value } = read.json;
      const added = { id: 'cedar-mutual', name: 'Cedar Mutual Health', aliases: ['CMH'], memberIdRule: 'generic', inNetwork: true };
      const saved = await admin.put('settings/payers', { version, value: { payers: [...value.payers, added] } });
      assert.equal(saved.status, 200, JSON.stringify(saved.json));
      assert.equal(saved.json.version, version + 1);
      assert.equal(saved.json.changedBy.label, 'Dana Admin');
      assert.ok((await get(server, 'payers?q=cedar%20mutual')).json.payers.some((payer: Json) => payer.id === 'cedar-mutual'), 'the public list shows it at once');

      const stale = await admin.put('settings/payers', { version, value });
      assert.equal(stale.status, 409);
      assert.equal(stale.json.code, 'settings-version-conflict');
      assert.match(stale.json.detail, /Dana Admin/);
      assert.equal(stale.json.currentVersion, version + 1);

      const invalid = await admin.put('settings/payers', { version: version + 1, value: { payers: [added, { ...added, memberIdRule: 'made-up' }, added] } });
      assert.equal(invalid.status, 422);
      assert.deepEqual(pointers(invalid.json), ['/value/payers/1/memberIdRule']);
      const duplicate = await admin.put('settings/payers', { version: version + 1, value: { payers: [added, added] } });
      assert.equal(duplicate.status, 422);
      assert.deepEqual(pointers(duplicate.json), ['/value/payers/1/id']);
      assert.match(duplicate.json.errors[0].detail, /used twice/);
      // The Spanish console asks in Spanish and reads the same problems in Spanish; a 409 too.
      const invalidInSpanish = await admin.put('settings/payers', { version: version + 1, value: { payers: [added, { ...added, memberIdRule: 'made-up' }, added] } }, { 'accept-language': 'es' });
      assert.equal(invalidInSpanish.json.detail, 'Algunos campos necesitan atención.');
      assert.deepEqual(invalidInSpanish.json.errors.map((error: Json) => error.detail), ['No es uno de los valores permitidos.']);
      const twiceInSpanish = await admin.put('settings/payers', { version: version + 1, value: { payers: [added, added] } }, { 'accept-language': 'es-MX,es;q=0.9,en;q=0.8' });
      assert.deepEqual(twiceInSpanish.json.errors.map((error: Json) => error.detail), ['Este identificador de aseguradora está repetido: dé a cada uno el suyo.']);
      assert.match((await admin.put('settings/payers', { version, value }, { 'accept-language': 'es' })).json.detail, /^Alguien guardó la configuración de aseguradoras \(versión \d+ por Dana Admin/);
      assert.match((await admin.put('settings/payers', { version, value: { payers: [added, added] } }, { 'accept-language': 'en;q=1, es;q=0.5' })).json.detail, /^Someone saved/, 'English when it comes first');

      const audit = await admin.get('audit?action=change-settings');
      assert.ok(audit.json.entries.some((entry: Json) => entry.detail === `settings:payers:v${version + 1}` && entry.actorLabel === 'Dana Admin'));
      const history = await admin.get('settings/history?section=payers');
      assert.equal(history.json.entries[0].version, version + 1);
      assert.equal(history.json.entries[0].how, 'save');
      assert.ok(history.json.entries[0].value.payers.some((payer: Json) => payer.id === 'cedar-mutual'));
      const overview = SettingsOverview.parse((await admin.get('settings')).json);
      assert.equal(overview.configured, true);
      assert.equal(overview.sections.payers.version, version + 1);
    });

    it('honours a holiday, extra hours, minimum notice and the booking horizon in the public slots, and the preview answers the same instants', async () => {
      const read = await admin.get('settings/availability');
      const draft = {
        ...read.json.value,
        overrides: [
          { date: '2026-03-04', closed: true, extraHours: [], note: 'Staff training' },
          { date: '2026-03-08', closed: false, extraHours: [{ id: 'sunday-extra', start: '13:00', end: '15:00', mode: 'phone', slotMinutes: 60, trackIds: [] }] },
        ],
        minimumNoticeHours: 24,
        bookingHorizonDays: 10,
      };
      const preview = await admin.post('settings/availability/preview', { draft });
      assert.equal(preview.status, 200, JSON.stringify(preview.json));
      assert.equal(preview.json.timeZone, DENVER);
      assert.deepEqual([preview.json.from, preview.json.to], ['2026-03-02', '2026-03-15']);

      const saved = await admin.put('settings/availability', { version: read.json.version, value: draft });
      assert.equal(saved.status, 200, JSON.stringify(saved.json));
      const slots = (await get(server, 'assessment-slots?from=2026-03-02&to=2026-03-20')).json.slots as Json[];
      const dates = new Set(slots.map((slot) => instantToWallClock(new Date(slot.start), DENVER).date));
      assert.ok(!dates.has('2026-03-04'), 'nothing on the holiday');
      assert.ok(dates.has('2026-03-05'));
      const sunday = slots.filter((slot) => instantToWallClock(new Date(slot.start), DENVER).date === '2026-03-08');
      assert.deepEqual(sunday.map((slot) => instantToWallClock(new Date(slot.start), DENVER).time), ['13:00', '14:00'], 'the extra hours, across the DST change');
      assert.ok(slots.every((slot) => Date.parse(slot.start) >= clock.now().getTime() + 24 * 3_600_000), 'a day of notice');
      assert.ok([...dates].every((date) => date <= '2026-03-12'), 'ten days ahead at most');
      assert.deepEqual(
        preview.json.slots.map((slot: Json) => slot.start),
        slots.filter((slot) => instantToWallClock(new Date(slot.start), DENVER).date <= '2026-03-15').map((slot) => slot.start),
      );

      const holidaySlot = 'd3-phone_20260304_1000';
      assert.equal((await post(server, `assessment-slots/${holidaySlot}/holds`, {})).status, 404, 'a slot on the holiday cannot be held');
      assert.equal((await post(server, 'bookings', bookingRequest(holidaySlot))).status, 422, 'nor booked');

      const bad = await admin.put('settings/availability', {
        version: saved.json.version,
        value: { ...draft, windows: [{ ...draft.windows[0], end: '07:00' }, { ...draft.windows[1], trackIds: ['no-such-track'] }] },
      });
      assert.equal(bad.status, 422);
      assert.deepEqual(pointers(bad.json), ['/value/windows/0/end', '/value/windows/1/trackIds/0']);
    });

    it('carries Spanish program and track text to the public answer, and will not remove a track that bookings name', async () => {
      const read = await admin.get('settings/programs');
      const programs = structuredClone(read.json.value.programs) as Json[];
      programs[0].translations = { es: { name: 'Programa intensivo para adultos' } };
      programs[0].tracks[0].translations = { es: { name: 'IOP de día', description: 'Lunes, miércoles y viernes por la mañana.' } };
      const saved = await admin.put('settings/programs', { version: read.json.version, value: { programs } });
      assert.equal(saved.status, 200, JSON.stringify(saved.json));
      const listed = (await get(server, 'programs')).json.programs as Json[];
      assert.deepEqual(listed[0].translations, { es: { name: 'Programa intensivo para adultos' } });
      assert.equal(listed[0].tracks[0].translations.es.name, 'IOP de día');

      const trackId = programs[0].tracks[0].id as string;
      const slot = (await get(server, `assessment-slots?from=2026-03-09&to=2026-03-10&trackId=${trackId}`)).json.slots[0];
      assert.equal((await post(server, 'bookings', bookingRequest(slot.id, { trackId }))).status, 201);
      const without = programs.map((program, index) => (index === 0 ? { ...program, tracks: program.tracks.slice(1) } : program));
      const refused = await admin.put('settings/programs', { version: saved.json.version, value: { programs: without } });
      assert.equal(refused.status, 422);
      assert.deepEqual(pointers(refused.json), ['/value/programs']);
      assert.match(refused.json.errors[0].detail, new RegExp(trackId));

      // A track only the assessment hours name: refused where it is removed, with what to do.
      const spare = programs[1].tracks.at(-1).id as string;
      const hours = await admin.get('settings/availability');
      const windows = hours.json.value.windows.map((w: Json, i: number) => (i === 0 ? { ...w, trackIds: [spare] } : w));
      assert.equal((await admin.put('settings/availability', { version: hours.json.version, value: { ...hours.json.value, windows } })).status, 200);
      const withoutSpare = programs.map((program, index) => (index === 1 ? { ...program, tracks: program.tracks.slice(0, -1) } : program));
      const named = await admin.put('settings/programs', { version: saved.json.version, value: { programs: withoutSpare } });
      assert.equal(named.status, 422);
      assert.match(named.json.errors[0].detail, new RegExp(`assessment hours still name the track "${spare}"`));
    });

    it('lists a monthly session on a day of the month, skips its exception, and takes RSVPs only on its dates', async () => {
      const read = await admin.get('settings/sessions');
      const monthly = {
        id: 'family-15th',
        title: 'Family evening',
        topics: ['communication', 'boundaries'],
        audience: 'family',
        format: 'in-person',
        language: 'en',
        facilitator: { firstName: 'Rosa', role: 'Family therapist' },
        location: '1420 Larimer St, Denver',
        translations: { es: { title: 'Noche familiar', topics: ['comunicación', 'límites'] } },
        durationMinutes: 90,
        recurrence: { kind: 'monthly-day', dayOfMonth: 15, start: '18:00', startDate: '2026-03-01' },
        exceptions: ['2026-04-15'],
        capacity: 20,
      };
      const saved = await admin.put('settings/sessions', { version: read.json.version, value: { sessions: [...read.json.value.sessions, monthly] } });
      assert.equal(saved.status, 200, JSON.stringify(saved.json));
      const listed = (await get(server, 'alumni-sessions?from=2026-03-01&to=2026-05-31')).json.sessions.find((session: Json) => session.id === 'family-15th');
      assert.deepEqual(listed.recurrence, monthly.recurrence);
      assert.deepEqual(listed.translations, monthly.translations);
      assert.equal((await post(server, 'alumni-sessions/family-15th/rsvps', rsvpRequest('2026-03-15'))).status, 201);
      assert.equal((await post(server, 'alumni-sessions/family-15th/rsvps', rsvpRequest('2026-04-15'))).status, 422, 'the exception');
      assert.equal((await post(server, 'alumni-sessions/family-15th/rsvps', rsvpRequest('2026-03-16'))).status, 422, 'not its day');
    });

    it('offers only validated cut-offs as thresholds, publishes them, and recomputes screenings with them', async () => {
      const read = await admin.get('settings/screener');
      assert.equal(read.json.version, 0, 'the defaults until saved');
      const thresholds = { ...read.json.value.thresholds, higherLevelPhq9: 7 };
      const arbitrary = await admin.put('settings/screener', { version: 0, value: { ...read.json.value, thresholds } });
      assert.equal(arbitrary.status, 422);
      assert.deepEqual(pointers(arbitrary.json), ['/value/thresholds/higherLevelPhq9']);

      const value = {
        ...read.json.value,
        thresholds: { ...read.json.value.thresholds, higherLevelPhq9: 10 },
        crisisLines: [{ name: 'Colorado Crisis Services', phone: '1-844-493-8255', text: '38255', translations: { es: { name: 'Servicios de crisis de Colorado' } } }],
        quickExitUrl: 'https://weather.com/',
      };
      const savedScreener = await admin.put('settings/screener', { version: 0, value });
      assert.equal(savedScreener.status, 200, JSON.stringify(savedScreener.json));
      const published = await get(server, 'screener-settings');
      assert.equal(published.status, 200);
      assert.deepEqual(published.json, value);

      // PHQ-9 total 12: "moderate". The browser's defaults say IOP may fit; the center's cut-off at 10 says talk about more support.
      const answers = { 'phq-9-1': 2, 'phq-9-2': 2, 'phq-9-3': 2, 'phq-9-4': 2, 'phq-9-5': 2, 'phq-9-6': 1, 'phq-9-7': 1, 'phq-9-8': 0, 'phq-9-9': 0 };
      const intake = screenedIntake(['phq-9'], answers, 'en');
      assert.equal(intake.result, 'iop-fit');
      const receipt = await post(server, 'intakes', intake);
      assert.equal(receipt.status, 201);
      const stored = await fetch(`${server.api}staff/intakes/${receipt.json.id}`, { headers: { authorization: `Bearer ${STAFF_TOKEN}` } });
      assert.equal(StaffRecord.parse(await stored.json()).data.result, 'higher-level');
    });

    it('lets a saved origin embed the widgets at once (CORS, origin-check, frame-ancestors) and says when IOP_ALLOWED_ORIGINS overrides it', async () => {
      const origin = 'https://www.juniper-ridge.example';
      const before = await fetch(`${server.api}origin-check`, { headers: { origin } });
      assert.equal((await before.json()).allowed, false);
      const read = await admin.get('settings/embedding');
      assert.equal(read.json.originsFromEnvironment, false);
      const saved = await admin.put('settings/embedding', { version: read.json.version, value: { allowedOrigins: [origin], webhookUrl: 'https://crm.juniper-ridge.example/hooks/iop' } });
      assert.equal(saved.status, 200, JSON.stringify(saved.json));
      assert.deepEqual(saved.json.effectiveOrigins, [origin]);
      assert.equal(saved.json.webhookSecretConfigured, false);
      assert.equal((await (await fetch(`${server.api}origin-check`, { headers: { origin } })).json()).allowed, true);
      assert.equal((await fetch(`${server.api}programs`, { headers: { origin } })).headers.get('access-control-allow-origin'), origin);
      const frame = await fetch(`${server.api}embed/iop-schedule-picker?parent=${encodeURIComponent(origin)}`);
      assert.match(frame.headers.get('content-security-policy') ?? '', new RegExp(`frame-ancestors ${origin.replaceAll('.', '\\.')}`));

      const overridden = await startTestServer(database.db, clock, { allowedOrigins: ['https://env.example'], staffToken: STAFF_TOKEN });
      try {
        const cookie = await sessionCookie(database.db, await createStaffAccount(database.db, 'admin', clock.now()), clock);
        const state = await asJson(await consoleFetch(overridden, 'settings/embedding', cookie));
        assert.equal(state.json.originsFromEnvironment, true);
        assert.deepEqual(state.json.effectiveOrigins, ['https://env.example']);
        assert.deepEqual(state.json.value.allowedOrigins, [origin], 'the saved list is kept for when the variable goes');
      } finally {
        await overridden.close();
      }
    });

    it('delivers webhooks to the endpoint saved in the settings, signed with the secret from the environment', async () => {
      const secret = 'webhook-secret-for-settings-test';
      const received: { body: string; signature: string }[] = [];
      const receiver = createServer((req, res) => {
        let body = '';
        req.on('data', (chunk) => (body += chunk));
        req.on('end', () => {
          received.push({ body, signature: String(req.headers['iop-signature']) });
          res.writeHead(204).end();
        });
      });
      await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
      const notifying = await startTestServer(database.db, clock, { webhook: { url: webhookEndpoint(database.db, undefined), secret } }, { runJobs: true });
      try {
        const read = await admin.get('settings/embedding');
        const endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/iop`;
        const saved = await admin.put('settings/embedding', { version: read.json.version, value: { ...read.json.value, webhookUrl: endpoint } });
        assert.equal(saved.status, 200, JSON.stringify(saved.json));
        const receipt = await post(notifying, 'intakes', screenedIntake(['gad-7'], { 'gad-7-1': 1 }, 'en'));
        assert.equal(receipt.status, 201);
        await waitFor(() => received.some((delivery) => delivery.body.includes(receipt.json.id)), 'the delivery');
        const delivery = received.find((d) => d.body.includes(receipt.json.id))!;
        assert.deepEqual(JSON.parse(delivery.body), { type: 'intake.created', id: receipt.json.id });
        const stamp = Number(/^t=(\d+),/.exec(delivery.signature)![1]);
        assert.equal(delivery.signature, await signWebhookBody(secret, delivery.body, stamp));
        const refused = await admin.put('settings/embedding', { version: saved.json.version, value: { ...read.json.value, webhookUrl: 'http://crm.example/hooks' } });
        assert.deepEqual(pointers(refused.json), ['/value/webhookUrl'], 'plain http only to this machine');
      } finally {
        await notifying.close();
        await new Promise((resolve) => receiver.close(resolve));
      }
    });

    it('answers public reads with a strong ETag, 304 for If-None-Match, and a new ETag once an admin saves', async () => {
      for (const path of PUBLIC_READS) {
        const first = await fetch(server.api + path);
        const etag = first.headers.get('etag');
        assert.match(etag ?? '', /^"[A-Za-z0-9_-]{43}"$/, path);
        assert.equal(first.headers.get('cache-control'), 'no-cache', path);
        const again = await fetch(server.api + path, { headers: { 'if-none-match': etag! } });
        assert.equal(again.status, 304, path);
        assert.equal(await again.text(), '', path);
        assert.equal(again.headers.get('etag'), etag, path);
      }
      const etag = (await fetch(`${server.api}programs`)).headers.get('etag')!;
      const profile = await admin.get('settings/profile');
      assert.equal((await admin.put('settings/profile', { version: profile.json.version, value: { ...profile.json.value, name: 'Juniper Ridge Recovery Center' } })).status, 200);
      const changed = await fetch(`${server.api}programs`, { headers: { 'if-none-match': etag } });
      assert.equal(changed.status, 200);
      assert.notEqual(changed.headers.get('etag'), etag);
      assert.equal((await changed.json()).center.name, 'Juniper Ridge Recovery Center');
    });

    describe('import and export', () => {
      let fresh: TestDatabase;
      let freshServer: TestServer;
      let freshAdmin: Awaited<ReturnType<typeof adminOf>>;
      before(async () => {
        fresh = await openTestDatabase(backend, clock, { seed: false });
        freshServer = await startTestServer(fresh.db, clock);
        freshAdmin = await adminOf(fresh, freshServer, clock, 'Sam Importer');
      });
      after(async () => {
        await freshServer.close();
        await fresh.close();
      });

      it('reproduces identical public answers in a fresh database from an export', async () => {
        const exported = await admin.get('settings/export');
        assert.equal(exported.status, 200);
        assert.match(exported.headers.get('content-disposition') ?? '', /attachment; filename="center-setup\.json"/);
        const setup = CenterSetup.parse(exported.json);

        const preview = await freshAdmin.post('settings/import/preview', { setup });
        assert.equal(preview.status, 200, JSON.stringify(preview.json));
        assert.equal(preview.json.revision, 0);
        assert.ok(preview.json.changes.some((change: Json) => change.path === '/profile' && change.after.name === setup.profile.name));
        const imported = await freshAdmin.post('settings/import', { revision: 0, setup });
        assert.equal(imported.status, 200, JSON.stringify(imported.json));
        assert.equal(imported.json.revision, 7, 'every section saved once');

        for (const path of PUBLIC_READS) {
          const [original, copy] = await Promise.all([get(server, path), get(freshServer, path)]);
          assert.equal(copy.status, 200, path);
          assert.deepEqual(copy.json, original.json, path);
          assert.equal(copy.headers.get('etag'), original.headers.get('etag'), `${path}: same bytes, same ETag`);
        }
        const again = await freshAdmin.post('settings/import/preview', { setup });
        assert.deepEqual(again.json.changes, [], 'nothing left to change');
      });

      it('refuses an invalid import naming each problem\'s path, and a stale one, changing nothing', async () => {
        const setup = CenterSetup.parse((await freshAdmin.get('settings/export')).json);
        const before = await freshAdmin.get('settings');
        const broken = structuredClone(setup) as Json;
        broken.programs.programs[0].tracks[0].meetings[0].end = '25:00';
        broken.payers.payers[0].memberIdRule = 'made-up';
        delete broken.profile.phone;
        const invalid = await freshAdmin.post('settings/import', { revision: before.json.revision, setup: broken });
        assert.equal(invalid.status, 422);
        assert.deepEqual(pointers(invalid.json).sort(), ['/setup/payers/payers/0/memberIdRule', '/setup/profile/phone', '/setup/programs/programs/0/tracks/0/meetings/0/end']);
        assert.deepEqual(pointers((await freshAdmin.post('settings/import/preview', { setup: broken })).json).sort(), pointers(invalid.json).sort());

        const inconsistent = structuredClone(setup) as Json;
        inconsistent.availability.windows[0].trackIds = ['no-such-track'];
        inconsistent.profile.timeZone = 'Mars/Olympus_Mons';
        const refused = await freshAdmin.post('settings/import', { revision: before.json.revision, setup: inconsistent });
        assert.equal(refused.status, 422);
        assert.deepEqual(pointers(refused.json), ['/setup/profile/timeZone', '/setup/availability/windows/0/trackIds/0']);

        const renamed = { ...setup, profile: { ...setup.profile, name: 'Another Location' } };
        const stale = await freshAdmin.post('settings/import', { revision: before.json.revision - 1, setup: renamed });
        assert.equal(stale.status, 409);
        assert.equal(stale.json.code, 'settings-version-conflict');

        assert.deepEqual((await freshAdmin.get('settings')).json, before.json, 'no section changed');
        const { exportedAt: _a, ...now } = (await freshAdmin.get('settings/export')).json;
        const { exportedAt: _b, ...then } = setup;
        assert.deepEqual(now, then);
      });
    });
  });

  describe(`first-run setup on an empty database (${backend})`, () => {
    const clock = new TestClock();
    let database: TestDatabase;
    let server: TestServer;
    before(async () => {
      database = await openTestDatabase(backend, clock, { seed: false });
      server = await startTestServer(database.db, clock);
    });
    after(async () => {
      await server.close();
      await database.close();
    });

    it('answers public reads 503 center-not-configured until an admin completes first-run, once', async () => {
      for (const path of PUBLIC_READS) {
        const response = await get(server, path);
        assert.equal(response.status, 503, path);
        assert.equal(response.json.code, 'center-not-configured', path);
      }
      assert.deepEqual((await get(server, 'staff/setup')).json, { needsFirstAdmin: true, centerConfigured: false });
      const admin = await adminOf(database, server, clock, 'Morgan First');
      assert.equal((await admin.get('settings')).json.configured, false);
      assert.equal((await admin.get('settings/programs')).status, 503);

      const badZone = await admin.post('settings/first-run', { name: 'Cedar Path Recovery', phone: '+1 505-555-0190', timeZone: 'Nowhere/Atlantis', allowedOrigins: [] });
      assert.equal(badZone.status, 422);
      assert.deepEqual(pointers(badZone.json), ['/timeZone']);
      const request = { name: 'Cedar Path Recovery', phone: '+1 505-555-0190', timeZone: 'America/Denver', calendarTitle: 'Appointment', allowedOrigins: ['https://www.cedar-path.example'] };
      const done = await admin.post('settings/first-run', request);
      assert.equal(done.status, 201, JSON.stringify(done.json));
      assert.equal(done.json.configured, true);
      assert.equal((await admin.post('settings/first-run', request)).json.code, 'center-already-configured');

      assert.equal((await get(server, 'staff/setup')).json.centerConfigured, true);
      const programs = await get(server, 'programs');
      assert.equal(programs.status, 200);
      assert.deepEqual(programs.json, { center: { name: 'Cedar Path Recovery', phone: '+1 505-555-0190', timeZone: 'America/Denver', calendarTitle: 'Appointment' }, programs: [] });
      assert.deepEqual((await get(server, 'payers')).json, { payers: [] });
      assert.deepEqual((await get(server, 'assessment-slots?from=2026-03-02&to=2026-03-08')).json.slots, []);
      assert.equal((await (await fetch(`${server.api}origin-check`, { headers: { origin: 'https://www.cedar-path.example' } })).json()).allowed, true);
      const history = (await admin.get('settings/history')).json.entries as Json[];
      assert.deepEqual(history.map((entry) => [entry.section, entry.how, entry.changedBy.label]).sort(), [['embedding', 'first-run', 'Morgan First'], ['profile', 'first-run', 'Morgan First']]);
    });
  });
}

const databaseUrl = process.env.TEST_DATABASE_URL;

describe('a production start on an empty PostgreSQL database', { skip: databaseUrl ? false : 'TEST_DATABASE_URL is not set: npm run serve needs PostgreSQL' }, () => {
  it('seeds nothing: no center, programs, payers or sessions, and the widgets hear center-not-configured', async () => {
    const name = `iop_prod_${randomBytes(5).toString('hex')}`;
    const adminDb = await openPostgresDatabase(databaseUrl!, { maxConnections: 1 });
    await adminDb.exec(`CREATE DATABASE ${name}`);
    const url = new URL(databaseUrl!);
    url.pathname = `/${name}`;
    const db = await openPostgresDatabase(url.toString());
    const server = await startServerProcess('server/serve.ts', { DATABASE_URL: url.toString(), IOP_DATA_KEY: randomBytes(32).toString('base64') });
    try {
      const programs = await fetch(`${server.api}programs`);
      assert.equal(programs.status, 503);
      assert.equal((await programs.json()).code, 'center-not-configured');
      assert.deepEqual(await (await fetch(`${server.api}staff/setup`)).json(), { needsFirstAdmin: true, centerConfigured: false });
      for (const table of ['center', 'programs', 'tracks', 'assessment_windows', 'payers', 'alumni_sessions']) {
        const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
        assert.equal(row!.n, 0, `${table} is empty`);
      }
      assert.doesNotMatch(server.output(), /Juniper Ridge|Seeded/);
    } finally {
      await stopServerProcess(server);
      await db.close();
      await adminDb.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await adminDb.close();
    }
  });
});

describe('npm run seed-demo', () => {
  it('seeds an empty database, refuses a configured center, and replaces its setup only when told to', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'iop-seed-demo-'));
    const seedDemo = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'server/seed-demo-command.ts', ...args], {
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', IOP_DATA_DIR: dataDir },
        encoding: 'utf8',
      });
    try {
      const first = seedDemo();
      assert.equal(first.status, 0, first.stderr);
      assert.match(first.stdout, /Seeded the demo center/);
      const again = seedDemo();
      assert.equal(again.status, 1);
      assert.match(again.stderr, /already has a configured center: nothing changed.*--replace/s);
      const replaced = seedDemo('--replace');
      assert.equal(replaced.status, 0, replaced.stderr);
      assert.match(replaced.stdout, /Replaced the center's setup with the demo center/);

      const db = await openPgliteDatabase(join(dataDir, 'pglite'));
      try {
        const [{ n }] = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM programs')) as [{ n: number }];
        assert.ok(n >= 3, 'the demo programs');
        const history = await db.query<{ how: string; changed_by_label: string }>('SELECT DISTINCT how, changed_by_label FROM settings_history');
        assert.deepEqual(history, [{ how: 'import', changed_by_label: 'npm run seed-demo' }]);
      } finally {
        await db.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe("the import preview's list of changes", () => {
  const program = (id: string, name: string) => ({ id, name, tracks: [{ id: `${id}-day`, name: 'Day' }] });

  it('matches programs by id: one added at the top is one change, not every program changed', () => {
    const before = { programs: [program('iop', 'IOP'), program('php', 'PHP')] };
    const after = { programs: [program('nurse', 'Nurses'), program('iop', 'IOP'), program('php', 'PHP')] };
    assert.deepEqual(diffJson(before, after), [{ path: '/programs/0', after: program('nurse', 'Nurses') }]);
  });

  it('names a changed item by its place in the new list, a removed one by its place in the old, and a reordering once', () => {
    const before = { programs: [program('iop', 'IOP'), program('php', 'PHP'), program('old', 'Old')] };
    const after = { programs: [program('php', 'PHP (renamed)'), program('iop', 'IOP')] };
    assert.deepEqual(diffJson(before, after), [
      { path: '/programs/2', before: program('old', 'Old') },
      { path: '/programs/0/name', before: 'PHP', after: 'PHP (renamed)' },
      { path: '/programs', before: ['iop', 'php'], after: ['php', 'iop'] },
    ]);
  });

  it('compares lists without ids (crisis lines, origins) by position', () => {
    assert.deepEqual(diffJson({ origins: ['https://a.example', 'https://b.example'] }, { origins: ['https://b.example'] }), [
      { path: '/origins/0', before: 'https://a.example', after: 'https://b.example' },
      { path: '/origins/1', before: 'https://b.example' },
    ]);
  });
});
