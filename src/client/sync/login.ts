/**
 * Opening a user's store on this device (docs/decisions/0013):
 * - online login: the server checks the password; a new user on this tablet gets a data key, wrapped
 *   by her password and by an escrow secret whose wrapped copy the server keeps; a known user whose
 *   password the device does not know (reset, or changed elsewhere) gets her key back from the escrow
 *   copy. The plain store of an earlier version moves into the store of the user it belongs to.
 * - offline unlock: the password opens the wrapped key; after too many wrong ones in a row (the
 *   team's setting), only an online login opens the store.
 * - PIN (decision 0060): after opening with the password, a nurse without a PIN chooses one; it
 *   wraps the same data key (lighter Argon2id). The PIN opens the lock screen offline; 5 wrong PINs
 *   in a row drop the PIN's wrap (the password is needed), and so does a tablet that has not synced
 *   for the server's DEVICE_STALE_DAYS.
 * - lock: forms flush their drafts, the decrypted store leaves memory; unsynced work stays, encrypted.
 * - logout: refused while changes are unsynced (the store can be locked instead); a clean logout
 *   wipes this user's store and key from the tablet.
 */
import { defaultLockSettings, type LockSettings, MAX_PIN_ATTEMPTS } from '../../shared/auth/lock-defaults.ts';
import { pinProblem } from '../../shared/auth/pin-rules.ts';
import { type LoginResponse, loginResponseCheck } from '../../shared/sync/session-checks.ts';
import type { User } from '../../shared/sync/session-schemas.ts';
import { type DeviceUser, deviceUser, deviceUserByName, removeDeviceUser, saveDeviceUser } from '../db/device-users.ts';
import type { KdfParams } from '../db/kdf.ts';
import {
  newUserKeys,
  rewrapForNewPassword,
  rewrapFromEscrow,
  unlockWithPassword,
  unlockWithPin,
  wrapForPin,
} from '../db/keys.ts';
import { legacyUpgrade } from '../db/legacy-probe.ts';
import { deleteStore, LocalStore } from '../db/local-store.ts';
import { DEVICE_KEY } from '../db/meta.ts';
import { currentStore, flushBeforeLock, hasCurrentStore, setCurrentStore } from '../db/store.ts';
import { requestJson, SyncHttpError } from './http.ts';
import { noteUnlocked, useLockState } from './lock-state.ts';
import { getSession, SESSION, unsyncedCount } from './session.ts';

/** The escrow copy the server has not confirmed yet (kept in the encrypted store, sent after a sync). */
export const PENDING_ESCROW = 'pendingEscrow';

/** Wrong passwords in a row that an offline unlock allows by default (the team's setting decides). */
export const MAX_OFFLINE_ATTEMPTS = defaultLockSettings.maxPasswordAttempts;

const maxPasswordAttempts = (entry: DeviceUser) => entry.policy?.maxPasswordAttempts ?? MAX_OFFLINE_ATTEMPTS;

const DAY_MS = 86_400_000;

/** Not synced for the server's DEVICE_STALE_DAYS: the PIN no longer opens this user's store. */
export function isStale(entry: DeviceUser, now = Date.now()): boolean {
  if (!entry.staleAfterDays) return false;
  const since = Date.parse(entry.lastSyncAt ?? entry.addedAt);
  return Number.isFinite(since) && now - since > entry.staleAfterDays * DAY_MS;
}

/** Whether the lock screen offers this user the PIN (else the password). */
export const pinUsable = (entry: DeviceUser, now = Date.now()) =>
  entry.pin !== undefined && (entry.failedPins ?? 0) < MAX_PIN_ATTEMPTS && !isStale(entry, now);

/**
 * The one extractable copy of a data key, held only while its user chooses a PIN (she has just
 * given her password); dropped when she has chosen, or when the app locks.
 */
let pinToChoose: { userId: string; key: CryptoKey } | null = null;

function offerPin(entry: DeviceUser, extractable: CryptoKey | null) {
  pinToChoose = extractable && !entry.pin && !isStale(entry) ? { userId: entry.userId, key: extractable } : null;
  useLockState.setState({ choosingPin: pinToChoose !== null });
}

export type ChoosePinOutcome = 'ok' | 'format' | 'obvious' | 'mismatch' | 'locked';

