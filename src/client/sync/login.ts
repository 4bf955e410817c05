/**
 * Opening a user's store on this device (docs/decisions/0013):
 * - online login: the server checks the password; a new user on this tablet gets a data key, wrapped
 *   by her password and by an escrow secret whose wrapped copy the server keeps; a known user whose
 *   password the device does not know (reset, or changed elsewhere) gets her key back from the escrow
 *   copy. The plain store of an earlier version moves into the store of the user it belongs to.
 * - offline unlock: the password opens the wrapped key; after too many wrong ones in a row, only an
 *   online login opens the store.
 * - logout: refused while changes are unsynced (the store can be locked instead); a clean logout
 *   wipes this user's store and key from the tablet.
 */
import { loginResponseSchema, type User } from '../../shared/sync/session-schemas.ts';
import { type DeviceUser, deviceUser, deviceUserByName, removeDeviceUser, saveDeviceUser } from '../db/device-users.ts';
import type { KdfParams } from '../db/kdf.ts';
import { newUserKeys, rewrapForNewPassword, rewrapFromEscrow, unlockWithPassword } from '../db/keys.ts';
import { migrateLegacy, readLegacy } from '../db/legacy.ts';
import { deleteStore, LocalStore } from '../db/local-store.ts';
import { DEVICE_KEY } from '../db/meta.ts';
import { currentStore, hasCurrentStore, setCurrentStore } from '../db/store.ts';
import { requestJson, SyncHttpError } from './http.ts';
import { getSession, SESSION, unsyncedCount } from './session.ts';

/** The escrow copy the server has not confirmed yet (kept in the encrypted store, sent after a sync). */
export const PENDING_ESCROW = 'pendingEscrow';

/** Wrong passwords in a row that an offline unlock allows before an online login is needed. */
export const MAX_OFFLINE_ATTEMPTS = 10;

export type AuthOptions = {
  baseUrl?: string;
  fetch?: typeof fetch;
  /** KDF parameters for new keys (tests use cheap ones). */
  kdf?: Omit<KdfParams, 'salt'>;
};

export type LoginOutcome =
  | { ok: true; user: User; mustChangePassword: boolean; legacy: 'none' | 'other-user' | 'migrated' | 'cleaned' }
  | {
      ok: false;
      reason: 'invalid' | 'rate-limited' | 'offline' | 'disabled' | 'revoked' | 'no-key' | 'error';
      retryAfter?: number;
    };

const fetcher = (options: AuthOptions) => options.fetch ?? ((input: string, init?: RequestInit) => fetch(input, init));

async function api<T>(
  options: AuthOptions,
  path: string,
  init: RequestInit,
  schema: Parameters<typeof requestJson<T>>[3],
) {
  return requestJson(fetcher(options), `${options.baseUrl ?? ''}${path}`, init, schema);
}

const authHeaders = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

/** Sends the escrow copy to the server (once; a failure is retried at the next login or sync). */
export async function storeEscrow(user: DeviceUser, escrow: string, token: string, options: AuthOptions = {}) {
  const response = await fetcher(options)(`${options.baseUrl ?? ''}/api/devices/escrow`, {
    method: 'PUT',
    headers: authHeaders(token),
    body: JSON.stringify({ deviceId: user.deviceId, escrow }),
  });
  if (response.ok) await saveDeviceUser({ ...user, escrowStored: true });
  return response.ok;
}

async function fetchEscrow(user: DeviceUser, token: string, options: AuthOptions): Promise<string | null> {
  const response = await fetcher(options)(
    `${options.baseUrl ?? ''}/api/devices/escrow?deviceId=${encodeURIComponent(user.deviceId)}`,
    { headers: authHeaders(token) },
  );
  if (!response.ok) return null;
  const body = (await response.json().catch(() => null)) as { escrow?: unknown } | null;
  return typeof body?.escrow === 'string' ? body.escrow : null;
}

/** Opens (or creates) the user's store with her key and writes this login's session into it. */
async function openUserStore(user: DeviceUser, key: CryptoKey, session: { token: string; user: User }) {
  const store = await LocalStore.open(user.userId, key);
  const meta: [string, unknown][] = [
    [DEVICE_KEY, { deviceId: user.deviceId, userName: session.user.displayName }],
    [SESSION, { token: session.token, user: session.user, loginRequired: false }],
  ];
  await store.transact((tx) => {
    for (const [k, v] of meta) tx.setMeta(k, v);
  });
  return { store, meta };
}

