/**
 * The server does not take the browser's word: it recomputes screening results from the answers,
 * checks the QuestionnaireResponse against the instruments it knows, and applies the member-id
 * rules the widget applies. Over real HTTP, on each backend.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IntakeReceipt } from '../../src/api/schemas.js';
import type { ServiceEvent } from '../../server/services/service-deps.js';
import { StaffRecord } from '../../server/staff/staff-schemas.js';
import { eligibilityRequest, screenedIntake } from './support/fixtures.js';
import { get, post, TestClock, testBackends, type TestServer, useTestServer } from './support/test-server.js';

const STAFF_TOKEN = 'staff-token-for-tests-0123456789';

for (const backend of testBackends()) {
  describe(`server-side checks (${backend})`, () => {
    const clock = new TestClock();
    const events: ServiceEvent[] = [];
    let server: TestServer;
    useTestServer(backend, clock, (opened) => ({ server } = opened), { staffToken: STAFF_TOKEN, report: (event) => events.push(event) });

    const storedIntake = async (id: string) => {
      const response = await fetch(`${server.api}staff/intakes/${id}`, { headers: { authorization: `Bearer ${STAFF_TOKEN}` } });
      return StaffRecord.parse(await response.json()).data;
    };

    it('stores a forged intake (ASQ yes and PHQ-9 item 9, sent as urgent: false, iop-fit) as urgent, with its own scores', async () => {
      const honest = screenedIntake(['phq-9', 'asq'], { 'phq-9-1': 1, 'phq-9-9': 2, 'asq-1': 1, 'asq-2': 0, 'asq-3': 0, 'asq-4': 0, 'asq-5': 0 }, 'en');
      assert.equal(honest.urgent, true, 'the domain code flags these answers');
      const forged = { ...honest, urgent: false, result: 'iop-fit' as const, scores: honest.scores.map((score) => ({ ...score, total: 0, band: 'minimal', positive: false })) };
      const before = events.length;
      const response = await post(server, 'intakes', forged);
      assert.equal(response.status, 201);
      const stored = await storedIntake(IntakeReceipt.parse(response.json).id);
      assert.equal(stored.urgent, true);
      assert.equal(stored.result, honest.result);
      assert.deepEqual(stored.scores, honest.scores);
      // Logged as a count of fields (urgent, result, scores), never with values.
      assert.deepEqual(events.slice(before), [{ event: 'intake-recomputed', disagreements: 3 }]);
      assert.doesNotMatch(JSON.stringify(events), /phq|asq|urgent|iop-fit/);
    });

    it('reports nothing when the browser and the server agree', async () => {
      const before = events.length;
      const response = await post(server, 'intakes', screenedIntake(['gad-7'], { 'gad-7-1': 3, 'gad-7-2': 3, 'gad-7-3': 2 }, 'es'));
      assert.equal(response.status, 201);
      assert.equal(events.length, before);
    });

    it('refuses a QuestionnaireResponse that is only a resourceType, naming the field', async () => {
      const intake = screenedIntake(['gad-7'], { 'gad-7-1': 1 }, 'en');
      const response = await post(server, 'intakes', { ...intake, questionnaireResponse: { resourceType: 'QuestionnaireResponse' } });
      assert.equal(response.status, 422);
      const pointers = response.json.errors.map((error: { pointer: string }) => error.pointer);
      assert.ok(pointers.includes('/questionnaireResponse/status'), pointers.join());
      assert.ok(pointers.includes('/questionnaireResponse/item'), pointers.join());
    });

    it('refuses items and answers the instruments do not have', async () => {
      const intake = screenedIntake(['phq-9'], { 'phq-9-1': 1 }, 'en');
      const group = (intake.questionnaireResponse.item as { item: { linkId: string }[] }[])[0]!;
      group.item[0]!.linkId = '/44249-1/99999-9';
      const unknownItem = await post(server, 'intakes', intake);
      assert.equal(unknownItem.status, 422);
      assert.equal(unknownItem.json.errors[0].pointer, '/questionnaireResponse/item/0/item/0/linkId');
      const outOfScale = await post(server, 'intakes', { ...screenedIntake(['phq-9'], { 'phq-9-1': 1 }, 'en'), answers: { 'phq-9-1': 7 } });
      assert.equal(outOfScale.status, 422);
      assert.equal(outOfScale.json.errors[0].pointer, '/answers/phq-9-1');
    });

    it('applies the Medicare MBI rule: an excluded letter (S) gets 422 naming memberId', async () => {
      const response = await post(server, 'eligibility-checks', eligibilityRequest('1EG4-TS5-MK73', 'medicare'));
      assert.equal(response.status, 422);
      assert.deepEqual(response.json.errors.map((error: { pointer: string }) => error.pointer), ['/memberId']);
      const valid = await post(server, 'eligibility-checks', eligibilityRequest('1EG4-TE5-MK73', 'medicare'));
      assert.ok(valid.status === 200 || valid.status === 202, String(valid.status));
    });

    it('refuses a POST without an Idempotency-Key with 428, and stores nothing', async () => {
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const response = await post(server, 'callback-requests', { phone: '+1 303-555-0177', voicemailOk: true, consent: true, topic: 'insurance', locale: 'en' }, { key: null });
        assert.equal(response.status, 428);
        assert.equal(response.json.code, 'idempotency-key-required');
        assert.match(response.json.detail, /Idempotency-Key/);
      }
      const list = await fetch(`${server.api}staff/callback-requests`, { headers: { authorization: `Bearer ${STAFF_TOKEN}` } });
      assert.equal((await list.json()).records.length, 0);
    });

    it('answers 422, never 5xx, for dates at the ends of the calendar', async () => {
      for (const [from, to] of [['9999-12-30', '9999-12-31'], ['0001-01-01', '0001-01-02'], ['2999-12-30', '2999-12-31']] as const) {
        for (const path of ['assessment-slots', 'alumni-sessions']) {
          const response = await get(server, `${path}?from=${from}&to=${to}`);
          assert.ok(response.status === 422 || response.status === 200, `${path} ${from}: ${response.status}`);
          if (from.startsWith('9999') || from.startsWith('0001')) assert.equal(response.status, 422, `${path} ${from}`);
        }
      }
    });

    it('applies the BCBS prefix rule', async () => {
      const response = await post(server, 'eligibility-checks', eligibilityRequest('XY', 'anthem-bcbs-co'));
      assert.equal(response.status, 422);
      assert.equal(response.json.errors[0].pointer, '/memberId');
    });
  });
}
