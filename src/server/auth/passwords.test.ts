import { describe, expect, it } from 'vitest';
import { defaultKdfParams, hashPassword, needsRehash, verifyPassword } from './passwords.ts';

describe('password hashing', () => {
  it('hashes with Argon2id at the OWASP minimum by default and verifies', async () => {
    const hash = await hashPassword('kaffe-og-kage-42');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(await verifyPassword('kaffe-og-kage-42', hash)).toBe(true);
    expect(await verifyPassword('kaffe-og-kage-43', hash)).toBe(false);
    expect(needsRehash(hash)).toBe(false);
  });

  it('still verifies an old scrypt hash, and asks for it to be replaced', async () => {
    const old = await hashPassword('kaffe-og-kage-42', { N: 2 ** 15, r: 8, p: 1 });
    expect(old).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('kaffe-og-kage-42', old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
  });

  it('asks to rehash an Argon2id hash below the current parameters', async () => {
    const weak = await hashPassword('x', { ...defaultKdfParams, memoryKiB: 1024, passes: 1 });
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash('garbage')).toBe(true);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
    expect(await verifyPassword('x', '$argon2id$v=19$m=0,t=2,p=1$AAAA$AAAA')).toBe(false);
  });
});
