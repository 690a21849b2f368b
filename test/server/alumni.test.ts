/** Alumni RSVPs: occurrences, capacity with a waitlist, join links, cancel by token. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AlumniSessionList, Rsvp } from '../../src/api/schemas.js';
import { sha256Hex } from '../../server/security/secrets.js';
import { rsvpRequest } from './support/fixtures.js';
import { del, get, post, TestClock, testBackends, type TestDatabase, type TestServer, useTestServer } from './support/test-server.js';

// The seed anchors recurrences four weeks before the test clock (Monday 2 March 2026).
const MINDFUL = 'alumni-sessions/mindful-saturday/rsvps'; // Saturdays 08:30, hybrid, 4 seats
const SATURDAY = '2026-03-07';

for (const backend of testBackends()) {
  describe(`alumni RSVPs (${backend})`, () => {
    const clock = new TestClock();
    let database: TestDatabase;
    let server: TestServer;
    useTestServer(backend, clock, (opened) => ({ database, server } = opened));

    const rsvp = async (path: string, date: string, familyMembers = 0) => {
      const response = await post(server, path, rsvpRequest(date, { familyMembers }));
      return { status: response.status, body: response.status === 201 ? Rsvp.parse(response.json) : response.json };
    };

    it('confirms an RSVP and reveals the join link only for online and hybrid sessions', async () => {
      const online = await rsvp('alumni-sessions/hcp-peer-monday/rsvps', '2026-03-02');
      assert.equal(online.status, 201);
      assert.equal(online.body.status, 'confirmed');
      assert.equal(online.body.joinUrl, 'https://meet.example.org/juniper-hcp-peer');
      assert.ok(online.body.token.length >= 16);
      const inPerson = await rsvp('alumni-sessions/alumni-tuesday/rsvps', '2026-03-03');
      assert.equal(inPerson.body.joinUrl, undefined);
    });

    it('counts seats (1 + family members) and waitlists in order when full', async () => {
      assert.equal((await rsvp(MINDFUL, SATURDAY, 2)).body.status, 'confirmed');
      const second = await rsvp(MINDFUL, SATURDAY, 2);
      assert.equal(second.body.status, 'waitlisted');
      assert.equal(second.body.waitlistPosition, 1);
      assert.equal(second.body.joinUrl, undefined, 'no link while waitlisted');
      const third = await rsvp(MINDFUL, SATURDAY, 0);
      assert.deepEqual([third.body.status, third.body.waitlistPosition], ['waitlisted', 2]);
      const list = AlumniSessionList.parse((await get(server, `alumni-sessions?from=${SATURDAY}&to=${SATURDAY}`)).json);
      const counts = list.sessions.find((s) => s.id === 'mindful-saturday')?.counts;
      assert.deepEqual(counts, [{ date: SATURDAY, confirmed: 3, waitlisted: 4 }]);
    });

    it('never overfills a session under concurrent RSVPs', async () => {
      const results = await Promise.all(Array.from({ length: 12 }, () => rsvp(MINDFUL, '2026-03-14')));
      assert.equal(results.filter((r) => r.body.status === 'confirmed').length, 4);
      const positions = results.filter((r) => r.body.status === 'waitlisted').map((r) => r.body.waitlistPosition).sort((a, b) => a - b);
      assert.deepEqual(positions, [1, 2, 3, 4, 5, 6, 7, 8]);
    });

    it('cancels with the token and promotes the waitlist', async () => {
      const first = (await rsvp(MINDFUL, SATURDAY, 3)).body;
      const waiting = (await rsvp(MINDFUL, SATURDAY, 1)).body;
      assert.equal(waiting.status, 'waitlisted');
      assert.equal((await del(server, `rsvps/${first.id}`)).status, 401, 'no token');
      assert.equal((await del(server, `rsvps/${first.id}`, waiting.token)).status, 401, 'someone else’s token');
      assert.equal((await del(server, 'rsvps/NoSuchRsvp', first.token)).status, 404);
      const cancelled = await del(server, `rsvps/${first.id}`, first.token);
      assert.equal(cancelled.status, 204);
      assert.equal(cancelled.text, '');
      assert.equal((await del(server, `rsvps/${first.id}`, first.token)).status, 204, 'cancelling twice is fine');
      const [row] = await database.db.query<{ status: string }>('SELECT status FROM rsvps WHERE id = $1', [waiting.id]);
      assert.equal(row?.status, 'confirmed');
    });

    it('stores the token only as a hash', async () => {
      const { body } = await rsvp(MINDFUL, SATURDAY);
      const [row] = await database.db.query<{ token_hash: string }>('SELECT token_hash FROM rsvps WHERE id = $1', [body.id]);
      assert.equal(row?.token_hash, await sha256Hex(body.token));
      const everything = JSON.stringify(await database.db.query('SELECT * FROM rsvps'));
      assert.ok(!everything.includes(body.token));
    });

    it('accepts RSVPs only for real, future occurrences', async () => {
      const wrongDay = await rsvp(MINDFUL, '2026-03-06');
      assert.equal(wrongDay.status, 422);
      assert.equal(wrongDay.body.errors[0].pointer, '/occurrenceDate');
      assert.equal((await rsvp(MINDFUL, '2026-02-28')).status, 422, 'already happened');
      // Every other week (Wednesdays) from the anchor: 4 March meets, 11 March does not.
      assert.equal((await rsvp('alumni-sessions/grupo-espanol/rsvps', '2026-03-04')).status, 201);
      assert.equal((await rsvp('alumni-sessions/grupo-espanol/rsvps', '2026-03-11')).status, 422);
      // Second Saturday of the month.
      assert.equal((await rsvp('alumni-sessions/relapse-prevention-workshop/rsvps', '2026-03-14')).status, 201);
      assert.equal((await rsvp('alumni-sessions/relapse-prevention-workshop/rsvps', '2026-03-21')).status, 422);
      assert.equal((await rsvp('alumni-sessions/no-such-session/rsvps', SATURDAY)).status, 404);
    });

    it('refuses exception dates (a holiday the group skips)', async () => {
      const list = AlumniSessionList.parse((await get(server, 'alumni-sessions?from=2026-03-01&to=2027-01-31')).json);
      const tuesday = list.sessions.find((s) => s.id === 'alumni-tuesday');
      assert.ok(tuesday?.exceptions.includes('2026-12-29') === false);
      assert.ok(tuesday?.exceptions.includes('2026-11-24') === false);
      // 2026-12-24 and 2026-12-31 are Thursdays: they belong to the Thursday family class.
      const family = list.sessions.find((s) => s.id === 'family-class-thursday');
      assert.ok(family?.exceptions.includes('2026-12-24'));
      assert.equal((await rsvp('alumni-sessions/family-class-thursday/rsvps', '2026-12-24')).status, 422);
      assert.equal((await rsvp('alumni-sessions/family-class-thursday/rsvps', '2026-12-17')).status, 201);
    });
  });
}
