/**
 * Builds the HTTP app (Fastify) without listening: tests call `app.inject` or listen on port 0,
 * main.ts listens. Wires security headers, the error shape, the API routes and the built PWA.
 */
import { fileURLToPath } from 'node:url';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { authenticateHook } from './auth/authenticate.ts';
import { LoginLimiter } from './auth/login-limiter.ts';
import type { KdfParams } from './auth/passwords.ts';
import { type AppSettings, defaultAppSettings } from './config.ts';
import { clientErrorHandler } from './http/client-error.ts';
import { errorHandler } from './http/errors.ts';
import { registerJsonParser } from './http/json-body.ts';
import { loggerOptions } from './http/logging.ts';
import { registerRequestDecoding } from './http/request-encoding.ts';
import { helmetOptions } from './http/security.ts';
import { isApiPath, registerStaticFiles } from './http/static-files.ts';
import { adminRoutes } from './routes/admin.ts';
import { loginRoute, sessionRoutes } from './routes/auth.ts';
import type { RouteDeps } from './routes/deps.ts';
import { deviceRoutes } from './routes/devices.ts';
import { publicRoutes } from './routes/public.ts';
import { syncRoutes } from './routes/sync.ts';
import type { Store } from './store/db.ts';

export const BODY_LIMIT_BYTES = 5 * 1024 * 1024;

export const defaultDistDir = fileURLToPath(new URL('../../dist', import.meta.url));

export type AppOptions = {
  store: Store;
  /** Settings (config.ts); unset ones take their defaults. */
  config: Partial<AppSettings>;
  /** The built client; default <repo>/dist. */
  distDir?: string;
  /** Fastify logger: false in tests; default JSON logs at config.logLevel with credentials redacted. */
  logger?: FastifyServerOptions['logger'];
  /** The clock (tests move it to expire tokens); never decides sync order. */
  now?: () => Date;
  limiter?: LoginLimiter;
  /** Parameters for new password hashes (tests use cheap ones); default Argon2id at OWASP's minimum. */
  kdf?: KdfParams;
};

/** Fastify's form of TRUST_PROXY: a hop count becomes "trust the nearest n addresses". */
function fastifyTrustProxy(trust: AppSettings['trustProxy']): boolean | string[] | ((a: string, i: number) => boolean) {
  return typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const config: AppSettings = { ...defaultAppSettings, ...options.config };
  const app = Fastify({
    logger: options.logger ?? loggerOptions(config.logLevel),
    bodyLimit: BODY_LIMIT_BYTES,
    clientErrorHandler,
    // request.ip is the client's address only through proxies named here (TRUST_PROXY).
    trustProxy: fastifyTrustProxy(config.trustProxy),
  });
  const deps: RouteDeps = {
    store: options.store,
    config,
    limiter: options.limiter ?? new LoginLimiter(),
    now: options.now ?? (() => new Date()),
    ...(options.kdf ? { kdf: options.kdf } : {}),
  };

  app.setErrorHandler(errorHandler);
  registerJsonParser(app);
  registerRequestDecoding(app);
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
    scope.addHook('onRequest', authenticateHook(deps.store.db, deps.now, config));
    sessionRoutes(scope, deps);
    syncRoutes(scope, deps);
    deviceRoutes(scope, deps);
    adminRoutes(scope, deps);
  });

  await registerStaticFiles(app, options.distDir ?? defaultDistDir);
  return app;
}
