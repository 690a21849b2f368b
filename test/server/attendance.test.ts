/**
 * Proof of attendance over real HTTP: check-in with the facilitator's rotating code inside the
 * session's window, every refusal with a clear message (outside the window, wrong code, reused code,
 * no RSVP), manual marks, sealed storage, attendance letters read back with pdf.js (a PDF reader nobody
 * here wrote) and verified by the verification page, which reports a PDF with one changed date as not
 * genuine. Every check-in, mark, letter and verification leaves an audit row.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import type { StaffRole } from '../../src/api/staff-schemas.js';
import { rsvpRequest, uniqueCanary } from './support/fixtures.js';
import { consoleFetch, createStaffAccount, sessionCookie } from './support/staff.js';
import { dumpAllRows, get, post, startTestServer, TestClock, testBackends, type TestDatabase, type TestServer, useTestServer } from './support/test-server.js';

/** Tuesdays of the demo "Alumni Group" (18:30-20:00 in Denver, MST = UTC-7), each test its own week. */
const SESSION = 'alumni-tuesday';
/** The test server listens on 127.0.0.1; Node may report it IPv4-mapped. */
const LOOPBACK = /^(::ffff:)?127\.0\.0\.1$/;

async function pdfText(bytes: Uint8Array): Promise<string> {
  const document = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false, standardFontDataUrl: fileURLToPath(new URL('../../node_modules/pdfjs-dist/standard_fonts/', import.meta.url)) }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await document.destroy();
  return pages.join('\n');
}

async function verifyOnPage(server: TestServer, code: string, pdf?: Uint8Array): Promise<{ status: number; html: string; verdict: string | undefined }> {
  const form = new FormData();
  form.set('code', code);
  if (pdf) form.set('letter', new Blob([pdf.slice()], { type: 'application/pdf' }), 'letter.pdf');
  const response = await fetch(`${server.url}/verify-letter`, { method: 'POST', body: form });
  const html = await response.text();
  return { status: response.status, html, verdict: /data-verdict="([a-z-]+)"/.exec(html)?.[1] };
}

