/**
 * The user's data key on this device (docs/decisions/0013): made at her first login here, kept in
 * memory only as a non-extractable CryptoKey, stored wrapped (a) by a key derived from her password
 * with Argon2id, so she can open the app offline, and (b) as an escrow copy on the server, wrapped
 * by a secret only this device holds, released to her on this device after an online login — so a
 * forgotten or reset password never loses unsynced work, and the server never sees the key.
 */
import {
  fromBase64,
  keyEncryptionKey,
  newDataKey,
  randomBytes,
  type Sealed,
  toBase64,
  unwrapDataKey,
  wrapDataKey,
} from './crypto.ts';
import type { DeviceUser } from './device-users.ts';
import { deriveKey, type KdfParams, newKdfParams } from './kdf.ts';

export type NewUserKeys = {
  key: CryptoKey;
  kdf: KdfParams;
  wrappedKey: Sealed;
  escrowSecret: Uint8Array;
  /** The escrow copy for the server (base64 of iv and wrapped key). */
  escrow: string;
};

const passwordKey = async (password: string, kdf: KdfParams) => keyEncryptionKey(await deriveKey(password, kdf));

export const encodeEscrow = (sealed: Sealed) => `${toBase64(sealed.iv)}.${toBase64(sealed.ct)}`;

export function decodeEscrow(text: string): Sealed {
  const [iv = '', ct = ''] = text.split('.');
  return { iv: fromBase64(iv), ct: fromBase64(ct) };
}

/** A new data key for a user on this device, wrapped by her password and by the escrow secret. */
export async function newUserKeys(password: string, kdfBase?: Omit<KdfParams, 'salt'>): Promise<NewUserKeys> {
  const dataKey = await newDataKey();
  const kdf = newKdfParams(kdfBase);
  const escrowSecret = randomBytes(32);
  const [wrappedKey, escrowWrapped] = await Promise.all([
    passwordKey(password, kdf).then((kek) => wrapDataKey(dataKey, kek)),
    keyEncryptionKey(escrowSecret).then((kek) => wrapDataKey(dataKey, kek)),
  ]);
  // From here on only the non-extractable copy is used.
  const key = await unwrapDataKey(escrowWrapped, await keyEncryptionKey(escrowSecret));
  return { key, kdf, wrappedKey, escrowSecret, escrow: encodeEscrow(escrowWrapped) };
}

/** The data key with the password, or null when the password is not the one the key is wrapped with. */
export async function unlockWithPassword(user: DeviceUser, password: string): Promise<CryptoKey | null> {
  try {
    return await unwrapDataKey(user.wrappedKey, await passwordKey(password, user.kdf));
  } catch {
    return null;
  }
}

/**
 * After an online login with a password the device does not know (a reset, or a change on another
 * device): opens the server's escrow copy with this device's secret and wraps the key for the new
 * password. Returns the key and the user entry to store.
 */
export async function rewrapFromEscrow(
  user: DeviceUser,
  escrow: string,
  newPassword: string,
  kdfBase?: Omit<KdfParams, 'salt'>,
): Promise<{ key: CryptoKey; user: DeviceUser }> {
  const extractable = await unwrapDataKey(decodeEscrow(escrow), await keyEncryptionKey(user.escrowSecret), true);
  const kdf = newKdfParams(kdfBase ?? user.kdf);
  const kek = await passwordKey(newPassword, kdf);
  const wrappedKey = await wrapDataKey(extractable, kek);
  const key = await unwrapDataKey(wrappedKey, kek);
  return { key, user: { ...user, kdf, wrappedKey, failedUnlocks: 0 } };
}

/** A password change on this device: the key is wrapped again for the new password. */
export async function rewrapForNewPassword(
  user: DeviceUser,
  oldPassword: string,
  newPassword: string,
): Promise<DeviceUser | null> {
  let extractable: CryptoKey;
  try {
    extractable = await unwrapDataKey(user.wrappedKey, await passwordKey(oldPassword, user.kdf), true);
  } catch {
    return null;
  }
  const kdf = newKdfParams(user.kdf);
  const wrappedKey = await wrapDataKey(extractable, await passwordKey(newPassword, kdf));
  return { ...user, kdf, wrappedKey, failedUnlocks: 0 };
}
