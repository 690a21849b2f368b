/**
 * Encryption at rest for what a person typed: AES-GCM with a key the page can use but never read.
 * Values go through JSON, so drafts and outbox bodies must be JSON-serialisable.
 */

export interface Sealed {
  iv: Uint8Array;
  data: ArrayBuffer;
}

const encoder = new TextEncoder();
const algorithm = (iv: Uint8Array, recordId: string): AesGcmParams => ({
  name: 'AES-GCM',
  iv: iv as Uint8Array<ArrayBuffer>,
  // Binding the ciphertext to its record id stops a blob from being replayed under another id.
  additionalData: encoder.encode(recordId),
});

/** Non-extractable: script on the page (ours or a host's) can encrypt with it but never export it. */
export function createDataKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

export async function seal(key: CryptoKey, recordId: string, value: unknown): Promise<Sealed> {
  // A fresh 96-bit IV per write: GCM's security collapses if an IV is ever reused with one key.
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(algorithm(iv, recordId), key, encoder.encode(JSON.stringify(value)));
  return { iv, data };
}

/** Throws (an OperationError) when the key or record id does not match: the record is unreadable. */
export async function unseal<T>(key: CryptoKey, recordId: string, sealed: Sealed): Promise<T> {
  const plain = await crypto.subtle.decrypt(algorithm(sealed.iv, recordId), key, sealed.data);
  return JSON.parse(new TextDecoder().decode(plain)) as T;
}

/** Cache keys may embed a search a person typed (`payers?q=...`): only their digest is stored. */
export async function digest(text: string): Promise<string> {
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
  return Array.from(hash, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
