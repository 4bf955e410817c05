/**
 * Builds the HTTP app (Fastify) without listening: tests call `app.inject` or listen on port 0,
 * main.ts listens. Wires security headers, the error shape, the API routes and the built PWA.
 */
import { fileURLToPath } from 'node:url';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { authenticateHook } from './auth/authenticate.ts';
import { LoginLimiter } from './auth/login-limiter.ts';
import type { Config } from './config.ts';
import { clientErrorHandler } from './http/client-error.ts';
import { errorHandler } from './http/errors.ts';
import { registerJsonParser } from './http/json-body.ts';
import { loggerOptions } from './http/logging.ts';
import { helmetOptions } from './http/security.ts';
import { isApiPath, registerStaticFiles } from './http/static-files.ts';
import { loginRoute, sessionRoutes } from './routes/auth.ts';
import type { RouteDeps } from './routes/deps.ts';
import { publicRoutes } from './routes/public.ts';
import { syncRoutes } from './routes/sync.ts';
import type { Store } from './store/db.ts';

export const BODY_LIMIT_BYTES = 5 * 1024 * 1024;

export const defaultDistDir = fileURLToPath(new URL('../../dist', import.meta.url));

export type AppOptions = {
  store: Store;
  config: Pick<Config, 'tokenTtlDays' | 'logLevel'>;
  /** The built client; default <repo>/dist. */
  distDir?: string;
  /** Fastify logger: false in tests; default JSON logs at config.logLevel with credentials redacted. */
  logger?: FastifyServerOptions['logger'];
  /** The clock (tests move it to expire tokens); never decides sync order. */
  now?: () => Date;
  limiter?: LoginLimiter;
};

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? loggerOptions(options.config.logLevel),
    bodyLimit: BODY_LIMIT_BYTES,
    clientErrorHandler,
  });
  const deps: RouteDeps = {
    store: options.store,
    config: options.config,
    limiter: options.limiter ?? new LoginLimiter(),
    now: options.now ?? (() => new Date()),
  };

  app.setErrorHandler(errorHandler);
  registerJsonParser(app);
  // Login answers carry a token and pull answers health data: no cache (browser, proxy, service
  // worker) may keep any API answer, errors included.
  app.addHook('onSend', async (request, reply, payload) => {
    if (isApiPath(request.url)) reply.header('cache-control', 'no-store');
    return payload;
  });
  await app.register(helmet, helmetOptions);

  publicRoutes(app, deps);
  loginRoute(app, deps);
  await app.register(async (scope) => {
    scope.addHook('onRequest', authenticateHook(deps.store.db, deps.now));
    sessionRoutes(scope, deps);
    syncRoutes(scope, deps);
  });

  await registerStaticFiles(app, options.distDir ?? defaultDistDir);
  return app;
}
