/**
 * AES-256-GCM for health data at rest.
 *
 * Written against Web Crypto (in Node it is `node:crypto`'s webcrypto) so the in-browser backend
 * seals data the same way. Each value gets a fresh 96-bit IV; the row it belongs to is bound as
 * additional authenticated data, so a sealed value copied into another row fails to open.
 *
 * Keys live in a keyring: every key has an id, the current one seals, every one opens.
 * Format: `v2.<key id>.<iv base64url>.<ciphertext+tag base64url>`; the older
 * `v1.<iv>.<ciphertext+tag>` (before key ids) still opens with whichever key of the ring fits.
 * Fingerprints (the blind index) are `<key id>:<hex>` for the same reason; the older bare hex
 * still compares.
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
  /**
   * Whether a stored fingerprint is of `text`, computed with the key that made it; undefined when
   * that key has left the ring (a fingerprint cannot be moved to a new key without its text).
   */
  fingerprintMatches(stored: string, text: string): Promise<boolean | undefined>;
  /** The key id new values are sealed with. */
  readonly currentKeyId: string;
  /** The key id a sealed value or fingerprint names (`legacy` for v1 values without one). */
  keyIdOf(sealedOrFingerprint: string): string;
}

export interface DataKey {
  /** Letters, digits, `_` and `-`, up to 32: it is written into every sealed value. */
  readonly id: string;
  readonly raw: Uint8Array;
}

/** The id the single-key form (`IOP_DATA_KEY`) goes by in the ring. */
export const SINGLE_KEY_ID = 'primary';
export const LEGACY_KEY_ID = 'legacy';
const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * `IOP_DATA_KEYS`: `id:base64,id:base64,...`, the first one current (it seals), the others only
 * open what they sealed until re-encryption has moved it.
 */
export function parseDataKeys(text: string): DataKey[] {
  const keys = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const colon = entry.indexOf(':');
      const id = entry.slice(0, colon);
      if (colon < 0 || !KEY_ID_PATTERN.test(id)) throw new RangeError('IOP_DATA_KEYS must look like id:base64,id:base64 (ids: letters, digits, _ and -)');
      return { id, raw: decodeDataKey(entry.slice(colon + 1)) };
    });
  if (keys.length === 0) throw new RangeError('IOP_DATA_KEYS names no key');
  if (new Set(keys.map((key) => key.id)).size !== keys.length) throw new RangeError('IOP_DATA_KEYS names a key id twice');
  return keys;
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

interface RingKey {
  readonly id: string;
  readonly aes: CryptoKey;
  readonly hmac: CryptoKey;
}

async function importRingKey({ id, raw }: DataKey): Promise<RingKey> {
  const aes = await crypto.subtle.importKey('raw', raw as Uint8Array<ArrayBuffer>, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
  // A separate key for hashing, derived so the encryption key is never used for two purposes.
  const hkdf = await crypto.subtle.importKey('raw', raw as Uint8Array<ArrayBuffer>, 'HKDF', false, ['deriveKey']);
  const hmac = await crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: encoder.encode('iop-widgets fingerprint v1') },
    hkdf,
    { name: 'HMAC', hash: 'SHA-256', length: 256 },
    false,
    ['sign'],
  );
  return { id, aes, hmac };
}

/** One key (`IOP_DATA_KEY`, tests, the in-page backend). */
export function createDataCipher(rawKey: Uint8Array, id = SINGLE_KEY_ID): Promise<DataCipher> {
  return createKeyring([{ id, raw: rawKey }]);
}

/** The first key seals and fingerprints; every key opens and compares. */
export async function createKeyring(keys: readonly DataKey[]): Promise<DataCipher> {
  if (keys.length === 0) throw new RangeError('A keyring needs a key');
  for (const key of keys) if (!KEY_ID_PATTERN.test(key.id)) throw new RangeError(`Key id ${key.id} must be letters, digits, _ or -`);
  const ring = await Promise.all(keys.map(importRingKey));
  const byId = new Map(ring.map((key) => [key.id, key]));
  const current = ring[0]!;

  async function decryptWith(key: RingKey, iv: string, ciphertext: string, context: string): Promise<Uint8Array> {
    const plaintext = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: base64UrlDecode(iv) as Uint8Array<ArrayBuffer>, additionalData: encoder.encode(context) },
      key.aes,
      base64UrlDecode(ciphertext) as Uint8Array<ArrayBuffer>,
    );
    return new Uint8Array(plaintext);
  }
  async function sealBytes(plaintext: Uint8Array, context: string): Promise<string> {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const ciphertext = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: encoder.encode(context) },
      current.aes,
      plaintext as Uint8Array<ArrayBuffer>,
    );
    return `v2.${current.id}.${base64UrlEncode(iv)}.${base64UrlEncode(new Uint8Array(ciphertext))}`;
  }
  async function openBytes(sealed: string, context: string): Promise<Uint8Array> {
    const parts = sealed.split('.');
    if (parts[0] === 'v2' && parts.length === 4) {
      const key = byId.get(parts[1]!);
      if (!key) throw new Error(`Sealed with key ${parts[1]}, which is not in the keyring`);
      return decryptWith(key, parts[2]!, parts[3]!, context);
    }
    if (parts[0] === 'v1' && parts.length === 3) {
      // Before key ids: the key that fits is the one that sealed it (GCM refuses every other).
      for (const key of ring) {
        try {
          return await decryptWith(key, parts[1]!, parts[2]!, context);
        } catch {
          // not this key
        }
      }
      throw new Error('No key in the keyring opens this v1 value');
    }
    throw new Error('Unknown sealed format');
  }
  const hmacHex = async (key: RingKey, text: string) => hex(new Uint8Array(await crypto.subtle.sign('HMAC', key.hmac, encoder.encode(text))));
  function keyIdOf(value: string): string {
    if (value.startsWith('v2.')) return value.split('.')[1] ?? LEGACY_KEY_ID;
    if (value.startsWith('v1.')) return LEGACY_KEY_ID;
    const colon = value.indexOf(':');
    return colon > 0 ? value.slice(0, colon) : LEGACY_KEY_ID;
  }
  return {
    currentKeyId: current.id,
    keyIdOf,
    fingerprint: async (text) => `${current.id}:${await hmacHex(current, text)}`,
    async fingerprintMatches(stored, text) {
      const colon = stored.indexOf(':');
      if (colon < 0) {
        for (const key of ring) if ((await hmacHex(key, text)) === stored) return true;
        return undefined;
      }
      const key = byId.get(stored.slice(0, colon));
      if (!key) return undefined;
      return (await hmacHex(key, text)) === stored.slice(colon + 1);
    },
    seal: (plaintext, context) => sealBytes(encoder.encode(plaintext), context),
    open: async (sealed, context) => decoder.decode(await openBytes(sealed, context)),
    sealBytes,
    openBytes,
  };
}
