/**
 * Proof-of-attendance rules. Code vectors: RFC 4226 appendix D (HOTP, SHA-1, secret
 * "12345678901234567890") and RFC 6238 appendix B (TOTP, SHA-256, 32-byte secret, 8 digits).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  acceptedSteps,
  canonicalLetter,
  checkInTiming,
  checkInWindow,
  codeStep,
  letterPeriodProblem,
  normaliseCheckInCode,
  normaliseVerificationCode,
  truncateToDigits,
  verificationCodeFrom,
  type LetterContent,
} from '../../src/domain/attendance.js';
import { hotp } from '../../server/attendance/check-in-codes.js';

const ascii = (text: string) => new TextEncoder().encode(text);

describe('check-in codes', () => {
  it('matches RFC 4226 appendix D (HOTP, SHA-1)', async () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
    for (const [counter, code] of expected.entries()) assert.equal(await hotp(ascii('12345678901234567890'), counter, 6, 'SHA-1'), code, `count ${counter}`);
  });

  it('matches RFC 6238 appendix B (TOTP, SHA-256, 30 s steps)', async () => {
    const secret = ascii('12345678901234567890123456789012');
    const vectors: [number, string][] = [[59, '46119246'], [1111111109, '68084774'], [1234567890, '91819424'], [2000000000, '90698825']];
    for (const [seconds, code] of vectors) assert.equal(await hotp(secret, codeStep(new Date(seconds * 1000), 30), 8, 'SHA-256'), code, `T = ${seconds}`);
  });

  it('truncates as RFC 4226 section 5.4 shows', () => {
    const hmac = Uint8Array.from('1f8698690e02ca16618550ef7f19da8e945b555a'.match(/../g)!.map((pair) => parseInt(pair, 16)));
    assert.equal(truncateToDigits(hmac, 6), '872921');
  });

  it('accepts the current and the previous step only', () => {
    const now = new Date('2026-03-04T01:20:30Z');
    const step = codeStep(now);
    assert.deepEqual(acceptedSteps(now), [step, step - 1]);
    assert.equal(codeStep(new Date('2026-03-04T01:20:59.999Z')), step);
    assert.equal(codeStep(new Date('2026-03-04T01:21:00Z')), step + 1);
  });

  it('reads a typed code with spaces or a dash, and nothing else', () => {
    assert.equal(normaliseCheckInCode('123 456'), '123456');
    assert.equal(normaliseCheckInCode('123-456'), '123456');
    assert.equal(normaliseCheckInCode('12345'), null);
    assert.equal(normaliseCheckInCode('12345a'), null);
  });
});

describe('check-in window', () => {
  const window = checkInWindow(new Date('2026-03-04T01:30:00Z'), 90);
  const table: [string, string][] = [
    ['2026-03-04T01:14:59Z', 'too-early'],
    ['2026-03-04T01:15:00Z', 'open'],
    ['2026-03-04T02:59:59Z', 'open'],
    ['2026-03-04T03:00:00Z', 'closed'],
  ];
  for (const [at, timing] of table) it(`is ${timing} at ${at}`, () => assert.equal(checkInTiming(window, new Date(at)), timing));
});

describe('letters', () => {
  const content: LetterContent = {
    version: 1,
    verificationCode: 'K7QF-3MZP-X9TD-H2WA',
    issuedAt: '2026-03-31T18:00:00.000Z',
    participantName: 'Dana W.',
    periodFrom: '2026-03-01',
    periodTo: '2026-03-31',
    titles: 'discreet',
    locale: 'en',
    center: { name: 'Center', phone: '+1 303 555 0100', timeZone: 'America/Denver', website: 'https://center.example' },
    entries: [
      { date: '2026-03-24', title: 'Support session', arrivedAt: null, leftAt: null },
      { date: '2026-03-17', title: 'Support session', arrivedAt: null, leftAt: null },
    ],
  };

  it('signs the same canonical form whatever the order of entries, and a different one for one changed date', () => {
    const reversed = { ...content, entries: [...content.entries].reverse() };
    assert.equal(canonicalLetter(content, 'abc'), canonicalLetter(reversed, 'abc'));
    const changed = { ...content, entries: [{ ...content.entries[0]!, date: '2026-03-25' }, content.entries[1]!] };
    assert.notEqual(canonicalLetter(content, 'abc'), canonicalLetter(changed, 'abc'));
    assert.notEqual(canonicalLetter(content, 'abc'), canonicalLetter(content, 'abd'));
  });

  it('makes verification codes that survive being read out and typed back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 10, maxLength: 10 }), (bytes) => {
        const code = verificationCodeFrom(bytes);
        assert.match(code, /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
        assert.equal(normaliseVerificationCode(code.toLowerCase().replaceAll('-', ' ')), code);
      }),
    );
    assert.equal(normaliseVerificationCode('K7QF3MZPX9TDH2WO'), 'K7QF-3MZP-X9TD-H2W0', 'O is read as zero');
    assert.equal(normaliseVerificationCode('too short'), null);
  });

  it('bounds the period of a letter', () => {
    assert.equal(letterPeriodProblem('2026-03-01', '2026-03-31'), null);
    assert.equal(letterPeriodProblem('2026-03-31', '2026-03-01'), 'reversed');
    assert.equal(letterPeriodProblem('2025-01-01', '2026-03-01'), 'too-long');
  });
});
