/**
 * Routes without a token: health (for monitoring and load balancers) and setup (so the login
 * screen can guide a newcomer). Health is "ready" only when the database can be written: a probe
 * row is written and committed (at most once a second; a burst of checks shares the answer), so
 * a data directory that turned read-only or a full disk answers 503 `storage_unavailable`.
 */
import type { Database } from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { appVersion } from '../app-version.ts';
import { errorBody, isStorageError } from '../http/errors.ts';
import { countUsers } from '../store/accounts.ts';
import type { RouteDeps } from './deps.ts';

export const createUserCommand =
  'npm run --silent admin -- create-user --username <brugernavn> --password <adgangskode> --team <team>';

const PROBE_EVERY_MS = 1000;

function writeProbe(db: Database, now: Date): string | null {
  try {
    db.prepare('INSERT INTO health_probe (id, at) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET at = excluded.at').run(
      now.toISOString(),
    );
    return null;
  } catch (error) {
    if (isStorageError(error)) return (error as { code: string }).code;
    throw error;
  }
}

export function publicRoutes(app: FastifyInstance, deps: RouteDeps): void {
  let last: { at: number; problem: string | null } | undefined;

  app.get('/api/health', async (request, reply) => {
    const now = deps.now();
    if (!last || Math.abs(now.getTime() - last.at) >= PROBE_EVERY_MS) {
      last = { at: now.getTime(), problem: writeProbe(deps.store.db, now) };
    }
    if (last.problem !== null) {
      request.log.error({ sqlite: last.problem }, 'health: the database cannot be written');
      return reply
        .code(503)
        .header('retry-after', '30')
        .send(
          errorBody('storage_unavailable', 'Not ready: the database cannot be written (read-only or full disk).', {
            sqlite: last.problem,
          }),
        );
    }
    return { status: 'ok', version: appVersion };
  });

  app.get('/api/setup', async () => ({ hasUsers: countUsers(deps.store.db) > 0, createUserCommand }));
}
