/** Thin adapters for login, logout, "who am I" and change-password (auth/login.ts does the work). */
import type { FastifyInstance } from 'fastify';
import { changePasswordRequestSchema, loginRequestSchema } from '../../shared/sync/session-schemas.ts';
import { requestSession } from '../auth/authenticate.ts';
import { changePassword, login, logout } from '../auth/login.ts';
import { errorBody } from '../http/errors.ts';
import { parseOr400 } from '../http/parse.ts';
import { publicUser } from '../store/accounts.ts';
import type { RouteDeps } from './deps.ts';

const rateLimitMessage = {
  account: (s: number) =>
    `Too many failed logins for this account from this address. Try again in ${s} seconds (other devices are not affected).`,
  address: (s: number) => `Too many failed logins from this address. Try again in ${s} seconds.`,
};

/** POST /api/auth/login (public). */
export function loginRoute(app: FastifyInstance, deps: RouteDeps): void {
  app.post('/api/auth/login', async (request, reply) => {
    const credentials = parseOr400(loginRequestSchema, request.body, 'login request');
    const outcome = await login(
      {
        db: deps.store.db,
        limiter: deps.limiter,
        now: deps.now,
        tokenTtlDays: deps.config.tokenTtlDays,
        ...(deps.kdf ? { kdf: deps.kdf } : {}),
      },
      credentials,
      request.ip,
    );
    if (outcome.ok)
      return {
        token: outcome.token,
        user: outcome.user,
        mustChangePassword: outcome.mustChangePassword,
        // The server's device rules, so a tablet knows when it counts as stale while offline.
        device: { staleAfterDays: deps.config.deviceStaleDays, tokenIdleHours: deps.config.tokenIdleHours },
      };
    if (outcome.reason === 'rate_limited') {
      reply.header('retry-after', String(outcome.retryAfterSeconds));
      return reply.code(429).send(
        errorBody('rate_limited', rateLimitMessage[outcome.scope](outcome.retryAfterSeconds), {
          scope: outcome.scope,
          retryAfterSeconds: outcome.retryAfterSeconds,
        }),
      );
    }
    return reply.code(401).send(errorBody('invalid_credentials', 'Wrong username or password.'));
  });
}

/** Logout, me and change-password (behind the token check). */
export function sessionRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.post('/api/auth/logout', async (request, reply) => {
    const session = requestSession(request);
    logout(deps.store.db, session.user, session.tokenHash, deps.now());
    return reply.code(204).send();
  });

  app.get('/api/auth/me', async (request) => {
    const { user } = requestSession(request);
    return { ...publicUser(user), mustChangePassword: user.mustChangePassword };
  });

  app.post('/api/auth/change-password', async (request, reply) => {
    const input = parseOr400(changePasswordRequestSchema, request.body, 'change-password request');
    const session = requestSession(request);
    await changePassword(
      { db: deps.store.db, now: deps.now, ...(deps.kdf ? { kdf: deps.kdf } : {}) },
      session.user,
      session.tokenHash,
      input,
    );
    return reply.code(204).send();
  });
}
