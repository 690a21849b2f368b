/**
 * Attendance letters: issued from the RSVPs a person proves are theirs (their tokens), signed, and
 * verifiable by a monitor with the letter's code. The server keeps the content sealed, the PDF's
 * SHA-256, and an HMAC over both in canonical form: a PDF with one changed byte, or a database row
 * changed afterwards, is reported as not genuine.
 */
import type { AttendanceLetter, AttendanceLetterRequest, IssuedLetter } from '../../src/api/attendance-schemas.js';
import { canonicalLetter, letterPeriodProblem, letterTitle, normaliseVerificationCode, verificationCodeFrom, type LetterContent, type LetterEntry } from '../../src/domain/attendance.js';
import type { Queryable } from '../db/database.js';
import { invalidField } from '../http/problem.js';
import { hex } from '../security/encoding.js';
import { newRecordId, secretsEqual } from '../security/secrets.js';
import { loadCenter } from '../services/center-catalog.js';
import type { AttendanceDeps } from './attendance-records.js';
import { ownRsvp } from './attendance-records.js';
import { renderLetterPdf } from './letter-pdf.js';

export const VERIFY_LETTER_PATH = '/verify-letter';
const DISCREET_TITLE = { en: 'Support session', es: 'Sesión de apoyo' } as const;

async function sha256OfBytes(bytes: Uint8Array): Promise<string> {
  return hex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)));
}

const signatureOf = (deps: AttendanceDeps, content: LetterContent, pdfSha256: string) => deps.cipher.fingerprint(`attendance-letter:${canonicalLetter(content, pdfSha256)}`);
const codeFingerprint = (deps: AttendanceDeps, code: string) => deps.cipher.fingerprint(`attendance-letter-code:${code}`);

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000) binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  return btoa(binary);
}


