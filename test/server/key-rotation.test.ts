/**
 * Key rotation: records written under key A stay readable after B becomes current, after every
 * value is re-encrypted to B (resumably, in batches), and after A leaves the ring; fingerprints
 * (the idempotency blind index) keep matching while A is in the ring and keep replaying after.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { createKeyring, parseDataKeys, type DataCipher } from '../../server/security/data-cipher.js';
import { reencryptAll, SEALED_COLUMNS, sealedValuesByKey } from '../../server/security/reencryption.js';
import { bookingRequest, callbackRequest, eligibilityRequest, intakeRequest, rsvpRequest, uniqueCanary } from './support/fixtures.js';
import { get, newIdempotencyKey, openTestDatabase, post, startTestServer, TestClock, testBackends, type TestServer } from './support/test-server.js';

const STAFF_TOKEN = 'staff-token-for-tests-0123456789';
const keyA = { id: 'a2026', raw: new Uint8Array(randomBytes(32)) };
const keyB = { id: 'b2027', raw: new Uint8Array(randomBytes(32)) };

async function everySealedValueOpens(db: Parameters<typeof sealedValuesByKey>[0], cipher: DataCipher): Promise<number> {
  let opened = 0;
  for (const sealed of SEALED_COLUMNS) {
    const rows = await db.query(`SELECT * FROM ${sealed.table} WHERE ${sealed.column} IS NOT NULL`);
    for (const row of rows) {
      const value = String(row[sealed.column]);
      if (sealed.binary) await cipher.openBytes(value, sealed.context(row));
      else await cipher.open(value, sealed.context(row));
      opened += 1;
    }
  }
  return opened;
}

for (const backend of testBackends()) {
  describe(`key rotation (${backend})`, () => {
    it('writes under A, rotates to B, re-encrypts in resumable batches, drops A: everything still reads', async () => {
      const clock = new TestClock();
      const database = await openTestDatabase(backend, clock);
      const servers: TestServer[] = [];
      const serverWith = async (cipher: DataCipher) => {
        const server = await startTestServer(database.db, clock, { cipher, staffToken: STAFF_TOKEN });
        servers.push(server);
        return server;
      };
      const staffRead = async (server: TestServer, kind: string, id: string) => {
        const response = await fetch(`${server.api}staff/${kind}/${id}`, { headers: { authorization: `Bearer ${STAFF_TOKEN}` } });
        assert.equal(response.status, 200, `${kind} ${id} reads`);
        return (await response.json()) as { data: Record<string, unknown> };
      };
      try {
        const onlyA = await serverWith(await createKeyring([keyA]));
        const canary = uniqueCanary('Rotation');
        const intakeKey = newIdempotencyKey();
        const intake = await post(onlyA, 'intakes', intakeRequest(canary), { key: intakeKey });
        assert.equal(intake.status, 201);
        const slot = (await get(onlyA, 'assessment-slots?from=2026-03-04&to=2026-03-04')).json.slots[0].id;
        const booking = await post(onlyA, 'bookings', bookingRequest(slot));
        assert.equal(booking.status, 201);
        const check = await post(onlyA, 'eligibility-checks', eligibilityRequest('IOPACTIVE01'));
        assert.equal(check.status, 200);
        const photo = await post(onlyA, `eligibility-checks/${check.json.id}/card-photos`, { side: 'front', mediaType: 'image/jpeg', dataBase64: Buffer.from([0xff, 0xd8, 0xff, 0xd9]).toString('base64') });
        assert.equal(photo.status, 201);
        const callback = await post(onlyA, 'callback-requests', callbackRequest());
        assert.equal(callback.status, 201);
        const rsvp = await post(onlyA, 'alumni-sessions/alumni-tuesday/rsvps', rsvpRequest('2026-03-03'));
        assert.equal(rsvp.status, 201);
        const before = await sealedValuesByKey(database.db);
        assert.ok(before.length >= SEALED_COLUMNS.length - 1 && before.every((row) => row.keyId === 'a2026'), 'everything sealed under A');

        // Rotation: B first (current), A still there for reading.
        const rotated = await createKeyring(parseDataKeys(`b2027:${Buffer.from(keyB.raw).toString('base64')},a2026:${Buffer.from(keyA.raw).toString('base64')}`));
        const bThenA = await serverWith(rotated);
        assert.equal((await staffRead(bThenA, 'intakes', intake.json.id)).data.contact && true, true);
        const replay = await post(bThenA, 'intakes', intakeRequest(canary), { key: intakeKey });
        assert.equal(replay.headers.get('idempotent-replayed'), 'true', 'a fingerprint made under A still matches');
        assert.equal(replay.text, intake.text);
        const changed = await post(bThenA, 'intakes', intakeRequest(uniqueCanary('Other')), { key: intakeKey });
        assert.equal(changed.status, 422, 'and still tells a changed body apart');
        const newer = await post(bThenA, 'intakes', intakeRequest());
        assert.equal(newer.status, 201);

        // Re-encryption stopped after its first batch, then run again: it carries on.
        const stop = new Error('stopped on purpose');
        await assert.rejects(
          reencryptAll(database.db, rotated, {
            batchSize: 1,
            onBatch: () => {
              throw stop;
            },
          }),
          stop,
        );
        const midway = await sealedValuesByKey(database.db);
        assert.ok(midway.some((row) => row.keyId === 'a2026') && midway.some((row) => row.keyId === 'b2027'), 'half-way: both keys in use');
        const totals = await reencryptAll(database.db, rotated, { batchSize: 2 });
        assert.equal(totals.reduce((sum, total) => sum + total.unreadable, 0), 0);
        assert.ok((await sealedValuesByKey(database.db)).every((row) => row.keyId === 'b2027'), 'every sealed value on B');
        assert.deepEqual(await reencryptAll(database.db, rotated), totals.map((total) => ({ ...total, moved: 0 })), 'a second run has nothing to move');

        // A leaves the ring.
        const onlyB = await createKeyring([keyB]);
        assert.ok((await everySealedValueOpens(database.db, onlyB)) >= 8);
        const afterA = await serverWith(onlyB);
        const intakeRead = await staffRead(afterA, 'intakes', intake.json.id);
        assert.ok(JSON.stringify(intakeRead).includes(canary), 'the intake reads in full');
        await staffRead(afterA, 'bookings', booking.json.id);
        await staffRead(afterA, 'eligibility-checks', check.json.id);
        await staffRead(afterA, 'callback-requests', callback.json.id);
        const photoRead = await fetch(`${afterA.api}staff/eligibility-checks/${check.json.id}/card-photos/${photo.json.id}`, {
          headers: { authorization: `Bearer ${STAFF_TOKEN}` },
        });
        assert.deepEqual([...new Uint8Array(await photoRead.arrayBuffer())], [0xff, 0xd8, 0xff, 0xd9]);
        assert.equal((await get(afterA, `eligibility-checks/${check.json.id}`)).json.outcome, 'active');
        const lastReplay = await post(afterA, 'intakes', intakeRequest(canary), { key: intakeKey });
        assert.equal(lastReplay.headers.get('idempotent-replayed'), 'true', 'the stored answer still replays: nothing runs twice');
        assert.equal(lastReplay.text, intake.text);
      } finally {
        for (const server of servers) await server.close();
        await database.close();
      }
    });

    it('opens v1 values from before key ids with the key that sealed them', async () => {
      const ring = await createKeyring([keyB, keyA]);
      const underA = await (await createKeyring([keyA])).seal('CanaryLegacy', 'intakes:legacy');
      const [, , iv, body] = underA.split('.');
      assert.equal(await ring.open(`v1.${iv}.${body}`, 'intakes:legacy'), 'CanaryLegacy');
      await assert.rejects((await createKeyring([keyB])).open(`v1.${iv}.${body}`, 'intakes:legacy'));
      await assert.rejects(ring.open(underA.replace('a2026', 'zz'), 'intakes:legacy'), /not in the keyring/);
    });
  });
}
