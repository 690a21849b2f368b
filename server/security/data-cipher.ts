/**
 * AES-256-GCM for health data at rest.
 *
 * Written against Web Crypto (in Node it is `node:crypto`'s webcrypto) so the in-browser backend
 * seals data the same way. Each value gets a fresh 96-bit IV; the row it belongs to is bound as
 * additional authenticated data, so a sealed value copied into another row fails to open.
 * Format: `v1.<iv base64url>.<ciphertext+tag base64url>`.
 */
import { base64UrlDecode, base64UrlEncode, hex } from './encoding.js';

export interface DataCipher {
  seal(plaintext: string, context: string): Promise<string>;
  open(sealed: string, context: string): Promise<string>;
  /** The same format for binary data (card photos), without a detour through text. */
  sealBytes(plaintext: Uint8Array, context: string): Promise<string>;
  openBytes(sealed: string, context: string): Promise<Uint8Array>;
  /** Keyed hash (HMAC-SHA256): a fingerprint of low-entropy health data cannot be guessed from the database. */
  fingerprint(text: string): Promise<string>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** `IOP_DATA_KEY` is standard base64 of exactly 32 random bytes. */
export function decodeDataKey(base64: string): Uint8Array {
  const bytes = base64UrlDecode(base64.trim().replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, ''));
  if (bytes.length !== 32) throw new RangeError('IOP_DATA_KEY must be base64 of 32 bytes (openssl rand -base64 32)');
  return bytes;
}

export function newDataKeyBase64(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes));
}

export async function createDataCipher(rawKey: Uint8Array): Promise<DataCipher> {
  const key = await crypto.subtle.importKey('raw', rawKey as Uint8Array<ArrayBuffer>, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
  // A separate key for hashing, derived so the encryption key is never used for two purposes.
  const hkdf = await crypto.subtle.importKey('raw', rawKey as Uint8Array<ArrayBuffer>, 'HKDF', false, ['deriveKey']);
  const hmacKey = await crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: encoder.encode('iop-widgets fingerprint v1') },
    hkdf,
    { name: 'HMAC', hash: 'SHA-256', length: 256 },
    false,
    ['sign'],
  );
  async function sealBytes(plaintext: Uint8Array, context: string): Promise<string> {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const ciphertext = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: encoder.encode(context) },
      key,
      plaintext as Uint8Array<ArrayBuffer>,
    );
    return `v1.${base64UrlEncode(iv)}.${base64UrlEncode(new Uint8Array(ciphertext))}`;
  }
  async function openBytes(sealed: string, context: string): Promise<Uint8Array> {
    const [version, iv, ciphertext] = sealed.split('.');
    if (version !== 'v1' || !iv || !ciphertext) throw new Error('Unknown sealed format');
    const plaintext = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: base64UrlDecode(iv) as Uint8Array<ArrayBuffer>, additionalData: encoder.encode(context) },
      key,
      base64UrlDecode(ciphertext) as Uint8Array<ArrayBuffer>,
    );
    return new Uint8Array(plaintext);
  }
  return {
    async fingerprint(text) {
      return hex(new Uint8Array(await crypto.subtle.sign('HMAC', hmacKey, encoder.encode(text))));
    },
    seal: (plaintext, context) => sealBytes(encoder.encode(plaintext), context),
    open: async (sealed, context) => decoder.decode(await openBytes(sealed, context)),
    sealBytes,
    openBytes,
  };
}
