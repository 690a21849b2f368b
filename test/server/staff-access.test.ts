/**
 * The staff API's doors: every route in the route-by-role table, called anonymously and as every
 * role, is refused (401 / 403) exactly where the table says; a viewer never receives a health field;
 * sessions end on idle, on their absolute limit and on sign-out everywhere; state-changing cookie
 * requests need the same origin and the custom header; API tokens are hashed, scoped and revocable;
 * the old shared token still works, with one warning.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StaffRole } from '../../src/api/staff-schemas.js';
import { createInvite } from '../../server/staff/staff-identity.js';
import { KINDS_BY_ROLE, STAFF_ACCESS, type StaffRouteKey } from '../../server/staff/staff-routes.js';
import { eligibilityRequest, intakeRequest, rsvpRequest, uniqueCanary } from './support/fixtures.js';
import { consoleFetch, createStaffAccount, sessionCookie, type TestStaff } from './support/staff.js';
import { dumpAllRows, post, startTestServer, TestClock, testBackends, type TestDatabase, type TestServer, useTestServer } from './support/test-server.js';

const ROLES: readonly StaffRole[] = ['admin', 'intake', 'alumni', 'viewer'];
const SIGN_IN_REFUSAL = 'Please sign in.';
const ROLE_REFUSAL = 'Your role does not include this.';
const KIND_REFUSAL = 'Your role does not work this kind of record.';
/** Keys that carry health data or triage derived from it; a viewer must never see one. */
const HEALTH_KEYS = ['urgent', 'answers', 'screening', 'coverage', 'data', 'phone', 'notes', 'contact', 'questionnaireResponse', 'cardPhotos', 'assignedTo'];
const LEGACY_TOKEN = 'legacy-staff-token-0123456789abcdef';

