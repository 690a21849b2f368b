/**
 * Rotating check-in codes: HOTP (RFC 4226) over the time step (RFC 6238), keyed by a random secret per
 * occurrence that is kept sealed. A code is worthless for any other occurrence or minute.
 */
import { acceptedSteps, codeStep, counterBytes, truncateToDigits } from '../../src/domain/attendance.js';

export type CodeHash = 'SHA-1' | 'SHA-256';

/** RFC 4226 HOTP; SHA-256 in use (RFC 6238 allows it), SHA-1 for the RFC's own test vectors. */
export async function hotp(secret: Uint8Array, counter: number, digits = 6, hash: CodeHash = 'SHA-256'): Promise<string> {
  const key = await crypto.subtle.importKey('raw', secret as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, counterBytes(counter) as Uint8Array<ArrayBuffer>));
  return truncateToDigits(mac, digits);
}

export function currentCode(secret: Uint8Array, now: Date): Promise<string> {
  return hotp(secret, codeStep(now));
}

/** True when `code` is the current step's or the previous step's. */
export async function codeAccepted(secret: Uint8Array, code: string, now: Date): Promise<boolean> {
  const expected = await Promise.all(acceptedSteps(now).map((step) => hotp(secret, step)));
  // Both are compared, so the time taken does not say which step matched.
  return expected.map((candidate) => candidate === code).some(Boolean);
}
