/** Record ids, bearer tokens and their hashes. */
import { base64UrlEncode, hex } from './encoding.js';

const encoder = new TextEncoder();

/**
 * 128 random bits: ids double as capabilities (an eligibility check is read by its id). Never
 * starting with `-` or `_`: an id that starts with `-` reads as an option on a command line and
 * as a formula in a spreadsheet (the audit CSV has to quote it), so such draws are drawn again.
 */
export function newRecordId(): string {
  for (;;) {
    const id = base64UrlEncode(crypto.getRandomValues(new Uint8Array(16)));
    if (!/^[-_]/.test(id)) return id;
  }
}

/** 256 random bits, 43 characters. */
export function newToken(): string {
  return base64UrlEncode(crypto.getRandomValues(new Uint8Array(32)));
}

export async function sha256Hex(text: string): Promise<string> {
  return hex(new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text))));
}

export async function hmacSha256Hex(secret: string, message: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return hex(new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(message))));
}

/** Compares secrets without leaking, through timing, how many leading characters matched. */
export async function secretsEqual(given: string, expected: string): Promise<boolean> {
  const [a, b] = await Promise.all([sha256Hex(given), sha256Hex(expected)]);
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}
