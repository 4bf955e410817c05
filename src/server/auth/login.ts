/**
 * Login and logout: checks the password (with the same work for unknown usernames, so timing does
 * not reveal which exist), enforces the failed-login limits and issues an opaque token.
 */
import type { Database } from 'better-sqlite3';
import type { User } from '../../shared/sync/protocol.ts';
import { findUserByUsername, insertToken, publicUser, revokeToken } from '../store/accounts.ts';
import type { LoginLimiter } from './login-limiter.ts';
import { verifyAgainstDummy, verifyPassword } from './passwords.ts';
import { hashToken, newToken } from './tokens.ts';

export type LoginOutcome =
  | { ok: true; token: string; user: User }
  | { ok: false; reason: 'invalid_credentials' }
  | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number };

export type LoginDeps = { db: Database; limiter: LoginLimiter; now: () => Date; tokenTtlDays: number };

export async function login(
  deps: LoginDeps,
  credentials: { username: string; password: string },
  address: string,
): Promise<LoginOutcome> {
  const { username, password } = credentials;
  const attemptAt = deps.now().getTime();
  const wait = deps.limiter.retryAfterSeconds(username, address, attemptAt);
  if (wait > 0) return { ok: false, reason: 'rate_limited', retryAfterSeconds: wait };
  deps.limiter.recordFailure(username, address, attemptAt);

  const user = findUserByUsername(deps.db, username);
  const valid = user ? await verifyPassword(password, user.passwordHash) : await verifyAgainstDummy(password);
  if (!user || !valid) return { ok: false, reason: 'invalid_credentials' };
  deps.limiter.succeeded(username, address, attemptAt);
  const token = newToken();
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + deps.tokenTtlDays * 86_400_000);
  insertToken(deps.db, hashToken(token), user.id, now, expiresAt);
  return { ok: true, token, user: publicUser(user) };
}

export function logout(db: Database, token: string, now: Date): void {
  revokeToken(db, hashToken(token), now);
}
