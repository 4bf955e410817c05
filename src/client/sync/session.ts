/**
 * The signed-in user of the unlocked store: her token lives in the store (encrypted), so the app
 * opens and works offline after the first login and an expired token only asks for a new login
 * before the next sync. Logging in and unlocking are in login.ts (loaded with the login screen).
 */
import type { User } from '../../shared/sync/session-schemas.ts';
import type { LocalStore } from '../db/local-store.ts';
import { currentStore, hasCurrentStore } from '../db/store.ts';

export const SESSION = 'session';
export type Session = { token: string; user: User; loginRequired: boolean };

function asSession(value: unknown): Session | null {
  const v = value as Partial<Session> | undefined;
  const user = v?.user as Partial<User> | undefined;
  if (typeof v?.token !== 'string' || typeof user?.id !== 'string' || typeof user.displayName !== 'string') return null;
  return { token: v.token, user: user as User, loginRequired: v.loginRequired === true };
}

/** The session of the unlocked store, or null while the app is locked. */
export async function getSession(store?: LocalStore): Promise<Session | null> {
  return sessionNow(store);
}

/** The same, at once (from memory): a first render that shows the user has its real height. */
export function sessionNow(store?: LocalStore): Session | null {
  if (!store && !hasCurrentStore()) return null;
  return asSession((store ?? currentStore()).state.meta.get(SESSION));
}

/** Called when the server answers 401: keep everything, ask for a login before the next sync. */
export async function markLoginRequired(store: LocalStore = currentStore()): Promise<void> {
  const session = asSession(store.state.meta.get(SESSION));
  if (session && !session.loginRequired)
    await store.transact((tx) => tx.setMeta(SESSION, { ...session, loginRequired: true }));
}

export async function unsyncedCount(store: LocalStore = currentStore()): Promise<number> {
  return store.state.outbox.size;
}