/** Sets the PIN of the unlocked user (after she gave her password): it wraps her data key. */
export async function choosePin(pin: string, repeated: string): Promise<ChoosePinOutcome> {
  const problem = pinProblem(pin);
  if (problem) return problem;
  if (pin !== repeated) return 'mismatch';
  const pending = pinToChoose;
  if (!pending || !hasCurrentStore() || currentStore().userId !== pending.userId) return 'locked';
  const entry = await deviceUser(pending.userId);
  if (!entry) return 'locked';
  const wrap = await wrapForPin(pending.key, pin);
  await saveDeviceUser({ ...entry, pin: wrap, failedPins: 0 });
  pinToChoose = null;
  useLockState.setState({ choosingPin: false });
  noteUnlocked();
  return 'ok';
}

/** Marks the store open on this tablet (written before it opens, cleared at lock: see wipeByAge). */
async function markOpen(entry: DeviceUser): Promise<DeviceUser> {
  const next = { ...entry, openSince: new Date().toISOString() };
  await saveDeviceUser(next);
  return next;
}

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
  const upgrade = await legacyUpgrade();
  const legacy = known || !upgrade ? null : await upgrade.readLegacy();
  const legacyDevice =
    legacy?.sessionUser &&
    legacy.sessionUser.username.toLocaleLowerCase('da') === username.trim().toLocaleLowerCase('da')
      ? legacy.deviceId
      : null;
  const deviceId = known?.deviceId ?? legacyDevice ?? crypto.randomUUID();
  let response: LoginResponse;
  try {
    response = await api(
      options,
      '/api/auth/login',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password, deviceId }),
      },
      loginResponseCheck,
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
  let extractable: CryptoKey | null = null;
  let escrowToSend: string | null = null;
  if (entry) {
    const opened = await unlockWithPassword(entry, password, { extractable: !entry.pin });
    key = opened?.key ?? null;
    extractable = opened?.extractable ?? null;
    if (!key) {
      // The password changed since this tablet last saw it: the server's escrow copy opens the key.
      const escrow = await fetchEscrow(entry, response.token, options);
      if (!escrow) return { ok: false, reason: 'no-key' };
      const rewrapped = await rewrapFromEscrow(entry, escrow, password, options.kdf);
      key = rewrapped.key;
      extractable = rewrapped.extractable;
      entry = rewrapped.user;
    }
    entry = { ...entry, username: response.user.username, displayName: response.user.displayName, failedUnlocks: 0 };
  } else {
    const keys = await newUserKeys(password, options.kdf);
    key = keys.key;
    extractable = keys.extractable;
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
  if (response.device) entry = { ...entry, staleAfterDays: response.device.staleAfterDays };
  // An online login is contact with the server: the tablet is not stale for her any more.
  entry = { ...entry, lastSyncAt: entry.lastSyncAt && !isStale(entry) ? entry.lastSyncAt : new Date().toISOString() };
  entry = await markOpen(entry);
  const escrowStored = escrowToSend
    ? await storeEscrow(entry, escrowToSend, response.token, options).catch(() => false)
    : true;
  const { store, meta } = await openUserStore(entry, key, session);
  if (!escrowStored) await store.transact((tx) => tx.setMeta(PENDING_ESCROW, escrowToSend));
  const moved = upgrade ? await upgrade.migrateLegacy(store, meta) : 'none';
  setCurrentStore(store);
  noteUnlocked();
  offerPin(entry, extractable);
  return { ok: true, user: response.user, mustChangePassword: response.mustChangePassword === true, legacy: moved };
}

export type UnlockOutcome = 'ok' | 'wrong' | 'online-required' | 'unknown-user';

