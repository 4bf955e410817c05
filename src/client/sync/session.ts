/**
 * The signed-in user on this device. The token lives in IndexedDB (meta), so the app opens and
 * works offline after the first login; an expired token only asks for a new login before the next
 * sync. Logging out refuses while anything is unsynced (pending or rejected): it never discards
 * work. A completed logout wipes the device's copy of the caseload (health data, GDPR art. 9).
 */
import * as z from 'zod/mini';
import { loginResponseSchema, type User, userSchema } from '../../shared/sync/session-schemas.ts';
import { db as defaultDb, type TusindDageDb } from '../db/db.ts';
import { setUserName } from '../db/meta.ts';
import { requestJson } from './http.ts';

const SESSION = 'session';
const sessionSchema = z.object({ token: z.string(), user: userSchema, loginRequired: z.boolean() });
export type Session = z.infer<typeof sessionSchema>;

export async function getSession(database: TusindDageDb = defaultDb): Promise<Session | null> {
  const entry = await database.meta.get(SESSION);
  const parsed = sessionSchema.safeParse(entry?.value);
  return parsed.success ? parsed.data : null;
}

export type LoginOutcome =
  | { ok: true; user: User }
  | { ok: false; reason: 'invalid' | 'rate-limited' | 'offline' | 'other-user' | 'error'; retryAfter?: number };

export async function login(
  username: string,
  password: string,
  options: { baseUrl?: string; database?: TusindDageDb; fetch?: typeof fetch } = {},
): Promise<LoginOutcome> {
  const database = options.database ?? defaultDb;
  const current = await getSession(database);
  let response: z.infer<typeof loginResponseSchema>;
  try {
    response = await requestJson(
      options.fetch ?? ((input, init) => fetch(input, init)),
      `${options.baseUrl ?? ''}/api/auth/login`,
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) },
      loginResponseSchema,
    );
  } catch (error) {
    const e = error as { kind?: string; status?: number; code?: string };
    if (e.kind === 'network') return { ok: false, reason: 'offline' };
    if (e.status === 401) return { ok: false, reason: 'invalid' };
    if (e.status === 429) return { ok: false, reason: 'rate-limited' };
    return { ok: false, reason: 'error' };
  }
  // Renewing a login must not hand one nurse's unsynced work to another account.
  if (current && current.user.id !== response.user.id) return { ok: false, reason: 'other-user' };
  await database.meta.put({
    key: SESSION,
    value: { token: response.token, user: response.user, loginRequired: false },
  });
  await setUserName(database, response.user.displayName);
  return { ok: true, user: response.user };
}

/** Called when the server answers 401: keep everything, ask for a login before the next sync. */
export async function markLoginRequired(database: TusindDageDb = defaultDb): Promise<void> {
  const session = await getSession(database);
  if (session && !session.loginRequired)
    await database.meta.put({ key: SESSION, value: { ...session, loginRequired: true } });
}

export async function unsyncedCount(database: TusindDageDb = defaultDb): Promise<number> {
  return database.outbox.count();
}

export type LogoutOutcome = 'logged-out' | 'unsynced';

export async function logout(
  options: { baseUrl?: string; database?: TusindDageDb; fetch?: typeof fetch } = {},
): Promise<LogoutOutcome> {
  const database = options.database ?? defaultDb;
  if ((await unsyncedCount(database)) > 0) return 'unsynced';
  const session = await getSession(database);
  if (session && !session.loginRequired) {
    // Best effort: offline, the token simply expires on the server.
    await (options.fetch ?? fetch)(`${options.baseUrl ?? ''}/api/auth/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.token}` },
    }).catch(() => undefined);
  }
  await database.transaction('rw', database.tables, async () => {
    if ((await database.outbox.count()) > 0) throw new Error('unsynced changes appeared during logout');
    await Promise.all(database.tables.map((table) => table.clear()));
  });
  return 'logged-out';
}
