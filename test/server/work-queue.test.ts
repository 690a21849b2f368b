/**
 * The work queue: one inbox across every kind of record, urgent first then oldest, a status workflow
 * with who and when, assignment, sealed notes, search by reference, live updates over server-sent
 * events (also from another server instance over the same database), and the record view: answers
 * grouped by instrument and scored by the domain code, the QuestionnaireResponse, the coverage.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Queue, RecordView } from '../../src/api/staff-schemas.js';
import { callbackRequest, eligibilityRequest, intakeRequest, rsvpRequest, screenedIntake, uniqueCanary } from './support/fixtures.js';
import { consoleFetch, createStaffAccount, sessionCookie } from './support/staff.js';
import { dumpAllRows, post, startTestServer, TestClock, testBackends, type TestDatabase, type TestServer, useTestServer } from './support/test-server.js';

/** The next `event:` line of a server-sent event stream with its data. */
async function nextEvent(reader: ReadableStreamDefaultReader<Uint8Array>, buffer: { text: string }): Promise<{ event: string; data: string }> {
  const decoder = new TextDecoder();
  for (;;) {
    const match = /event: ([\w-]+)\ndata: ([^\n]*)\n\n/.exec(buffer.text);
    if (match) {
      buffer.text = buffer.text.slice(match.index + match[0].length);
      return { event: match[1]!, data: match[2]! };
    }
    const { value, done } = await reader.read();
    if (done) throw new Error('the stream ended');
    buffer.text += decoder.decode(value, { stream: true });
  }
}