/** Opens a known user's store offline with her password. */
export async function unlock(userId: string, password: string): Promise<UnlockOutcome> {
  const entry = await deviceUser(userId);
  if (!entry) return 'unknown-user';
  const max = maxPasswordAttempts(entry);
  if (entry.failedUnlocks >= max) return 'online-required';
  const keyStart = performance.now();
  // The sealed log is read while the KDF runs (ciphertext only; let go of if the password is wrong).
  const prefetched = LocalStore.prefetch(userId);
  const opened = await unlockWithPassword(entry, password, { extractable: !entry.pin });
  // Named timings for the startup benchmark (scripts/bench/startup.ts): the KDF, then the decryption.
  performance.measure('unlock:key', { start: keyStart });
  if (!opened) {
    void prefetched.then(
      (p) => p.close(),
      () => undefined,
    );
    const failed = entry.failedUnlocks + 1;
    await saveDeviceUser({ ...entry, failedUnlocks: failed });
    return failed >= max ? 'online-required' : 'wrong';
  }
  // The password also gives the PIN its tries back.
  const next = await markOpen({ ...entry, failedUnlocks: 0, failedPins: 0 });
  const openStart = performance.now();
  const store = await LocalStore.open(userId, opened.key, {}, await prefetched.catch(() => undefined));
  performance.measure('unlock:open', { start: openStart });
  setCurrentStore(store);
  noteUnlocked();
  offerPin(next, opened.extractable);
  return 'ok';
}

export type PinOutcome =
  | { outcome: 'ok' }
  | { outcome: 'wrong'; left: number }
  /** No PIN (any more): too many wrong ones, none chosen, or the tablet is stale. */
  | { outcome: 'password-required'; reason: 'attempts' | 'none' | 'stale' }
  | { outcome: 'unknown-user' };

/**
 * Checks a PIN against the user's PIN wrap (the KDF and the unwrap are the only test). A wrong one
 * counts; at MAX_PIN_ATTEMPTS the wrap is deleted, so only the password opens the store.
 */
async function tryPin(userId: string, pin: string): Promise<{ result: PinOutcome; key?: CryptoKey }> {
  const entry = await deviceUser(userId);
  if (!entry) return { result: { outcome: 'unknown-user' } };
  if (!entry.pin) return { result: { outcome: 'password-required', reason: 'none' } };
  if (isStale(entry)) {
    await saveDeviceUser({ ...entry, pin: undefined, failedPins: 0 });
    return { result: { outcome: 'password-required', reason: 'stale' } };
  }
  const keyStart = performance.now();
  const key = /^\d{6}$/.test(pin) ? await unlockWithPin(entry.pin, pin) : null;
  performance.measure('unlock:key', { start: keyStart });
  if (!key) {
    const failed = (entry.failedPins ?? 0) + 1;
    if (failed >= MAX_PIN_ATTEMPTS) {
      await saveDeviceUser({ ...entry, pin: undefined, failedPins: 0 });
      return { result: { outcome: 'password-required', reason: 'attempts' } };
    }
    await saveDeviceUser({ ...entry, failedPins: failed });
    return { result: { outcome: 'wrong', left: MAX_PIN_ATTEMPTS - failed } };
  }
  if (entry.failedPins) await saveDeviceUser({ ...entry, failedPins: 0 });
  return { result: { outcome: 'ok' }, key };
}

/** Opens a known user's store offline with her PIN. */
export async function unlockPin(userId: string, pin: string): Promise<PinOutcome> {
  // The sealed log is read while the KDF runs (ciphertext only; let go of if the PIN is wrong).
  const prefetched = LocalStore.prefetch(userId);
  const { result, key } = await tryPin(userId, pin);
  if (!key) {
    void prefetched.then(
      (p) => p.close(),
      () => undefined,
    );
    return result;
  }
  const entry = await deviceUser(userId);
  if (entry) await markOpen(entry);
  const openStart = performance.now();
  const store = await LocalStore.open(userId, key, {}, await prefetched.catch(() => undefined));
  performance.measure('unlock:open', { start: openStart });
  setCurrentStore(store);
  noteUnlocked();
  return result;
}

/**
 * A signature's PIN (the last unlock was too long ago). The same count as on the lock screen: at
 * the fifth wrong PIN the wrap is gone and the app locks, so only the password opens it.
 */
export async function confirmWithPin(pin: string): Promise<PinOutcome> {
  if (!hasCurrentStore()) return { outcome: 'unknown-user' };
  const { result } = await tryPin(currentStore().userId, pin);
  if (result.outcome === 'ok') noteUnlocked();
  if (result.outcome === 'password-required' && result.reason === 'attempts') await lock();
  return result;
}

