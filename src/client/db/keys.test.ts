import { describe, expect, it } from 'vitest';
import { openJson, sealJson } from './crypto.ts';
import type { DeviceUser } from './device-users.ts';
import {
  decodeEscrow,
  newUserKeys,
  rewrapForNewPassword,
  rewrapFromEscrow,
  unlockWithPassword,
  unlockWithPin,
  wrapForPin,
} from './keys.ts';

/** Cheap Argon2id for tests (the app uses OWASP's 19 MiB, 2 passes). */
const cheap = { alg: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 } as const;

async function user(password: string): Promise<{ entry: DeviceUser; key: CryptoKey; escrow: string }> {
  const keys = await newUserKeys(password, cheap);
  return {
    key: keys.key,
    escrow: keys.escrow,
    entry: {
      userId: 'u1',
      username: 'mette',
      displayName: 'Mette',
      deviceId: crypto.randomUUID(),
      kdf: keys.kdf,
      wrappedKey: keys.wrappedKey,
      escrowSecret: keys.escrowSecret,
      escrowStored: true,
      failedUnlocks: 0,
      addedAt: new Date().toISOString(),
    },
  };
}

describe('the data key', () => {
  it('is used non-extractable, opens with the password and with nothing else', async () => {
    const { entry, key } = await user('rugbroed-med-ost');
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
    const sealed = await sealJson(key, { cpr: '1403259876' });
    const again = await unlockWithPassword(entry, 'rugbroed-med-ost');
    expect(again && (await openJson(again.key, sealed))).toEqual({ cpr: '1403259876' });
    expect(await unlockWithPassword(entry, 'rugbroed-med-smoer')).toBeNull();
  });

  it('after a password reset, the escrow copy and the device secret give the same key back, for the new password', async () => {
    const { entry, key, escrow } = await user('gammelt-kodeord-1');
    const sealed = await sealJson(key, { note: 'usynkroniseret arbejde' });
    const { key: recovered, user: next } = await rewrapFromEscrow(entry, escrow, 'nyt-kodeord-2');
    expect(await openJson(recovered, sealed)).toEqual({ note: 'usynkroniseret arbejde' });
    expect(await unlockWithPassword(next, 'nyt-kodeord-2')).not.toBeNull();
    expect(await unlockWithPassword(next, 'gammelt-kodeord-1')).toBeNull();
  });

  it('the escrow copy alone opens nothing without the device secret, and the secret alone has no key', async () => {
    const { entry, escrow } = await user('rugbroed-med-ost');
    const other = await user('rugbroed-med-ost');
    await expect(rewrapFromEscrow({ ...entry, escrowSecret: other.entry.escrowSecret }, escrow, 'x')).rejects.toThrow();
    expect(decodeEscrow(escrow).ct.length).toBeGreaterThan(32);
  });

  it('a password change on the device wraps the key again', async () => {
    const { entry } = await user('foerste-kodeord');
    expect(await rewrapForNewPassword(entry, 'forkert', 'andet-kodeord')).toBeNull();
    const next = await rewrapForNewPassword(entry, 'foerste-kodeord', 'andet-kodeord');
    expect(next && (await unlockWithPassword(next, 'andet-kodeord'))).not.toBeNull();
  });

  it('a PIN wraps the same key: only that PIN opens it, and nothing stored holds the PIN', async () => {
    const { entry, key } = await user('rugbroed-med-ost');
    const sealed = await sealJson(key, { family: 'Familien Jensen' });
    const opened = await unlockWithPassword(entry, 'rugbroed-med-ost', { extractable: true });
    if (!opened?.extractable) throw new Error('no extractable copy');
    const wrap = await wrapForPin(opened.extractable, '839174');
    expect(wrap.kdf).toMatchObject({ alg: 'argon2id', memoryKiB: 12288, iterations: 2 });
    const viaPin = await unlockWithPin(wrap, '839174');
    expect(viaPin && (await openJson(viaPin, sealed))).toEqual({ family: 'Familien Jensen' });
    await expect(crypto.subtle.exportKey('raw', viaPin as CryptoKey)).rejects.toThrow();
    expect(await unlockWithPin(wrap, '839175')).toBeNull();
    expect(JSON.stringify(wrap)).not.toContain('839174');
  });
});
