/** Thin adapters for login, logout and "who am I" (auth/login.ts does the work). */
import type { FastifyInstance } from 'fastify';
import { loginRequestSchema } from '../../shared/sync/protocol.ts';
import { requestToken, requestUser } from '../auth/authenticate.ts';
import { login, logout } from '../auth/login.ts';
import { errorBody } from '../http/errors.ts';
import { parseOr400 } from '../http/parse.ts';
import { publicUser } from '../store/accounts.ts';
import type { RouteDeps } from './deps.ts';

/** POST /api/auth/login (public). */
export function loginRoute(app: FastifyInstance, deps: RouteDeps): void {
  app.post('/api/auth/login', async (request, reply) => {
    const credentials = parseOr400(loginRequestSchema, request.body, 'login request');
    const outcome = await login(
      { db: deps.store.db, limiter: deps.limiter, now: deps.now, tokenTtlDays: deps.config.tokenTtlDays },
      credentials,
      request.ip,
    );
    if (outcome.ok) return { token: outcome.token, user: outcome.user };
    if (outcome.reason === 'rate_limited') {
      reply.header('retry-after', String(outcome.retryAfterSeconds));
      return reply
        .code(429)
        .send(errorBody('rate_limited', `Too many failed logins. Try again in ${outcome.retryAfterSeconds} seconds.`));
    }
    return reply.code(401).send(errorBody('invalid_credentials', 'Wrong username or password.'));
  });
}

/** Logout and me (behind the token check). */
export function sessionRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.post('/api/auth/logout', async (request, reply) => {
    logout(deps.store.db, requestToken(request), deps.now());
    return reply.code(204).send();
  });

  app.get('/api/auth/me', async (request) => publicUser(requestUser(request)));
}
