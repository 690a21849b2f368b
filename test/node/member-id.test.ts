import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkMemberId, hasBcbsPrefix, isMedicareMbi, normalizeMemberId } from '../../src/domain/member-id.js';

// CMS, "Understanding the Medicare Beneficiary Identifier (MBI) Format" (cms.gov, MBI format
// specification): 11 characters, positions C A AN N A AN N A A N N; C = 1-9, N = 0-9,
// A = A-Z without S L O I B Z, AN = A or N. CMS's published example is 1EG4-TE5-MK73.
describe('Medicare MBI (CMS format)', () => {
  const valid = ['1EG4TE5MK73', '1EG4TE5MK70', '9AA0AA0AA00', '2C99Y00YY99', '5XK3A70HN12'];
  for (const id of valid) it(`accepts ${id}`, () => assert.equal(isMedicareMbi(id), true));

  const invalid: Array<[string, string]> = [
    ['0EG4TE5MK73', 'position 1 cannot be 0'],
    ['AEG4TE5MK73', 'position 1 must be a digit'],
    ['11G4TE5MK73', 'position 2 must be a letter'],
    ['1SG4TE5MK73', 'S is excluded'],
    ['1LG4TE5MK73', 'L is excluded'],
    ['1OG4TE5MK73', 'O is excluded'],
    ['1IG4TE5MK73', 'I is excluded'],
    ['1BG4TE5MK73', 'B is excluded'],
    ['1ZG4TE5MK73', 'Z is excluded'],
    ['1EGATE5MK73', 'position 4 must be a digit'],
    ['1EG4TE5M173', 'position 9 must be a letter'],
    ['1EG4TE5MK7A', 'position 11 must be a digit'],
    ['1EG4TE5MK7', 'ten characters'],
    ['1EG4TE5MK733', 'twelve characters'],
    ['1eg4te5mk73', 'lower case is not normalised by the raw check'],
  ];
  for (const [id, why] of invalid) it(`rejects ${id} (${why})`, () => assert.equal(isMedicareMbi(id), false));

  it('accepts the card form with dashes and spaces once normalised', () => {
    assert.deepEqual(checkMemberId(' 1eg4-te5-mk73 ', 'medicare-mbi'), { ok: true, value: '1EG4TE5MK73' });
  });

  it('says which problem an MBI has', () => {
    assert.deepEqual(checkMemberId('1EG4TE5MK7', 'medicare-mbi'), { ok: false, problem: 'mbi-format' });
    assert.deepEqual(checkMemberId('1EG4TE5MK7#', 'medicare-mbi'), { ok: false, problem: 'characters' });
    assert.deepEqual(checkMemberId('   ', 'medicare-mbi'), { ok: false, problem: 'empty' });
  });

  it('never accepts an excluded letter anywhere a letter may stand (property)', () => {
    const letterPositions = [1, 2, 4, 5, 7, 8];
    fc.assert(
      fc.property(fc.constantFrom(...letterPositions), fc.constantFrom('S', 'L', 'O', 'I', 'B', 'Z'), (position, letter) => {
        const id = '1EG4TE5MK73'.split('');
        id[position] = letter;
        return !isMedicareMbi(id.join(''));
      }),
    );
  });
});

// BCBS: every Blue plan's member ID starts with a 3-character alphanumeric prefix that routes it
// (BlueCard program); FEP IDs are one letter followed by digits; 17 characters at most.
describe('BCBS prefix rule', () => {
  for (const id of ['XYZ123456789', 'IOPACTIVE01', 'R12345678', 'ZGP1234567890123A', 'A1B2345']) {
    it(`accepts ${id}`, () => assert.equal(hasBcbsPrefix(id), true));
  }
  it('rejects a prefix with nothing after it', () => assert.equal(hasBcbsPrefix('XYZ'), false));
  it('rejects a prefix broken by a symbol', () => assert.equal(hasBcbsPrefix('XY#123456'), false));
  it('rejects more than 17 characters', () => {
    assert.deepEqual(checkMemberId('XYZ12345678901234A', 'bcbs'), { ok: false, problem: 'too-long' });
  });
  it('joins a prefix typed apart from the number', () => {
    assert.deepEqual(checkMemberId('xyz 1234-5678', 'bcbs'), { ok: true, value: 'XYZ12345678' });
  });
  it('explains a too-short ID as a prefix problem', () => {
    assert.deepEqual(checkMemberId('XY', 'bcbs'), { ok: false, problem: 'bcbs-prefix' });
  });
});

describe('generic member IDs', () => {
  it('keeps dashes and upper-cases', () => assert.deepEqual(checkMemberId('w123-456 789', 'generic'), { ok: true, value: 'W123-456789' }));
  it('needs two characters', () => assert.deepEqual(checkMemberId('7', 'generic'), { ok: false, problem: 'too-short' }));
  it('allows thirty and no more', () => {
    assert.equal(checkMemberId('A'.repeat(30), 'generic').ok, true);
    assert.deepEqual(checkMemberId('A'.repeat(31), 'generic'), { ok: false, problem: 'too-long' });
  });
  it('rejects other characters', () => assert.deepEqual(checkMemberId('AB_123', 'generic'), { ok: false, problem: 'characters' }));

  it('whatever it accepts also satisfies the API contract (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.constantFrom('generic', 'bcbs', 'medicare-mbi' as const), (raw, rule) => {
        const result = checkMemberId(raw, rule);
        return !result.ok || /^[A-Za-z0-9-]{2,30}$/.test(result.value);
      }),
    );
  });

  it('normalising twice changes nothing (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.constantFrom('generic', 'bcbs', 'medicare-mbi' as const), (raw, rule) => {
        const once = normalizeMemberId(raw, rule);
        return normalizeMemberId(once, rule) === once;
      }),
    );
  });
});
