/**
 * The user's data key on this device (docs/decisions/0013): made at her first login here, kept in
 * memory only as a non-extractable CryptoKey, stored wrapped (a) by a key derived from her password
 * with Argon2id, so she can open the app offline, and (b) as an escrow copy on the server, wrapped
 * by a secret only this device holds, released to her on this device after an online login — so a
 * forgotten or reset password never loses unsynced work, and the server never sees the key; and
 * (c) by a key from her PIN (lighter Argon2id), so the lock screen opens with six digits.
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
import type { DeviceUser, PinWrap } from './device-users.ts';
import { deriveKey, type KdfParams, newKdfParams, PIN_KDF } from './kdf.ts';

export type NewUserKeys = {
  key: CryptoKey;
  /** An extractable copy, only so a PIN can wrap it right after login (then dropped). */
  extractable: CryptoKey;
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
  return { key, extractable: dataKey, kdf, wrappedKey, escrowSecret, escrow: encodeEscrow(escrowWrapped) };
}

/**
 * The data key with the password, or null when the password is not the one the key is wrapped with.
 * With `extractable` also a copy that can be wrapped again (for a new PIN).
 */
export async function unlockWithPassword(
  user: DeviceUser,
  password: string,
  options: { extractable?: boolean } = {},
): Promise<{ key: CryptoKey; extractable: CryptoKey | null } | null> {
  try {
    const kek = await passwordKey(password, user.kdf);
    const key = await unwrapDataKey(user.wrappedKey, kek);
    const extractable = options.extractable ? await unwrapDataKey(user.wrappedKey, kek, true) : null;
    return { key, extractable };
  } catch {
    return null;
  }
}

/** Wraps the data key (an extractable copy) for a PIN with the PIN's lighter Argon2id parameters. */
export async function wrapForPin(extractable: CryptoKey, pin: string): Promise<PinWrap> {
  const kdf = newKdfParams(PIN_KDF);
  const wrappedKey = await wrapDataKey(extractable, await passwordKey(pin, kdf));
  return { kdf, wrappedKey };
}

/** The data key with the PIN (non-extractable), or null when the PIN is wrong. */
export async function unlockWithPin(wrap: PinWrap, pin: string): Promise<CryptoKey | null> {
  try {
    return await unwrapDataKey(wrap.wrappedKey, await passwordKey(pin, wrap.kdf));
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
): Promise<{ key: CryptoKey; extractable: CryptoKey; user: DeviceUser }> {
  const extractable = await unwrapDataKey(decodeEscrow(escrow), await keyEncryptionKey(user.escrowSecret), true);
  const kdf = newKdfParams(kdfBase ?? user.kdf);
  const kek = await passwordKey(newPassword, kdf);
  const wrappedKey = await wrapDataKey(extractable, kek);
  const key = await unwrapDataKey(wrappedKey, kek);
  // A reset password: the old PIN goes too (the nurse chooses a new one).
  return { key, extractable, user: { ...user, kdf, wrappedKey, failedUnlocks: 0, pin: undefined, failedPins: 0 } };
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
