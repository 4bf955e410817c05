/**
 * The bearer-token check for protected routes: an onRequest hook that resolves the token to its
 * session or refuses with a code the app can act on:
 *
 * - 401 `unauthorized`: missing, unknown, revoked, past its absolute expiry, or idle too long
 *   (TOKEN_IDLE_HOURS without use): log in again, local work is kept;
 * - 401 `device_revoked`: the token's device was revoked: the app wipes its local store;
 * - 401 `account_disabled`: the user was disabled by an admin;
 * - 403 `password_change_required`: the password was reset; only "me", logout and
 *   change-password work until it is changed.
 *
 * The team of every later query comes from this user, never from a payload (sync guarantee 9).
 */
import type { Database } from 'better-sqlite3';
import type { FastifyRequest } from 'fastify';
import { HttpError, isStorageError } from '../http/errors.ts';
import { findSession, touchToken, type UserRow } from '../store/accounts.ts';
import { bearerToken, hashToken } from './tokens.ts';

export type RequestSession = { user: UserRow; token: string; tokenHash: string; deviceId: string | null };

const sessions = new WeakMap<FastifyRequest, RequestSession>();

/** Routes a user with a reset password may still call. */
const allowedBeforePasswordChange = new Set([
  'GET /api/auth/me',
  'POST /api/auth/logout',
  'POST /api/auth/change-password',
  // The tablet's key: after a reset the device needs its escrow copy to open the nurse's store.
  'GET /api/devices/escrow',
  'PUT /api/devices/escrow',
]);

/** last_used_at is written at most this often (a write per request would cost an fsync each). */
const TOUCH_EVERY_MS = 60_000;

export function authenticateHook(db: Database, now: () => Date, settings: { tokenIdleHours: number }) {
  return async (request: FastifyRequest): Promise<void> => {
    const token = bearerToken(request.headers.authorization);
    const session = token ? findSession(db, hashToken(token)) : undefined;
    const at = now();
    const idleLimit = session ? Date.parse(session.lastUsedAt) + settings.tokenIdleHours * 3_600_000 : 0;
    if (!token || !session || session.revokedAt !== null || Date.parse(session.expiresAt) <= at.getTime()) {
      throw new HttpError('unauthorized', 'Missing, expired or revoked token: log in again.');
    }
    if (idleLimit <= at.getTime()) {
      throw new HttpError('unauthorized', 'The login expired after a period without use: log in again.', {
        reason: 'idle',
      });
    }
    if (session.deviceRevokedAt !== null) {
      throw new HttpError('device_revoked', 'This device was revoked by an administrator.');
    }
    if (session.user.disabledAt !== null) {
      throw new HttpError('account_disabled', 'This account is disabled. Contact your leader or administrator.');
    }
    const route = `${request.method} ${request.routeOptions.url ?? ''}`;
    if (session.user.mustChangePassword && !allowedBeforePasswordChange.has(route)) {
      throw new HttpError('password_change_required', 'Change your password first (POST /api/auth/change-password).');
    }
    if (at.getTime() - Date.parse(session.lastUsedAt) > TOUCH_EVERY_MS) {
      try {
        touchToken(db, session.tokenHash, at);
      } catch (error) {
        // A read-only store must not turn every read into an error here; writes fail on their own.
        if (!isStorageError(error)) throw error;
      }
    }
    sessions.set(request, { user: session.user, token, tokenHash: session.tokenHash, deviceId: session.deviceId });
  };
}

export function requestSession(request: FastifyRequest): RequestSession {
  const entry = sessions.get(request);
  if (!entry) throw new Error('requestSession called on a route without authenticateHook');
  return entry;
}

/** The authenticated user of a request that passed `authenticateHook`. */
export function requestUser(request: FastifyRequest): UserRow {
  return requestSession(request).user;
}

export function requestToken(request: FastifyRequest): string {
  return requestSession(request).token;
}