export async function issueLetter(deps: AttendanceDeps, request: AttendanceLetterRequest, origin: string): Promise<AttendanceLetter> {
  const period = letterPeriodProblem(request.from, request.to);
  if (period === 'reversed') throw invalidField('/to', 'The end date must not be before the start date.');
  if (period === 'too-long') throw invalidField('/to', 'A letter covers at most 400 days. Please ask for two letters.');

  const entries: LetterEntry[] = [];
  const seen = new Set<string>();
  for (const { id, token } of request.rsvps) {
    if (seen.has(id)) continue;
    seen.add(id);
    const rsvp = await ownRsvp(deps.db, id, token).catch((error: unknown) => {
      // An RSVP this device still remembers but the center no longer has is simply not on the letter.
      if (error instanceof Error && 'problem' in error && (error as { problem: { status: number } }).problem.status === 404) return null;
      throw error;
    });
    if (!rsvp || rsvp.occurrence_date < request.from || rsvp.occurrence_date > request.to) continue;
    const [row] = await deps.db.query<{ record_sealed: string; title: string }>(
      `SELECT a.record_sealed, s.details->>'title' AS title FROM attendance_records a JOIN alumni_sessions s ON s.id = a.session_id WHERE a.rsvp_id = $1`,
      [rsvp.id],
    );
    if (!row) continue;
    const record = JSON.parse(await deps.cipher.open(row.record_sealed, `attendance_records:${rsvp.id}`)) as { arrivedAt: string | null; leftAt: string | null };
    if (!record.arrivedAt) continue;
    entries.push({ date: rsvp.occurrence_date, title: letterTitle(request.titles, row.title, DISCREET_TITLE[request.locale]), arrivedAt: record.arrivedAt, leftAt: record.leftAt });
  }
  if (entries.length === 0) throw invalidField('/from', 'No attendance is recorded for these dates yet. Check the dates, or ask the facilitator.');

  const center = await loadCenter(deps.db);
  const issuedAt = deps.now();
  const content: LetterContent = {
    version: 1,
    verificationCode: verificationCodeFrom(crypto.getRandomValues(new Uint8Array(10))),
    issuedAt: issuedAt.toISOString(),
    participantName: request.participantName.trim(),
    periodFrom: request.from,
    periodTo: request.to,
    titles: request.titles,
    locale: request.locale,
    center: { name: center.name, phone: center.phone, timeZone: center.timeZone, website: origin },
    entries,
  };
  const verificationUrl = `${origin}${VERIFY_LETTER_PATH}`;
  const pdf = await renderLetterPdf(content, verificationUrl);
  const pdfSha256 = await sha256OfBytes(pdf);
  const id = newRecordId();
  await deps.db.query(
    `INSERT INTO attendance_letters (id, code_fingerprint, content_sealed, pdf_sha256, signature, period_from, period_to, sessions, titles, issued_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      id,
      await codeFingerprint(deps, content.verificationCode),
      await deps.cipher.seal(JSON.stringify(content), `attendance_letters:${id}`),
      pdfSha256,
      await signatureOf(deps, content, pdfSha256),
      request.from,
      request.to,
      entries.length,
      request.titles,
      issuedAt,
    ],
  );
  return { id, verificationCode: content.verificationCode, verificationUrl, issuedAt: content.issuedAt, sessions: entries.length, pdfBase64: toBase64(pdf) };
}

export type Verification =
  | { readonly verdict: 'unknown-code' }
  | { readonly verdict: 'tampered'; readonly letterId: string }
  | { readonly verdict: 'genuine' | 'changed' | 'shown'; readonly letterId: string; readonly content: LetterContent };

/** With a PDF: is it byte for byte the letter issued under this code? Without: what the letter shows. */
export async function verifyLetter(deps: AttendanceDeps, typedCode: string, pdf: Uint8Array | null): Promise<Verification> {
  const code = normaliseVerificationCode(typedCode);
  if (!code) return { verdict: 'unknown-code' };
  const [row] = await deps.db.query<{ id: string; content_sealed: string; pdf_sha256: string; signature: string }>(
    'SELECT id, content_sealed, pdf_sha256, signature FROM attendance_letters WHERE code_fingerprint = $1',
    [await codeFingerprint(deps, code)],
  );
  if (!row) return { verdict: 'unknown-code' };
  let content: LetterContent;
  try {
    content = JSON.parse(await deps.cipher.open(row.content_sealed, `attendance_letters:${row.id}`)) as LetterContent;
  } catch {
    return { verdict: 'tampered', letterId: row.id };
  }
  const signed = await secretsEqual(await signatureOf(deps, content, row.pdf_sha256), row.signature);
  let verdict: 'genuine' | 'changed' | 'shown' | 'tampered' = 'shown';
  if (!signed || content.verificationCode !== code) verdict = 'tampered';
  else if (pdf) verdict = (await secretsEqual(await sha256OfBytes(pdf), row.pdf_sha256)) ? 'genuine' : 'changed';
  await deps.db.query('UPDATE attendance_letters SET verifications = verifications + 1, last_verified_at = $2 WHERE id = $1', [row.id, deps.now()]);
  return verdict === 'tampered' ? { verdict, letterId: row.id } : { verdict, letterId: row.id, content };
}

export async function listLetters(db: Queryable, limit = 200): Promise<IssuedLetter[]> {
  const rows = await db.query<{
    id: string;
    issued_at: Date;
    period_from: string;
    period_to: string;
    sessions: number;
    titles: 'discreet' | 'real';
    verifications: number;
    last_verified_at: Date | null;
  }>('SELECT id, issued_at, period_from, period_to, sessions, titles, verifications, last_verified_at FROM attendance_letters ORDER BY issued_at DESC LIMIT $1', [limit]);
  return rows.map((row) => ({
    id: row.id,
    issuedAt: new Date(row.issued_at).toISOString(),
    periodFrom: row.period_from,
    periodTo: row.period_to,
    sessions: Number(row.sessions),
    titles: row.titles,
    verifications: Number(row.verifications),
    lastVerifiedAt: row.last_verified_at ? new Date(row.last_verified_at).toISOString() : null,
  }));
}

