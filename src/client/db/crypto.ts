/**
 * Encryption at rest (GDPR art. 9, Datatilsynet's guidance on portable devices): AES-256-GCM from
 * Web Crypto, a fresh random 96-bit IV for every value written, the data key never extractable once
 * in use. A sealed value is authenticated: a changed byte fails to open, so a damaged value is found
 * (and quarantined) rather than read wrong. Key wrapping uses AES-GCM too, so the raw data key never
 * enters JavaScript after it is made (wrapKey/unwrapKey).
 */

export type Sealed = { iv: Uint8Array; ct: Uint8Array };

const AES_GCM = 'AES-GCM';
const encoder = new TextEncoder();
const decoder = new TextDecoder();

const iv = () => crypto.getRandomValues(new Uint8Array(12));

/** Seals a JSON value with `key`. */
export async function sealJson(key: CryptoKey, value: unknown): Promise<Sealed> {
  const nonce = iv();
  const plain = encoder.encode(JSON.stringify(value));
  const ct = new Uint8Array(
    await crypto.subtle.encrypt({ name: AES_GCM, iv: nonce as BufferSource }, key, plain as BufferSource),
  );
  return { iv: nonce, ct };
}

/** Opens a sealed JSON value; throws when the key is wrong or the value was changed. */
export async function openJson<T>(key: CryptoKey, sealed: Sealed): Promise<T> {
  const plain = await crypto.subtle.decrypt(
    { name: AES_GCM, iv: sealed.iv as BufferSource },
    key,
    sealed.ct as BufferSource,
  );
  return JSON.parse(decoder.decode(plain)) as T;
}

/** A new data key, extractable only so it can be wrapped once for each way to open it. */
export function newDataKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: AES_GCM, length: 256 }, true, ['encrypt', 'decrypt']);
}

/** A key-encryption key from 32 secret bytes (a KDF output, or the device's escrow secret). */
export function keyEncryptionKey(secret: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', secret as BufferSource, AES_GCM, false, ['wrapKey', 'unwrapKey']);
}

export async function wrapDataKey(dataKey: CryptoKey, kek: CryptoKey): Promise<Sealed> {
  const nonce = iv();
  const ct = new Uint8Array(
    await crypto.subtle.wrapKey('raw', dataKey, kek, { name: AES_GCM, iv: nonce as BufferSource }),
  );
  return { iv: nonce, ct };
}

/**
 * The data key from its wrapped form: non-extractable for use (`extractable` only to wrap it again,
 * e.g. after a password change). Throws when `kek` is not the key it was wrapped with.
 */
export function unwrapDataKey(wrapped: Sealed, kek: CryptoKey, extractable = false): Promise<CryptoKey> {
  return crypto.subtle.unwrapKey(
    'raw',
    wrapped.ct as BufferSource,
    kek,
    { name: AES_GCM, iv: wrapped.iv as BufferSource },
    { name: AES_GCM, length: 256 },
    extractable,
    ['encrypt', 'decrypt'],
  );
}

export const randomBytes = (n: number) => crypto.getRandomValues(new Uint8Array(n));

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
