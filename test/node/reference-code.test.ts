import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { REFERENCE_ALPHABET, checkSymbol, newReferenceCode, parseReferenceCode, spokenReferenceCode } from '../../src/domain/reference-code.js';

const code = fc.uint8Array({ minLength: 8, maxLength: 8 }).map((bytes) => newReferenceCode(() => bytes));

describe('reference codes', () => {
  it('use Crockford base32, without I, L, O or U', () => {
    // Crockford, "Base 32" (crockford.com/base32.html): 0-9 and A-Z less I, L, O, U.
    assert.equal(REFERENCE_ALPHABET, '0123456789ABCDEFGHJKMNPQRSTVWXYZ');
    assert.match(newReferenceCode(), /^[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}$/);
  });

  it('compute the Luhn mod N check symbol', () => {
    // Luhn mod N with N = 10 is plain Luhn: the check digit of 7992739871 is 3. Over base 32 the
    // same rule: all zeros check to 0; a single 1 in the doubled position checks to 32 - 2 = Y (30).
    assert.equal(checkSymbol('00000000'), '0');
    assert.equal(checkSymbol('00000001'), 'Y');
    assert.equal(checkSymbol('00000010'), 'Z');
  });

  it('read back what they print, forgiving case, dashes, spaces and I/L/O', () => {
    fc.assert(
      fc.property(code, (reference) => {
        assert.equal(parseReferenceCode(reference), reference);
        assert.equal(parseReferenceCode(` ${reference.toLowerCase().replace(/-/g, ' ')} `), reference);
      }),
    );
    const reference = `011-000-00${checkSymbol('01100000')}`;
    assert.equal(parseReferenceCode(`Oli ooo oo${reference.at(-1)}`), reference);
  });

  it('refuse any single wrong symbol and any swap of two different neighbours', () => {
    fc.assert(
      fc.property(code, fc.nat(8), fc.nat(31), (reference, position, shift) => {
        const symbols = [...reference.replace(/-/g, '')];
        const wrong = [...symbols];
        wrong[position] = REFERENCE_ALPHABET[(REFERENCE_ALPHABET.indexOf(symbols[position]!) + 1 + shift) % 32]!;
        if (wrong[position] !== symbols[position]) assert.equal(parseReferenceCode(wrong.join('')), undefined);
        if (position < 8 && symbols[position] !== symbols[position + 1]) {
          const swapped = [...symbols];
          [swapped[position], swapped[position + 1]] = [swapped[position + 1]!, swapped[position]!];
          // Luhn's one blind spot, as for decimal Luhn's 09 <-> 90: values whose doubled digit sums equal their own swap.
          const blind = new Set(['0Z', 'Z0']);
          if (!blind.has(symbols[position]! + symbols[position + 1]!)) assert.equal(parseReferenceCode(swapped.join('')), undefined);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('spell themselves out for a screen reader', () => {
    assert.equal(spokenReferenceCode('K7Q-M4X-R2P'), 'K 7 Q, M 4 X, R 2 P');
    assert.equal(parseReferenceCode('K7Q-M4X-R2'), undefined);
  });
});