for (const backend of testBackends()) {
  describe(`proof of attendance (${backend})`, () => {
    const clock = new TestClock();
    let database: TestDatabase;
    let server: TestServer;
    useTestServer(backend, clock, (opened) => ({ database, server } = opened));

    const moveTo = (iso: string) => {
      const target = new Date(iso).getTime();
      assert.ok(target >= clock.now().getTime(), `the clock only moves forward (${iso})`);
      clock.advance(target - clock.now().getTime());
    };
    const rsvp = async (date: string, name = 'D. W.') => {
      const created = await post(server, `alumni-sessions/${SESSION}/rsvps`, rsvpRequest(date, { name }));
      assert.equal(created.status, 201, JSON.stringify(created.json));
      return created.json as { id: string; token: string };
    };
    const checkIn = (id: string, token: string, code: string) => post(server, `rsvps/${id}/check-ins`, { code }, { headers: { authorization: `Bearer ${token}` } });
    const staffCookie = async (role: StaffRole) => sessionCookie(database.db, await createStaffAccount(database.db, role, clock.now()), clock);
    // Sessions end after 15 idle minutes and these tests jump hours ahead: each call signs in afresh.
    const shownCode = async (role: StaffRole, date: string) => {
      const cookie = await staffCookie(role);
      const response = await consoleFetch(server, `attendance/sessions/${SESSION}/code?date=${date}`, cookie);
      assert.equal(response.status, 200);
      return ((await response.json()) as { code: string }).code;
    };
    const auditRows = (action: string) =>
      database.db.query<{ outcome: string; record_id: string | null; detail: string | null; source_address: string | null }>('SELECT outcome, record_id, detail, source_address FROM audit_events WHERE action = $1 ORDER BY seq', [action]);

    it('checks a participant in with the code shown now or a minute ago, and refuses early, wrong and reused codes', async () => {
      const facilitator: StaffRole = 'alumni';
      const mine = await rsvp('2026-03-03');
      const other = await rsvp('2026-03-03', 'J. R.');

      const early = await checkIn(mine.id, mine.token, await shownCode(facilitator, '2026-03-03'));
      assert.equal(early.status, 422);
      assert.equal(early.json.code, 'check-in-outside-window');
      assert.match(String(early.json.detail), /opens 15 minutes before/);

      moveTo('2026-03-04T01:15:00Z'); // 18:15 in Denver: check-in has just opened
      const code = await shownCode(facilitator, '2026-03-03');
      assert.match(code, /^\d{6}$/);
      const wrong = await checkIn(mine.id, mine.token, code === '000000' ? '111111' : '000000');
      assert.equal(wrong.status, 422);
      assert.equal(wrong.json.code, 'check-in-wrong-code');
      assert.match(String(wrong.json.detail), /not the one shown right now/);

      const done = await checkIn(mine.id, mine.token, code);
      assert.equal(done.status, 201, JSON.stringify(done.json));
      assert.equal(done.json.status, 'present');
      assert.equal(done.json.arrivedAt, '2026-03-04T01:15:00.000Z');

      const reused = await checkIn(mine.id, mine.token, code);
      assert.equal(reused.status, 409);
      assert.equal(reused.json.code, 'check-in-already-done');
      assert.match(String(reused.json.detail), /already checked in/);

      // A code read out just as it rotated still works for one more minute, and not after.
      clock.advance(60_000);
      const late = await checkIn(other.id, other.token, code);
      assert.equal(late.status, 201, 'the previous step is accepted');
      const third = await rsvp('2026-03-03', 'K. L.');
      clock.advance(60_000);
      assert.equal((await checkIn(third.id, third.token, code)).json.code, 'check-in-wrong-code', 'two steps old is refused');

      const own = await get(server, `rsvps/${mine.id}/attendance`, { authorization: `Bearer ${mine.token}` });
      assert.equal(own.json.status, 'present');
      assert.equal((await get(server, `rsvps/${mine.id}/attendance`, { authorization: `Bearer ${other.token}` })).status, 401, 'another RSVP token does not open it');

      const audited = await auditRows('check-in');
      assert.deepEqual(
        audited.filter((row) => row.record_id === mine.id).map((row) => `${row.outcome}:${row.detail}`),
        ['failure:outside-window:too-early', 'failure:wrong-code', 'success:code', 'failure:already-checked-in'],
      );
      // Like staff rows, a participant's row names the address the request came from (here the loopback).
      for (const row of audited) assert.match(row.source_address ?? '', LOOPBACK, 'check-in rows carry the source address');
    });

    it('refuses a check-in without an RSVP, for a cancelled RSVP, and after the session ended', async () => {
      const facilitator: StaffRole = 'admin';
      const kept = await rsvp('2026-03-10');
      const cancelled = await rsvp('2026-03-10', 'C. C.');
      assert.equal((await fetch(`${server.api}rsvps/${cancelled.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${cancelled.token}` } })).status, 204);
      moveTo('2026-03-11T01:40:00Z');
      const code = await shownCode(facilitator, '2026-03-10');

      const none = await checkIn('NoSuchRsvp0123', kept.token, code);
      assert.equal(none.status, 404);
      assert.equal(none.json.code, 'check-in-no-rsvp');
      assert.match(String(none.json.detail), /There is no RSVP/);
      const gone = await checkIn(cancelled.id, cancelled.token, code);
      assert.equal(gone.status, 409);
      assert.equal(gone.json.code, 'check-in-no-rsvp');
      assert.match(String(gone.json.detail), /cancelled/);

      moveTo('2026-03-11T03:00:00Z'); // 20:00 in Denver: the session has ended
      const closed = await checkIn(kept.id, kept.token, await shownCode(facilitator, '2026-03-10'));
      assert.equal(closed.status, 422);
      assert.equal(closed.json.code, 'check-in-outside-window');
      assert.match(String(closed.json.detail), /has closed/);
    });

    it('lets the facilitator mark arrival and leaving, issues a letter that pdf.js reads, and tells a genuine letter from a changed one', async () => {
      const canary = uniqueCanary('Letter');
      const facilitator: StaffRole = 'alumni';
      const first = await rsvp('2026-03-17');
      const second = await rsvp('2026-03-24');
      moveTo('2026-03-18T01:20:00Z');
      assert.equal((await checkIn(first.id, first.token, await shownCode(facilitator, '2026-03-17'))).status, 201);
      moveTo('2026-03-18T02:55:00Z');
      const left = await consoleFetch(server, `attendance/sessions/${SESSION}/marks`, await staffCookie(facilitator), { method: 'POST', body: { date: '2026-03-17', rsvpId: first.id, mark: 'left' } });
      assert.equal(left.status, 200);
      assert.equal(((await left.json()) as { leftAt: string }).leftAt, '2026-03-18T02:55:00.000Z');
      moveTo('2026-03-25T01:35:00Z');
      const marked = await consoleFetch(server, `attendance/sessions/${SESSION}/marks`, await staffCookie(facilitator), { method: 'POST', body: { date: '2026-03-24', rsvpId: second.id, mark: 'arrived' } });
      assert.equal(((await marked.json()) as { method: string }).method, 'facilitator');
      const roster = (await (await consoleFetch(server, `attendance/sessions/${SESSION}/roster?date=2026-03-24`, await staffCookie(facilitator))).json()) as { entries: { rsvpId: string; status: string }[] };
      assert.deepEqual(roster.entries.map((entry) => [entry.rsvpId, entry.status]), [[second.id, 'present']]);
      assert.deepEqual((await auditRows('mark-attendance')).map((row) => `${row.record_id}:${row.detail}`), [`${first.id}:left`, `${second.id}:arrived`]);

      const requested = await post(server, 'attendance-letters', {
        rsvps: [first, second].map(({ id, token }) => ({ id, token })),
        from: '2026-03-01',
        to: '2026-03-31',
        titles: 'discreet',
        participantName: canary,
        locale: 'en',
      });
      assert.equal(requested.status, 201, JSON.stringify(requested.json));
      const letter = requested.json as { id: string; verificationCode: string; verificationUrl: string; pdfBase64: string; sessions: number };
      assert.equal(letter.sessions, 2);
      assert.equal(letter.verificationUrl, `${server.url}/verify-letter`);
      const pdf = Uint8Array.from(Buffer.from(letter.pdfBase64, 'base64'));
      const text = await pdfText(pdf);
      for (const expected of ['2026-03-17', '2026-03-24', 'Support session', canary, 'Juniper Ridge Recovery', letter.verificationCode, `${server.url}/verify-letter`]) {
        assert.ok(text.includes(expected), `the PDF shows ${expected}:\n${text}`);
      }
      assert.ok(!text.includes('Alumni Group'), 'discreet titles hide the session name');

      const genuine = await verifyOnPage(server, letter.verificationCode.toLowerCase().replaceAll('-', ' '), pdf);
      assert.equal(genuine.verdict, 'genuine', genuine.html);
      const shown = await verifyOnPage(server, letter.verificationCode);
      assert.equal(shown.verdict, 'shown');
      assert.ok(shown.html.includes('2026-03-17') && shown.html.includes(canary), 'the page shows what the letter shows');
      assert.ok(!shown.html.includes('Alumni Group'), 'and nothing more');

      // A forger covers one date and writes another over it.
      const forged = await PDFDocument.load(pdf);
      const page = forged.getPage(0);
      const font = await forged.embedFont(StandardFonts.Helvetica);
      page.drawRectangle({ x: 50, y: 560, width: 80, height: 200, color: rgb(1, 1, 1) });
      page.drawText('2026-03-19', { x: 56, y: 600, size: 11, font });
      const changed = await verifyOnPage(server, letter.verificationCode, await forged.save());
      assert.equal(changed.verdict, 'changed');
      assert.match(changed.html, /Not genuine/);
      const unknown = await verifyOnPage(server, 'AAAA-BBBB-CCCC-DDDD', pdf);
      assert.equal(unknown.status, 404);
      assert.equal(unknown.verdict, 'unknown-code');

      const page2 = await fetch(`${server.url}/verify-letter?lang=es`);
      assert.match(page2.headers.get('content-security-policy') ?? '', /default-src 'none'.*frame-ancestors 'none'/);
      assert.match(await page2.text(), /Verificar una carta de asistencia/);

      const listed = await consoleFetch(server, 'attendance/letters', await staffCookie(facilitator));
      const letters = ((await listed.json()) as { letters: { id: string; sessions: number; verifications: number }[] }).letters;
      assert.deepEqual(letters.map((item) => [item.id, item.sessions, item.verifications]), [[letter.id, 2, 3]]);
      assert.deepEqual((await auditRows('letter-verified')).map((row) => `${row.outcome}:${row.detail}`), ['success:genuine', 'success:shown', 'failure:changed', 'failure:unknown-code']);
      assert.equal((await auditRows('letter-issued')).length, 1);
      for (const row of [...(await auditRows('letter-verified')), ...(await auditRows('letter-issued'))]) {
        assert.match(row.source_address ?? '', LOOPBACK, 'letter rows carry the source address');
      }

      const rows = await dumpAllRows(database.db);
      assert.ok(!rows.includes(canary), 'the name on the letter is sealed at rest');
      const sealed = await database.db.query<{ record_sealed: string }>('SELECT record_sealed FROM attendance_records');
      assert.ok(sealed.length === 2 && sealed.every((row) => row.record_sealed.startsWith('v2.')), 'attendance is sealed at rest');
      assert.ok(!server.logs.some((entry) => JSON.stringify(entry).includes(letter.verificationCode)), 'no code in the request log');
    });

    it('refuses a letter with no recorded attendance, a reversed period and a wrong token', async () => {
      const mine = await rsvp('2026-03-31');
      const ask = (overrides: Record<string, unknown>) =>
        post(server, 'attendance-letters', { rsvps: [{ id: mine.id, token: mine.token }], from: '2026-03-01', to: '2026-03-31', titles: 'real', participantName: 'D. W.', locale: 'es', ...overrides });
      assert.match(JSON.stringify((await ask({})).json), /No attendance is recorded/);
      assert.match(JSON.stringify((await ask({ from: '2026-04-01' })).json), /must not be before/);
      assert.equal((await ask({ rsvps: [{ id: mine.id, token: 'x'.repeat(43) }] })).status, 401);
    });

    it('limits letter checks per address, so the verification page cannot be used to try codes in bulk', async () => {
      await database.db.query('DELETE FROM rate_limit_windows');
      const limited = await startTestServer(database.db, clock, { writesPerMinute: 2 });
      try {
        const tries = [];
        for (let i = 0; i < 3; i++) tries.push(await verifyOnPage(limited, `AAAA-BBBB-CCCC-DDD${i}`));
        assert.deepEqual(tries.map((t) => t.status), [404, 404, 429]);
        assert.match(tries[2]!.html, /Too many attempts/);
        assert.match(tries[2]!.html, /Demasiados intentos/);
        assert.equal((await fetch(`${limited.url}/verify-letter`)).status, 200, 'the form itself still opens');
      } finally {
        await limited.close();
      }
    });

    it('lets only facilitators (alumni, admin) reach the attendance staff routes', async () => {
      const paths = ['attendance/sessions/alumni-tuesday/code?date=2026-04-07', 'attendance/sessions/alumni-tuesday/roster?date=2026-04-07', 'attendance/letters'];
      for (const path of paths) {
        assert.equal((await consoleFetch(server, path, null)).status, 401, `${path} anonymous`);
        for (const role of ['intake', 'viewer'] as const) assert.equal((await consoleFetch(server, path, await staffCookie(role))).status, 403, `${path} as ${role}`);
        for (const role of ['alumni', 'admin'] as const) assert.equal((await consoleFetch(server, path, await staffCookie(role))).status, 200, `${path} as ${role}`);
      }
      const mark = { method: 'POST', body: { date: '2026-04-07', rsvpId: 'NoSuchRsvp', mark: 'arrived' } };
      assert.equal((await consoleFetch(server, 'attendance/sessions/alumni-tuesday/marks', await staffCookie('intake'), mark)).status, 403);
      assert.equal((await consoleFetch(server, 'attendance/sessions/alumni-tuesday/marks', await staffCookie('alumni'), mark)).status, 404);
    });
  });
}
