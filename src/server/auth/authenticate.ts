/**
 * The bearer-token check for protected routes: an onRequest hook that resolves the token to its
 * user (not expired, not revoked) or answers 401 `unauthorized`. The team of every later query comes
 * from this user, never from a payload (sync guarantee 9).
 */
import type { Database } from 'better-sqlite3';
import type { FastifyRequest } from 'fastify';
import { HttpError } from '../http/errors.ts';
import { type UserRow, userForToken } from '../store/accounts.ts';
import { bearerToken, hashToken } from './tokens.ts';

const users = new WeakMap<FastifyRequest, { user: UserRow; token: string }>();

export function authenticateHook(db: Database, now: () => Date) {
  return async (request: FastifyRequest): Promise<void> => {
    const token = bearerToken(request.headers.authorization);
    const user = token ? userForToken(db, hashToken(token), now()) : undefined;
    if (!token || !user) {
      throw new HttpError('unauthorized', 'Missing, expired or revoked token: log in again.');
    }
    users.set(request, { user, token });
  };
}

/** The authenticated user of a request that passed `authenticateHook`. */
export function requestUser(request: FastifyRequest): UserRow {
  const entry = users.get(request);
  if (!entry) throw new Error('requestUser called on a route without authenticateHook');
  return entry.user;
}

export function requestToken(request: FastifyRequest): string {
  const entry = users.get(request);
  if (!entry) throw new Error('requestToken called on a route without authenticateHook');
  return entry.token;
}