for (const backend of testBackends()) {
  describe(`work queue (${backend})`, () => {
    const clock = new TestClock();
    let database: TestDatabase;
    let server: TestServer;
    useTestServer(backend, clock, (opened) => ({ database, server } = opened));

    const intake = async (overrides: Partial<ReturnType<typeof intakeRequest>> = {}, canary = uniqueCanary('Queue')) =>
      (await post(server, 'intakes', { ...intakeRequest(canary), ...overrides })).json.id as string;
    // The server recomputes urgency and the result from the answers, so urgent intakes need answers that are.
    const screened = async (set: Parameters<typeof screenedIntake>[0], answers: Parameters<typeof screenedIntake>[1], canary = uniqueCanary('Queue')) =>
      (await post(server, 'intakes', screenedIntake(set, answers, 'en', canary))).json.id as string;

    it('lists every kind in one inbox, urgent first then oldest, with no names in the list', async () => {
      const canary = uniqueCanary('Inbox');
      const oldest = await intake({}, canary);
      clock.advance(60_000);
      const check = (await post(server, 'eligibility-checks', eligibilityRequest('IOPACTIVE01'))).json.id as string;
      clock.advance(60_000);
      const callback = (await post(server, 'callback-requests', callbackRequest())).json.id as string;
      clock.advance(60_000);
      const withdrawal = await screened(['audit-c'], { sex: 'male', 'audit-1': 1, 'audit-2': 0, 'audit-3': 0, 'withdrawal-seizures': 'yes', 'withdrawal-recent': 'no', 'withdrawal-daily': 'no' });
      clock.advance(60_000);
      const rsvp = (await post(server, 'alumni-sessions/alumni-tuesday/rsvps', rsvpRequest('2026-03-03'))).json.id as string;
      clock.advance(60_000);
      const safety = await screened(['phq-9'], { 'phq-9-1': 1, 'phq-9-2': 0, 'phq-9-9': 2 });

      const person = await createStaffAccount(database.db, 'intake', clock.now());
      const response = await consoleFetch(server, 'queue', await sessionCookie(database.db, person, clock));
      const text = await response.text();
      const queue = Queue.parse(JSON.parse(text));
      assert.deepEqual(queue.items.map((item) => item.id), [withdrawal, safety, oldest, check, callback, rsvp]);
      assert.deepEqual(queue.items.map((item) => item.urgent), [true, true, false, false, false, false]);
      assert.equal(queue.counts.new, 6);
      assert.ok(!text.includes(canary), 'the list on screen carries no names');

      const alumni = await createStaffAccount(database.db, 'alumni', clock.now());
      const alumniQueue = Queue.parse(await (await consoleFetch(server, 'queue', await sessionCookie(database.db, alumni, clock))).json());
      assert.deepEqual(alumniQueue.items.map((item) => item.id), [rsvp], 'alumni coordinators see RSVPs only');
    });

    it('moves a record through the workflow, keeping who and when, with an assignee and sealed notes', async () => {
      const id = await intake();
      const robin = await createStaffAccount(database.db, 'intake', clock.now(), 'Robin');
      const sam = await createStaffAccount(database.db, 'intake', clock.now(), 'Sam');
      const cookie = await sessionCookie(database.db, robin, clock);
      const write = (path: string, body: unknown) => consoleFetch(server, `records/intakes/${id}/${path}`, cookie, { method: 'POST', body });

      clock.advance(5 * 60_000);
      assert.equal((await write('status', { status: 'contacted' })).status, 204);
      const contactedAt = clock.now().toISOString();
      clock.advance(10 * 60_000);
      assert.equal((await write('status', { status: 'scheduled' })).status, 204);
      assert.equal((await write('assignee', { accountId: sam.id })).status, 204);
      assert.equal((await write('assignee', { accountId: 'NoSuchPerson' })).status, 422);
      assert.equal((await write('status', { status: 'lost' })).status, 422);
      const note = uniqueCanary('Note');
      assert.equal((await write('notes', { text: `Prefers mornings. ${note}` })).status, 204);

      const view = RecordView.parse(await (await consoleFetch(server, `records/intakes/${id}`, cookie)).json());
      assert.equal(view.status, 'scheduled');
      assert.deepEqual(view.history.map((change) => [change.status, change.changedBy.displayName]), [['contacted', 'Robin'], ['scheduled', 'Robin']]);
      assert.equal(view.history[0]!.changedAt, contactedAt);
      assert.deepEqual(view.assignedTo, { id: sam.id, displayName: 'Sam' });
      assert.equal(view.notes[0]!.text, `Prefers mornings. ${note}`);
      assert.ok(!(await dumpAllRows(database.db)).includes(note), 'notes are sealed at rest');

      const open = Queue.parse(await (await consoleFetch(server, 'queue', cookie)).json());
      assert.equal(open.items.find((item) => item.id === id)?.status, 'scheduled');
      await write('status', { status: 'referred-elsewhere' });
      assert.equal(Queue.parse(await (await consoleFetch(server, 'queue', cookie)).json()).items.length, 0, 'referred elsewhere leaves the open inbox');
      const all = Queue.parse(await (await consoleFetch(server, 'queue?status=all', cookie)).json());
      assert.equal(all.items[0]?.status, 'referred-elsewhere');
    });

    it('finds a record by the start of its reference', async () => {
      const first = await intake();
      await intake();
      const person = await createStaffAccount(database.db, 'intake', clock.now());
      const cookie = await sessionCookie(database.db, person, clock);
      const found = Queue.parse(await (await consoleFetch(server, `queue?status=all&q=${first.slice(0, 8).toLowerCase()}`, cookie)).json());
      assert.deepEqual(found.items.map((item) => item.id), [first]);
    });

    it('shows the screening grouped by instrument and scored by the domain code, the QuestionnaireResponse and a tel: number', async () => {
      const canary = uniqueCanary('View');
      const answers = { 'phq-9-1': 2, 'phq-9-2': 2, 'phq-9-3': 1, 'phq-9-9': 1, 'gad-7-1': 3, 'gad-7-2': 3, 'gad-7-3': 3, 'gad-7-4': 2, 'audit-1': 3, 'audit-2': 2, 'audit-3': 1 };
      const id = await screened(['phq-9', 'gad-7', 'audit-c'], { ...answers, sex: 'male' }, canary);
      const person = await createStaffAccount(database.db, 'intake', clock.now());
      const cookie = await sessionCookie(database.db, person, clock);
      const view = RecordView.parse(await (await consoleFetch(server, `records/intakes/${id}`, cookie)).json());
      assert.equal(view.displayName, canary);
      assert.equal(view.phone, '+1 303-555-0199');
      // PHQ-9 item 9 above 0 without the ASQ's acuity question: a safety concern, a higher level of care.
      assert.equal(view.screening?.result, 'higher-level');
      const scores = Object.fromEntries(view.screening!.groups.map((group) => [group.instrument, [group.score?.total, group.score?.band]]));
      // PHQ-9 2+2+1+1 = 6 "mild" (Kroenke 2001); PHQ-2 2+2 = 4 positive; GAD-7 3+3+3+2 = 11 "moderate"; AUDIT-C 3+2+1 = 6.
      assert.deepEqual(scores, { 'phq-9': [6, 'mild'], 'phq-2': [4, 'positive'], 'gad-7': [11, 'moderate'], 'audit-c': [6, 'positive'] });
      assert.equal(view.screening!.groups.find((group) => group.instrument === 'phq-9')!.answers.length, 4);

      const download = await consoleFetch(server, `records/intakes/${id}/questionnaire-response`, cookie);
      assert.equal(download.headers.get('content-type'), 'application/fhir+json');
      assert.match(download.headers.get('content-disposition') ?? '', /^attachment/);
      assert.equal((await download.json()).resourceType, 'QuestionnaireResponse');

      const check = (await post(server, 'eligibility-checks', eligibilityRequest('IOPACTIVE01'))).json.id as string;
      const coverage = RecordView.parse(await (await consoleFetch(server, `records/eligibility-checks/${check}`, cookie)).json());
      assert.ok(coverage.coverage, 'the payer answer is shown');
      assert.equal(coverage.displayName, 'Alex Example');
    });

    it('tells an open event stream about a new intake within 2 seconds, also one received by another instance', async () => {
      const person = await createStaffAccount(database.db, 'intake', clock.now());
      const cookie = await sessionCookie(database.db, person, clock);
      const other = await startTestServer(database.db, clock);
      const controller = new AbortController();
      try {
        const stream = await fetch(`${server.api}staff/queue/events`, { headers: { cookie }, signal: controller.signal });
        assert.equal(stream.headers.get('content-type'), 'text/event-stream');
        assert.equal(stream.headers.get('cache-control'), 'no-store');
        const reader = stream.body!.getReader();
        const buffer = { text: '' };
        const ready = await nextEvent(reader, buffer);
        assert.equal(ready.event, 'queue-ready');

        const started = performance.now();
        await post(other, 'intakes', intakeRequest());
        const changed = await nextEvent(reader, buffer);
        const elapsed = performance.now() - started;
        assert.equal(changed.event, 'queue-changed');
        assert.ok(Number(changed.data) > Number(ready.data));
        assert.ok(elapsed < 2000, `arrived after ${Math.round(elapsed)} ms`);
        assert.ok(!changed.data.includes('intake'), 'the event carries a change number only');
      } finally {
        controller.abort();
        await other.close();
      }
    });
  });
}
