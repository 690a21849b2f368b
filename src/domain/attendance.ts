/**
 * Proof-of-attendance rules: when a participant may check in to an occurrence, which rotating
 * check-in codes are current, and the canonical form of an attendance letter that the server signs.
 * Pure: the HMAC itself is computed by the caller (Web Crypto), this module turns its bytes into digits.
 */

/** Check-in opens this long before a session starts (people arrive early) and closes when it ends. */
export const CHECK_IN_OPENS_MINUTES_BEFORE = 15;
/** A code is shown for one step; the step before is still accepted (a code read out just as it rotated). */
export const CODE_STEP_SECONDS = 60;
export const CODE_DIGITS = 6;
/** Letters cover at most this many days (about a year and a month: an annual report to a board). */
export const MAX_LETTER_DAYS = 400;

export type CheckInTiming = 'too-early' | 'open' | 'closed';

export interface CheckInWindow {
  readonly opensAt: Date;
  readonly closesAt: Date;
}

export function checkInWindow(start: Date, durationMinutes: number): CheckInWindow {
  return {
    opensAt: new Date(start.getTime() - CHECK_IN_OPENS_MINUTES_BEFORE * 60_000),
    closesAt: new Date(start.getTime() + durationMinutes * 60_000),
  };
}

/** Inclusive at the opening, exclusive at the end: at the last minute the session is over. */
export function checkInTiming(window: CheckInWindow, now: Date): CheckInTiming {
  if (now.getTime() < window.opensAt.getTime()) return 'too-early';
  if (now.getTime() >= window.closesAt.getTime()) return 'closed';
  return 'open';
}

/** The time step a code belongs to (RFC 6238's T, with T0 = 0). */
export function codeStep(now: Date, stepSeconds = CODE_STEP_SECONDS): number {
  return Math.floor(now.getTime() / 1000 / stepSeconds);
}

/** Steps whose codes the server accepts at `now`: the current one, then the one before. */
export function acceptedSteps(now: Date, stepSeconds = CODE_STEP_SECONDS): [number, number] {
  const step = codeStep(now, stepSeconds);
  return [step, step - 1];
}

/** When the code of `step` stops being shown. */
export function stepEndsAt(step: number, stepSeconds = CODE_STEP_SECONDS): Date {
  return new Date((step + 1) * stepSeconds * 1000);
}

/** The 8-byte big-endian counter RFC 4226 feeds to HMAC. */
export function counterBytes(counter: number): Uint8Array {
  const bytes = new Uint8Array(8);
  let rest = counter;
  for (let index = 7; index >= 0; index--) {
    bytes[index] = rest % 256;
    rest = Math.floor(rest / 256);
  }
  return bytes;
}

/** RFC 4226 section 5.3 dynamic truncation of an HMAC-SHA-1/256 result to `digits` decimal digits. */
export function truncateToDigits(hmac: Uint8Array, digits = CODE_DIGITS): string {
  const offset = hmac[hmac.length - 1]! & 0x0f;
  const binary = ((hmac[offset]! & 0x7f) << 24) | (hmac[offset + 1]! << 16) | (hmac[offset + 2]! << 8) | hmac[offset + 3]!;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** What a person typed, as a code: digits only (spaces and dashes from reading it out are dropped). */
export function normaliseCheckInCode(typed: string): string | null {
  const digits = typed.replace(/[\s-]/g, '');
  return new RegExp(`^\\d{${CODE_DIGITS}}$`).test(digits) ? digits : null;
}

// ---- letters ----------------------------------------------------------------------------------

export type LetterTitles = 'discreet' | 'real';

/** One attended occurrence as a letter lists it. */
export interface LetterEntry {
  readonly date: string;
  readonly title: string;
  readonly arrivedAt: string | null;
  readonly leftAt: string | null;
}

/** Everything a letter shows, and so everything the verification page may show. */
export interface LetterContent {
  readonly version: 1;
  readonly verificationCode: string;
  readonly issuedAt: string;
  readonly participantName: string;
  readonly periodFrom: string;
  readonly periodTo: string;
  readonly titles: LetterTitles;
  readonly locale: 'en' | 'es';
  readonly center: { readonly name: string; readonly phone: string; readonly timeZone: string; readonly website: string };
  readonly entries: readonly LetterEntry[];
}

/** The title printed for a session: a monitor needs the fact of attendance, not the topic. */
export function letterTitle(choice: LetterTitles, realTitle: string, discreetTitle: string): string {
  return choice === 'real' ? realTitle : discreetTitle;
}

/** Entries in date order, then title; a canonical order so the signature does not depend on a query plan. */
export function sortLetterEntries(entries: readonly LetterEntry[]): LetterEntry[] {
  return [...entries].sort((a, b) => a.date.localeCompare(b.date) || (a.arrivedAt ?? '').localeCompare(b.arrivedAt ?? '') || a.title.localeCompare(b.title));
}

/**
 * The exact text that is signed: keys in a fixed order, entries sorted. Two letters with the same
 * content have the same canonical form; changing one date changes it.
 */
export function canonicalLetter(content: LetterContent, pdfSha256: string): string {
  return JSON.stringify([
    content.version,
    content.verificationCode,
    content.issuedAt,
    content.participantName,
    content.periodFrom,
    content.periodTo,
    content.titles,
    content.locale,
    [content.center.name, content.center.phone, content.center.timeZone, content.center.website],
    sortLetterEntries(content.entries).map((entry) => [entry.date, entry.title, entry.arrivedAt, entry.leftAt]),
    pdfSha256,
  ]);
}

// Crockford's base32: no I, L, O or U, so a code read over the phone is not misheard.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 16 characters (80 bits) from random bytes, shown in groups of four: `K7QF-3MZP-X9TD-H2WA`. */
export function verificationCodeFrom(random: Uint8Array): string {
  if (random.length < 10) throw new RangeError('need 10 random bytes');
  let bits = 0;
  let value = 0;
  let code = '';
  for (const byte of random.subarray(0, 10)) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      code += CODE_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return code.match(/.{4}/g)!.join('-');
}

/** A code as typed (any case, spaces, dashes, O for 0, I/L for 1) in its printed form, or null. */
export function normaliseVerificationCode(typed: string): string | null {
  const plain = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (plain.length !== 16 || [...plain].some((char) => !CODE_ALPHABET.includes(char))) return null;
  return plain.match(/.{4}/g)!.join('-');
}

/** Whole days from `from` to `to` (calendar dates), negative when reversed. */
export function letterPeriodProblem(from: string, to: string): 'reversed' | 'too-long' | null {
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
  if (days < 0) return 'reversed';
  if (days >= MAX_LETTER_DAYS) return 'too-long';
  return null;
}

/** RSVPs a person may check in with on `today` (their device's date; the server has the last word on the window). */
export function rsvpsToCheckIn<R extends { readonly id?: string; readonly token?: string; readonly date: string }>(rsvps: readonly R[], today: string): R[] {
  const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  // Yesterday too: an evening session in the center's zone can be "yesterday" on a device far east of it.
  return rsvps.filter((rsvp) => rsvp.id && rsvp.token && (rsvp.date === today || rsvp.date === yesterday));
}

/** The first and last day of the month `today` falls in: the period a letter asks for by default. */
export function monthAround(today: string): { from: string; to: string } {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { from: `${today.slice(0, 7)}-01`, to: `${today.slice(0, 7)}-${String(last).padStart(2, '0')}` };
}
