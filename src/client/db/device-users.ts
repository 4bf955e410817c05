/**
 * Who uses this tablet: one entry per user who has logged in here, readable before unlock (the
 * lock screen lists them). An entry holds no health data and no usable secret on its own: the
 * user's data key wrapped by her password's Argon2id key, the KDF parameters, the device id she is
 * registered with on the server, and the escrow secret that opens the server's copy of her data
 * key after an online login (the server holds that copy, never the key); her PIN's wrap of the
 * same key, the lock settings, and when she last synced. Plain IndexedDB via idb.
 */
import { type IDBPDatabase, openDB } from 'idb';
import type { LockSettings } from '../../shared/auth/lock-defaults.ts';
import type { Sealed } from './crypto.ts';
import type { KdfParams } from './kdf.ts';

/**
 * The data key wrapped by a key derived from her PIN (Argon2id, lighter parameters than the
 * password's). Nothing else of the PIN is kept: the only way to test a PIN is the KDF and the
 * AES-GCM unwrap. Dropped after too many wrong PINs, when the device has not synced for too long,
 * and at logout.
 */
export type PinWrap = { kdf: KdfParams; wrappedKey: Sealed };

export type DeviceUser = {
  userId: string;
  username: string;
  displayName: string;
  /** The id this device is registered with on the server for this user (sync-protocol "Devices"). */
  deviceId: string;
  kdf: KdfParams;
  /** The data key wrapped by the password's key. */
  wrappedKey: Sealed;
  /** Opens the server's escrow copy of the data key (useless without that copy). */
  escrowSecret: Uint8Array;
  /** The server has confirmed it holds the escrow copy. */
  escrowStored: boolean;
  /** Wrong passwords in a row while offline (after too many, only an online login opens the store). */
  failedUnlocks: number;
  addedAt: string;
  /** Her PIN's wrap of the data key (absent until she chooses one, and after 5 wrong PINs). */
  pin?: PinWrap | undefined;
  /** Wrong PINs in a row. */
  failedPins?: number | undefined;
  /** The team's lock settings as last seen unlocked (the lock screen needs them before unlock). */
  policy?: LockSettings | undefined;
  /** The server's DEVICE_STALE_DAYS, from the last login. */
  staleAfterDays?: number | undefined;
  /** The last successful sync of this user on this tablet, and how many changes were unsynced then. */
  lastSyncAt?: string | undefined;
  unsyncedCount?: number | undefined;
  /** Set when her store is opened, cleared when it is locked with `unsyncedCount` (wipe by age). */
  openSince?: string | undefined;
};

export const DEVICE_DB = 'tusind-dage-device';
type Schema = { users: { key: string; value: DeviceUser } };

let opened: Promise<IDBPDatabase<Schema>> | null = null;

function database(): Promise<IDBPDatabase<Schema>> {
  opened ??= openDB<Schema>(DEVICE_DB, 1, {
    upgrade(db) {
      db.createObjectStore('users', { keyPath: 'userId' });
    },
  });
  return opened;
}

export async function deviceUsers(): Promise<DeviceUser[]> {
  return (await database()).getAll('users');
}

export async function deviceUser(userId: string): Promise<DeviceUser | undefined> {
  return (await database()).get('users', userId);
}

export async function deviceUserByName(username: string): Promise<DeviceUser | undefined> {
  const key = username.trim().toLocaleLowerCase('da');
  return (await deviceUsers()).find((u) => u.username.toLocaleLowerCase('da') === key);
}

export async function saveDeviceUser(user: DeviceUser): Promise<void> {
  await (await database()).put('users', user);
}

export async function removeDeviceUser(userId: string): Promise<void> {
  await (await database()).delete('users', userId);
}

/** For tests: forget the open connection (fake-indexeddb is reset between tests). */
export function resetDeviceUsersForTests(): void {
  opened = null;
}
