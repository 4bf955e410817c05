/** Routes without a token: health (for monitoring) and setup (so the login screen can guide a newcomer). */
import type { FastifyInstance } from 'fastify';
import { appVersion } from '../app-version.ts';
import { countUsers } from '../store/accounts.ts';
import type { RouteDeps } from './deps.ts';

export const createUserCommand =
  'npm run --silent admin -- create-user --username <brugernavn> --password <adgangskode> --team <team>';

export function publicRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get('/api/health', async () => ({ status: 'ok', version: appVersion }));

  app.get('/api/setup', async () => ({ hasUsers: countUsers(deps.store.db) > 0, createUserCommand }));
}