export async function login(username: string, password: string, options: AuthOptions = {}): Promise<LoginOutcome> {
  const known = await deviceUserByName(username);
  // The plain store of an earlier version keeps its device id: the server knows the device by it.
  const legacy = known ? null : await readLegacy();
  const legacyDevice =
    legacy?.sessionUser &&
    legacy.sessionUser.username.toLocaleLowerCase('da') === username.trim().toLocaleLowerCase('da')
      ? legacy.deviceId
      : null;
  const deviceId = known?.deviceId ?? legacyDevice ?? crypto.randomUUID();
  let response: Awaited<
    ReturnType<typeof api<{ token: string; user: User; mustChangePassword?: boolean | undefined }>>
  >;
  try {
    response = await api(
      options,
      '/api/auth/login',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password, deviceId }),
      },
      loginResponseSchema,
    );
  } catch (error) {
    const e = error instanceof SyncHttpError ? error : null;
    if (!e || e.kind === 'network') return { ok: false, reason: 'offline' };
    if (e.code === 'account_disabled') return { ok: false, reason: 'disabled' };
    if (e.code === 'device_revoked') {
      // A revoked tablet: this user's store and key leave it (the admin sees what was lost).
      if (known) await wipeUser(known.userId);
      return { ok: false, reason: 'revoked' };
    }
    if (e.status === 401) return { ok: false, reason: 'invalid' };
    if (e.status === 429) return { ok: false, reason: 'rate-limited' };
    return { ok: false, reason: 'error' };
  }
  const session = { token: response.token, user: response.user };
  let entry = known?.userId === response.user.id ? known : await deviceUser(response.user.id);
  let key: CryptoKey | null = null;
  let escrowToSend: string | null = null;
  if (entry) {
    key = await unlockWithPassword(entry, password);
    if (!key) {
      // The password changed since this tablet last saw it: the server's escrow copy opens the key.
      const escrow = await fetchEscrow(entry, response.token, options);
      if (!escrow) return { ok: false, reason: 'no-key' };
      const rewrapped = await rewrapFromEscrow(entry, escrow, password, options.kdf);
      key = rewrapped.key;
      entry = rewrapped.user;
    }
    entry = { ...entry, username: response.user.username, displayName: response.user.displayName, failedUnlocks: 0 };
  } else {
    const keys = await newUserKeys(password, options.kdf);
    key = keys.key;
    escrowToSend = keys.escrow;
    entry = {
      userId: response.user.id,
      username: response.user.username,
      displayName: response.user.displayName,
      deviceId,
      kdf: keys.kdf,
      wrappedKey: keys.wrappedKey,
      escrowSecret: keys.escrowSecret,
      escrowStored: false,
      failedUnlocks: 0,
      addedAt: new Date().toISOString(),
    };
  }
  await saveDeviceUser(entry);
  const escrowStored = escrowToSend
    ? await storeEscrow(entry, escrowToSend, response.token, options).catch(() => false)
    : true;
  const { store, meta } = await openUserStore(entry, key, session);
  if (!escrowStored) await store.transact((tx) => tx.setMeta(PENDING_ESCROW, escrowToSend));
  const moved = await migrateLegacy(store, meta);
  setCurrentStore(store);
  return { ok: true, user: response.user, mustChangePassword: response.mustChangePassword === true, legacy: moved };
}

export type UnlockOutcome = 'ok' | 'wrong' | 'online-required' | 'unknown-user';

/** Opens a known user's store offline with her password. */
export async function unlock(userId: string, password: string): Promise<UnlockOutcome> {
  const entry = await deviceUser(userId);
  if (!entry) return 'unknown-user';
  if (entry.failedUnlocks >= MAX_OFFLINE_ATTEMPTS) return 'online-required';
  const keyStart = performance.now();
  const key = await unlockWithPassword(entry, password);
  // Named timings for the startup benchmark (scripts/bench/startup.ts): the KDF, then the decryption.
  performance.measure('unlock:key', { start: keyStart });
  if (!key) {
    const failed = entry.failedUnlocks + 1;
    await saveDeviceUser({ ...entry, failedUnlocks: failed });
    return failed >= MAX_OFFLINE_ATTEMPTS ? 'online-required' : 'wrong';
  }
  if (entry.failedUnlocks > 0) await saveDeviceUser({ ...entry, failedUnlocks: 0 });
  const openStart = performance.now();
  const store = await LocalStore.open(userId, key);
  performance.measure('unlock:open', { start: openStart });
  setCurrentStore(store);
  return 'ok';
}

/** The lock screen opens on the login of another user ("Skift bruger") when this is set. */
export const SWITCH_USER = 'tusind-dage.switch-user';

/**
 * Locks the app: the decrypted store leaves memory; unsynced work stays, encrypted. With
 * `switchUser` the lock screen opens on another nurse's login (a shared tablet).
 */
export function lock(options: { switchUser?: boolean } = {}): void {
  if (options.switchUser) globalThis.sessionStorage?.setItem(SWITCH_USER, '1');
  setCurrentStore(null);
}

export type LogoutOutcome = 'logged-out' | 'unsynced';

/** Logs out and wipes this user's store and key from the tablet — only when nothing is unsynced. */
export async function logout(options: AuthOptions = {}): Promise<LogoutOutcome> {
  if (!hasCurrentStore()) return 'logged-out';
  const store = currentStore();
  if ((await unsyncedCount(store)) > 0) return 'unsynced';
  const session = await getSession(store);
  if (session && !session.loginRequired) {
    // Best effort: offline, the token simply expires on the server.
    await fetcher(options)(`${options.baseUrl ?? ''}/api/auth/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.token}` },
    }).catch(() => undefined);
  }
  const userId = store.userId;
  // The tablet forgets her first, so the screen that follows is a login, not her lock screen.
  await removeDeviceUser(userId);
  setCurrentStore(null);
  await deleteStore(userId);
  return 'logged-out';
}

/** Removes a user's store and key from this tablet (a clean logout, a revoked device). */
export async function wipeUser(userId: string): Promise<void> {
  await removeDeviceUser(userId);
  if (hasCurrentStore() && currentStore().userId === userId) setCurrentStore(null);
  await deleteStore(userId);
}

/** After a password change on this tablet: the key is wrapped again for the new password. */
export async function rewrapAfterPasswordChange(userId: string, oldPassword: string, newPassword: string) {
  const entry = await deviceUser(userId);
  if (!entry) return false;
  const next = await rewrapForNewPassword(entry, oldPassword, newPassword);
  if (next) await saveDeviceUser(next);
  return next !== null;
}