/** A signature's password, for a nurse without a usable PIN (counted like the lock screen's). */
export async function confirmWithPassword(password: string): Promise<UnlockOutcome> {
  if (!hasCurrentStore()) return 'unknown-user';
  const entry = await deviceUser(currentStore().userId);
  if (!entry) return 'unknown-user';
  const max = maxPasswordAttempts(entry);
  const opened = await unlockWithPassword(entry, password);
  if (!opened) {
    const failed = entry.failedUnlocks + 1;
    await saveDeviceUser({ ...entry, failedUnlocks: failed });
    if (failed >= max) await lock();
    return failed >= max ? 'online-required' : 'wrong';
  }
  if (entry.failedUnlocks > 0) await saveDeviceUser({ ...entry, failedUnlocks: 0 });
  noteUnlocked();
  return 'ok';
}

/** Keeps the team's lock settings next to the user, for the lock screen (called while unlocked). */
export async function rememberLockSettings(userId: string, policy: LockSettings): Promise<void> {
  const entry = await deviceUser(userId);
  if (entry && JSON.stringify(entry.policy) !== JSON.stringify(policy)) await saveDeviceUser({ ...entry, policy });
}

/** After a successful sync: the tablet is in contact (not stale) and how much it still holds unsynced. */
export async function rememberSync(userId: string, unsyncedCount: number, at = new Date()): Promise<void> {
  const entry = await deviceUser(userId);
  if (entry) await saveDeviceUser({ ...entry, lastSyncAt: at.toISOString(), unsyncedCount });
}

/**
 * Wipe by age (off unless the team sets `wipeAfterDays`): a user not synced for that long leaves
 * the tablet, but only when she certainly has nothing unsynced: her store was locked (not left open
 * by a crash or a closed tab) with an empty outbox. Returns the users removed.
 */
export async function wipeByAge(users: DeviceUser[], now = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  for (const u of users) {
    const days = u.policy?.wipeAfterDays ?? 0;
    const since = Date.parse(u.lastSyncAt ?? u.addedAt);
    if (days <= 0 || !Number.isFinite(since) || now - since <= days * DAY_MS) continue;
    if (u.openSince !== undefined || u.unsyncedCount !== 0) continue;
    if (hasCurrentStore() && currentStore().userId === u.userId) continue;
    await wipeUser(u.userId);
    removed.push(u.userId);
  }
  return removed;
}

/** Set when a revoked tablet wiped a user: the next screen tells her why her data is gone. */
export const REVOKED_NOTICE = 'tusind-dage.revoked';

/** The lock screen opens on the login of another user ("Skift bruger") when this is set. */
export const SWITCH_USER = 'tusind-dage.switch-user';

/**
 * Locks the app: open forms write their drafts, then the decrypted store leaves memory (and the
 * extractable key a PIN choice held); unsynced work stays, encrypted. With `switchUser` the lock
 * screen opens on another nurse's login (a shared tablet).
 */
export async function lock(options: { switchUser?: boolean } = {}): Promise<void> {
  if (options.switchUser) globalThis.sessionStorage?.setItem(SWITCH_USER, '1');
  if (!hasCurrentStore()) return;
  await flushBeforeLock();
  if (!hasCurrentStore()) return;
  const store = currentStore();
  const unsynced = store.state.outbox.size;
  pinToChoose = null;
  // A signature waiting for her PIN is not given (its form is gone with the lock).
  useLockState.getState().signature?.resolve(false);
  useLockState.setState({ choosingPin: false, lastUnlockAt: 0 });
  setCurrentStore(null);
  // Closed cleanly: what wipe-by-age may rely on (an open store might hold writes not counted here).
  const entry = await deviceUser(store.userId).catch(() => undefined);
  if (entry) await saveDeviceUser({ ...entry, openSince: undefined, unsyncedCount: unsynced }).catch(() => undefined);
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
  pinToChoose = null;
  useLockState.setState({ choosingPin: false, lastUnlockAt: 0 });
  setCurrentStore(null);
  await deleteStore(userId);
  return 'logged-out';
}

/** Removes a user's store and key from this tablet (a clean logout, a revoked device). */
export async function wipeUser(userId: string, options: { revoked?: boolean } = {}): Promise<void> {
  if (options.revoked) globalThis.sessionStorage?.setItem(REVOKED_NOTICE, '1');
  await removeDeviceUser(userId);
  if (hasCurrentStore() && currentStore().userId === userId) {
    pinToChoose = null;
    useLockState.setState({ choosingPin: false, lastUnlockAt: 0 });
    setCurrentStore(null);
  }
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
