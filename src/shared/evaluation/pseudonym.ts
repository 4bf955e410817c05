/**
 * Per-export pseudonyms (docs/decisions/0042-exports.md): HMAC-SHA-256 over a record id with a key
 * made from a fresh 32-byte random salt. The key is not extractable and the salt is never stored
 * or returned, so pseudonyms of two exports cannot be linked to each other or back to an id, while
 * within one export the same child always gets the same pseudonym. Web Crypto exists in the
 * browser (secure context) and in Node, so this shared module runs in both.
 */
const SALT_BYTES = 32;
/** 16 hex digits (64 bits): no collision to speak of among a municipality's children. */
const PSEUDONYM_HEX = 16;

export type Pseudonymiser = (kind: 'child' | 'family', id: string) => Promise<string>;

/** A pseudonymiser for one export. `salt` is for tests only: an export always draws a new one. */
export async function newPseudonymiser(salt?: Uint8Array): Promise<Pseudonymiser> {
  const bytes = salt ?? crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const key = await crypto.subtle.importKey('raw', bytes as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  bytes.fill(0);
  const cache = new Map<string, Promise<string>>();
  return (kind, id) => {
    const message = `${kind}:${id}`;
    let pseudonym = cache.get(message);
    if (!pseudonym) {
      pseudonym = crypto.subtle.sign('HMAC', key, new TextEncoder().encode(message)).then((mac) =>
        [...new Uint8Array(mac)]
          .map((b) => b.toString(16).padStart(2, '0'))
          .join('')
          .slice(0, PSEUDONYM_HEX),
      );
      cache.set(message, pseudonym);
    }
    return pseudonym;
  };
}