for (const backend of testBackends()) {
  describe(`staff access (${backend})`, () => {
    const clock = new TestClock();
    let database: TestDatabase;
    let server: TestServer;
    const warnings: string[] = [];
    useTestServer(backend, clock, (opened) => ({ database, server } = opened), { staffToken: LEGACY_TOKEN, staffWarn: () => {} });

    async function seedRecords(canary: string) {
      const intake = (await post(server, 'intakes', intakeRequest(canary))).json.id as string;
      const check = (await post(server, 'eligibility-checks', eligibilityRequest('IOPACTIVE01', 'aetna', canary))).json.id as string;
      const rsvp = (await post(server, 'alumni-sessions/alumni-tuesday/rsvps', rsvpRequest('2026-03-03', { name: canary.slice(0, 40) }))).json.id as string;
      assert.ok(intake && check && rsvp, 'records created');
      return { intake, check, rsvp };
    }

    it('answers every route in the table with 401 / 403 exactly where the table says, and never a health field to a viewer', async () => {
      const canary = uniqueCanary('Access');
      const ids = await seedRecords(canary);
      const staff = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await createStaffAccount(database.db, role, clock.now())]))) as Record<StaffRole, TestStaff>;
      const bystander = await createStaffAccount(database.db, 'viewer', clock.now(), 'Bystander');
      const viewerBodies: string[] = [];
      let checked = 0;

      for (const key of Object.keys(STAFF_ACCESS) as StaffRouteKey[]) {
        const access = STAFF_ACCESS[key];
        const [method, pattern] = key.split(' ') as [string, string];
        const kinds = pattern.includes('{kind}') ? (pattern.startsWith('records/') ? (['intakes', 'rsvps'] as const) : (['intakes'] as const)) : ([null] as const);
        for (const kind of kinds) {
          const recordId = kind === 'rsvps' ? ids.rsvp : pattern.includes('eligibility-checks') ? ids.check : ids.intake;
          for (const role of [null, ...ROLES]) {
            const token = pattern.startsWith('tokens/') ? (await consoleFetch(server, 'tokens', await sessionCookie(database.db, staff.admin, clock), { method: 'POST', body: { name: 'Spare', role: 'viewer' } }).then((r) => r.json())).id : undefined;
            const path = pattern
              .replace('{kind}', kind ?? '')
              .replace('{id}', pattern.startsWith('accounts/') ? bystander.id : pattern.startsWith('tokens/') ? token : recordId)
              .replace('{photoId}', 'NoSuchPhoto');
            const body = {
              'POST enrol/options': { inviteToken: (await createInvite(database.db, 'viewer', clock.now())).token },
              'POST enrol/verify': { ceremonyId: 'NoSuchCeremony', response: {} },
              'POST sign-in/verify': { ceremonyId: 'NoSuchCeremony', response: {} },
              'POST records/{kind}/{id}/status': { status: 'contacted' },
              'POST records/{kind}/{id}/assignee': { accountId: null },
              'POST records/{kind}/{id}/notes': { text: 'Called back, left no message.' },
              'POST invites': { role: 'viewer' },
              'POST tokens': { name: 'Route table', role: 'viewer' },
            }[key as string];
            const cookie = role ? await sessionCookie(database.db, staff[role], clock) : null;
            const response = await consoleFetch(server, path, cookie, { method, body });
            // The event stream stays open: its headers are the answer.
            const text = pattern === 'queue/events' && response.ok ? (await response.body?.cancel(), '') : await response.text();
            const label = `${key} [${kind ?? '-'}] as ${role ?? 'anonymous'}: ${response.status} ${text.slice(0, 120)}`;

            const allowedByTable = access === 'public' || (role !== null && (access as readonly string[]).includes(role));
            const kindRefused = role !== null && kind !== null && pattern.startsWith('records/') && allowedByTable && !KINDS_BY_ROLE[role].includes(kind);
            if (access !== 'public' && role === null) assert.ok(response.status === 401 && text.includes(SIGN_IN_REFUSAL), label);
            else if (!allowedByTable) assert.ok(response.status === 403 && text.includes(ROLE_REFUSAL), label);
            else if (kindRefused) assert.ok(response.status === 403 && text.includes(KIND_REFUSAL), label);
            else assert.ok(!text.includes(SIGN_IN_REFUSAL) && !text.includes(ROLE_REFUSAL) && !text.includes(KIND_REFUSAL) && response.status < 500, label);
            assert.equal(response.headers.get('cache-control'), 'no-store', `${label}: no-store`);
            if (role === 'viewer') viewerBodies.push(text);
            checked++;
          }
        }
      }
      assert.ok(checked >= Object.keys(STAFF_ACCESS).length * 5);

      const seen = viewerBodies.join('\n');
      assert.ok(seen.includes('"status"'), 'the viewer did get statuses');
      assert.ok(!seen.includes(canary) && !seen.includes(canary.slice(0, 40)), 'no name or answer');
      for (const key of HEALTH_KEYS) assert.ok(!seen.includes(`"${key}"`), `no "${key}" field for a viewer`);
    });

    it('refuses cookie writes without the same origin and the custom header, but not token writes', async () => {
      const { intake } = await seedRecords(uniqueCanary('Csrf'));
      const person = await createStaffAccount(database.db, 'intake', clock.now());
      const cookie = await sessionCookie(database.db, person, clock);
      const body = { status: 'contacted' };
      const path = `records/intakes/${intake}/status`;
      assert.equal((await consoleFetch(server, path, cookie, { method: 'POST', body, headers: { 'x-iop-staff': '' } })).status, 403, 'no header');
      assert.equal((await consoleFetch(server, path, cookie, { method: 'POST', body, headers: { origin: 'https://evil.example' } })).status, 403, 'other origin');
      assert.equal((await consoleFetch(server, path, cookie, { method: 'POST', body })).status, 204, 'the console itself');
      const legacy = await fetch(`${server.api}staff/intakes/${intake}/handled`, { method: 'POST', headers: { authorization: `Bearer ${LEGACY_TOKEN}` } });
      assert.equal(legacy.status, 200, 'a bearer token is not ambient: no CSRF header needed');
    });

    it('ends a session after 15 idle minutes, after 12 hours however busy, and everywhere on request', async () => {
      const person = await createStaffAccount(database.db, 'viewer', clock.now());
      const idle = await sessionCookie(database.db, person, clock);
      clock.advance(14 * 60_000);
      assert.equal((await consoleFetch(server, 'session', idle)).status, 200, 'still within 15 minutes');
      clock.advance(14 * 60_000);
      assert.equal((await consoleFetch(server, 'session', idle)).status, 200, 'the last request restarted the idle clock');
      const background = await consoleFetch(server, 'queue', idle, { headers: { 'x-iop-background': '1' } });
      assert.equal(background.status, 200);
      clock.advance(16 * 60_000);
      assert.equal((await consoleFetch(server, 'session', idle)).status, 401, 'idle 16 minutes (background refreshes do not count)');

      const busy = await sessionCookie(database.db, person, clock);
      for (let minutes = 0; minutes < 12 * 60 - 10; minutes += 10) {
        clock.advance(10 * 60_000);
        assert.equal((await consoleFetch(server, 'session', busy)).status, 200, `busy at ${minutes} minutes`);
      }
      clock.advance(11 * 60_000);
      assert.equal((await consoleFetch(server, 'session', busy)).status, 401, 'past 12 hours');

      const laptop = await sessionCookie(database.db, person, clock);
      const phone = await sessionCookie(database.db, person, clock);
      assert.equal((await consoleFetch(server, 'sign-out-everywhere', laptop, { method: 'POST' })).status, 204);
      assert.equal((await consoleFetch(server, 'session', phone)).status, 401, 'the other device is signed out too');
    });

    it('sets the session cookie HttpOnly and SameSite=Strict, and signs out', async () => {
      const person = await createStaffAccount(database.db, 'viewer', clock.now());
      const cookie = await sessionCookie(database.db, person, clock);
      const out = await consoleFetch(server, 'sign-out', cookie, { method: 'POST' });
      assert.equal(out.status, 204);
      const cleared = out.headers.get('set-cookie') ?? '';
      assert.match(cleared, /iop_staff_session=;/);
      assert.match(cleared, /HttpOnly/);
      assert.match(cleared, /SameSite=Strict/);
      assert.doesNotMatch(cleared, /Secure/, 'plain http on 127.0.0.1: not Secure (https origins are)');
      assert.equal((await consoleFetch(server, 'session', cookie)).status, 401);
    });

    it('marks the cookie Secure and binds writes to IOP_PUBLIC_ORIGIN when the console is served over https', async () => {
      const publicOrigin = 'https://console.example-center.org';
      const behindProxy = await startTestServer(database.db, clock, { publicOrigin, staffWarn: () => {} });
      try {
        const person = await createStaffAccount(database.db, 'viewer', clock.now());
        const cookie = await sessionCookie(database.db, person, clock);
        const signOut = (origin: string) => consoleFetch(behindProxy, 'sign-out', cookie, { method: 'POST', headers: { origin } });
        assert.equal((await signOut(behindProxy.url)).status, 403, 'the internal address is not the console origin');
        const out = await signOut(publicOrigin);
        assert.equal(out.status, 204);
        assert.match(out.headers.get('set-cookie') ?? '', /; Secure/);
      } finally {
        await behindProxy.close();
      }
    });

    it('issues API tokens shown once and stored hashed, scoped to a role, with a last-used time, and revocable', async () => {
      const admin = await createStaffAccount(database.db, 'admin', clock.now());
      const cookie = await sessionCookie(database.db, admin, clock);
      const issued = await (await consoleFetch(server, 'tokens', cookie, { method: 'POST', body: { name: 'CRM export', role: 'viewer' } })).json();
      assert.match(issued.token, /^iop_/);
      assert.ok(!(await dumpAllRows(database.db)).includes(issued.token), 'only the hash is stored');
      const asToken = (path: string) => fetch(`${server.api}staff/${path}`, { headers: { authorization: `Bearer ${issued.token}` } });
      assert.equal((await asToken('queue')).status, 200, 'a viewer token reads the queue summary');
      assert.equal((await asToken('intakes')).status, 403, 'but not health records');
      clock.advance(60_000);
      await asToken('queue');
      const listed = (await (await consoleFetch(server, 'tokens', cookie)).json()).tokens.find((token: { id: string }) => token.id === issued.id);
      assert.equal(listed.lastUsedAt, clock.now().toISOString());
      assert.equal(listed.token, undefined, 'never shown again');
      assert.equal((await consoleFetch(server, `tokens/${issued.id}`, cookie, { method: 'DELETE' })).status, 204);
      assert.equal((await asToken('queue')).status, 401, 'revoked');
    });

    it('still accepts the old shared token for one release, warning once', async () => {
      const legacy = await startTestServer(database.db, clock, { staffToken: LEGACY_TOKEN, staffWarn: (message) => warnings.push(message) });
      try {
        for (let i = 0; i < 3; i++) assert.equal((await fetch(`${legacy.api}staff/intakes`, { headers: { authorization: `Bearer ${LEGACY_TOKEN}` } })).status, 200);
        assert.equal(warnings.length, 1);
        assert.match(warnings[0]!, /IOP_STAFF_TOKEN is deprecated/);
      } finally {
        await legacy.close();
      }
    });
  });
}
