/**
 * References a person can read out on the phone: Crockford's base32 alphabet (digits and letters
 * without I, L, O and U, which are mistaken for 1, 0 and V or spell words), eight random symbols
 * and one check symbol, shown in three groups of three: `K7Q-M4X-R2P`.
 *
 * The check symbol is Luhn mod 32 (the Luhn algorithm over this alphabet): it catches every
 * single wrong symbol and every swap of two neighbours, the mistakes of reading aloud and typing.
 * Reading is forgiving the way Crockford intended: any case, spaces or dashes anywhere, I and L
 * read as 1, O as 0.
 */

export const REFERENCE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BASE = REFERENCE_ALPHABET.length;
const DATA_SYMBOLS = 8;

/** 8 symbols of 5 bits: 2^40 references, drawn at random, so they say nothing about order or volume. */
export function newReferenceCode(random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes)): string {
  const bytes = random(new Uint8Array(DATA_SYMBOLS));
  const data = [...bytes].map((byte) => REFERENCE_ALPHABET[byte % BASE]!).join('');
  return formatReferenceCode(data + checkSymbol(data));
}

/** Luhn mod N: from the right, every second symbol's value is doubled and its base-N digits summed. */
export function checkSymbol(data: string): string {
  let sum = 0;
  let double = true;
  for (let index = data.length - 1; index >= 0; index -= 1) {
    let value = REFERENCE_ALPHABET.indexOf(data[index]!);
    if (value < 0) throw new RangeError('not a reference symbol');
    if (double) {
      value *= 2;
      value = Math.floor(value / BASE) + (value % BASE);
    }
    sum += value;
    double = !double;
  }
  return REFERENCE_ALPHABET[(BASE - (sum % BASE)) % BASE]!;
}

function formatReferenceCode(symbols: string): string {
  return symbols.match(/.{1,3}/g)!.join('-');
}

/**
 * What a person or staff member typed, as the stored form (`K7Q-M4X-R2P`), or undefined when it is
 * not a reference or its check symbol does not match.
 */
export function parseReferenceCode(typed: string): string | undefined {
  const symbols = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (symbols.length !== DATA_SYMBOLS + 1 || [...symbols].some((symbol) => !REFERENCE_ALPHABET.includes(symbol))) return undefined;
  const data = symbols.slice(0, DATA_SYMBOLS);
  return checkSymbol(data) === symbols[DATA_SYMBOLS] ? formatReferenceCode(symbols) : undefined;
}

/** The reference spelled for a screen reader, one symbol at a time: "K 7 Q, M 4 X, R 2 P". */
export function spokenReferenceCode(reference: string): string {
  return reference
    .split('-')
    .map((group) => [...group].join(' '))
    .join(', ');
}
