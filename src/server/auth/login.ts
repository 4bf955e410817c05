/**
 * Login, logout and changing one's password. Login checks the password (with the same work for
 * unknown usernames, so timing does not reveal which exist), enforces the failed-login limits,
 * replaces a hash below the current KDF parameters, registers the device when the body names one
 * and issues an opaque token bound to it. Every attempt is an audit event (never the password).
 */
import type { Database } from 'better-sqlite3';
import type { User } from '../../shared/sync/protocol.ts';
import { HttpError } from '../http/errors.ts';
import {
  findUserByUsername,
  insertToken,
  publicUser,
  recordLogin,
  revokeToken,
  revokeUserTokens,
  setPassword,
  type UserRow,
} from '../store/accounts.ts';
import { recordAudit } from '../store/audit.ts';
import { ensureDevice } from './device-binding.ts';
import type { LimitScope, LoginLimiter } from './login-limiter.ts';
import { checkPassword } from './password-policy.ts';
import { hashPassword, type KdfParams, needsRehash, verifyAgainstDummy, verifyPassword } from './passwords.ts';
import { hashToken, newToken } from './tokens.ts';

export type LoginOutcome =
  | { ok: true; token: string; user: User; mustChangePassword: boolean }
  | { ok: false; reason: 'invalid_credentials' }
  | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number; scope: LimitScope };

export type LoginDeps = {
  db: Database;
  limiter: LoginLimiter;
  now: () => Date;
  tokenTtlDays: number;
  kdf?: KdfParams;
};

export async function login(
  deps: LoginDeps,
  credentials: { username: string; password: string; deviceId?: string | undefined },
  address: string,
): Promise<LoginOutcome> {
  const { username, password } = credentials;
  const attemptAt = deps.now().getTime();
  const verdict = deps.limiter.check(username, address, attemptAt);
  if (verdict.scope !== null) {
    return { ok: false, reason: 'rate_limited', retryAfterSeconds: verdict.retryAfterSeconds, scope: verdict.scope };
  }
  deps.limiter.recordFailure(username, address, attemptAt);

  const user = findUserByUsername(deps.db, username);
  const valid = user ? await verifyPassword(password, user.passwordHash) : await verifyAgainstDummy(password);
  const now = deps.now();
  if (!user || !valid) {
    recordAudit(deps.db, {
      action: 'auth.login_failed',
      at: now,
      teamId: user?.teamId ?? null,
      actorUserId: user?.id ?? null,
      actorUsername: username.trim().slice(0, 100),
      address,
      ...(credentials.deviceId ? { deviceId: credentials.deviceId } : {}),
    });
    return { ok: false, reason: 'invalid_credentials' };
  }
  deps.limiter.succeeded(username, address, attemptAt);
  const refuse = (code: 'account_disabled' | 'device_revoked' | 'device_mismatch', error: HttpError) => {
    recordAudit(deps.db, {
      action: 'auth.login_refused',
      at: now,
      teamId: user.teamId,
      actorUserId: user.id,
      actorUsername: user.username,
      address,
      details: { reason: code },
      ...(credentials.deviceId ? { deviceId: credentials.deviceId } : {}),
    });
    return error;
  };
  if (user.disabledAt !== null) {
    throw refuse(
      'account_disabled',
      new HttpError('account_disabled', 'This account is disabled. Contact your leader or administrator.'),
    );
  }
  // Hash before the transaction: the KDF is async and better-sqlite3 transactions are synchronous.
  const rehashed = needsRehash(user.passwordHash, deps.kdf) ? await hashPassword(password, deps.kdf) : null;
  const token = newToken();
  const expiresAt = new Date(now.getTime() + deps.tokenTtlDays * 86_400_000);
  try {
    deps.db.transaction(() => {
      const deviceId = credentials.deviceId ?? null;
      if (deviceId !== null) ensureDevice(deps.db, user, deviceId, now, { session: hashToken(token), address });
      if (rehashed) setPassword(deps.db, user.id, rehashed, user.mustChangePassword);
      insertToken(deps.db, { hash: hashToken(token), userId: user.id, deviceId, now, expiresAt });
      recordLogin(deps.db, user.id, now);
      recordAudit(deps.db, {
        action: 'auth.login',
        at: now,
        teamId: user.teamId,
        actorUserId: user.id,
        actorUsername: user.username,
        deviceId,
        session: hashToken(token),
        address,
        ...(rehashed ? { details: { rehashed: true } } : {}),
      });
    })();
  } catch (error) {
    if (error instanceof HttpError && (error.code === 'device_revoked' || error.code === 'device_mismatch')) {
      throw refuse(error.code, error);
    }
    throw error;
  }
  return { ok: true, token, user: publicUser(user), mustChangePassword: user.mustChangePassword };
}

export function logout(db: Database, user: UserRow, tokenHash: string, now: Date): void {
  db.transaction(() => {
    revokeToken(db, tokenHash, now);
    recordAudit(db, {
      action: 'auth.logout',
      at: now,
      teamId: user.teamId,
      actorUserId: user.id,
      actorUsername: user.username,
      session: tokenHash,
    });
  })();
}

/**
 * The user changes their own password (also the one an admin reset): the current password is
 * checked, the new one must pass the policy and differ; other sessions are revoked.
 */
export async function changePassword(
  deps: { db: Database; now: () => Date; kdf?: KdfParams },
  user: UserRow,
  tokenHash: string,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new HttpError('invalid_credentials', 'The current password is wrong.', undefined, 400);
  }
  if (input.newPassword === input.currentPassword) {
    throw new HttpError('weak_password', 'The new password must differ from the current one.', { reason: 'same' });
  }
  const problem = checkPassword(input.newPassword, { username: user.username, displayName: user.displayName });
  if (problem) throw new HttpError('weak_password', problem.message, { reason: problem.reason });
  const hash = await hashPassword(input.newPassword, deps.kdf);
  const now = deps.now();
  deps.db.transaction(() => {
    setPassword(deps.db, user.id, hash, false);
    revokeUserTokens(deps.db, user.id, now, tokenHash);
    recordAudit(deps.db, {
      action: 'auth.password_changed',
      at: now,
      teamId: user.teamId,
      actorUserId: user.id,
      actorUsername: user.username,
      session: tokenHash,
    });
  })();
}
