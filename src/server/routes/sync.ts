/** Thin adapters for the schema, push and pull endpoints (sync/*.ts does the work). */
import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import { kinds } from '../../shared/schemas/all-kinds.ts';
import { pushRequestSchema } from '../../shared/sync/protocol.ts';
import { SCHEMA_VERSION } from '../../shared/version.ts';
import { requestUser } from '../auth/authenticate.ts';
import { HttpError } from '../http/errors.ts';
import { parseOr400 } from '../http/parse.ts';
import { pull, pullQuerySchema } from '../sync/pull.ts';
import { push } from '../sync/push.ts';
import type { RouteDeps } from './deps.ts';

/** JSON Schema of each kind's data, from the same zod schemas the app and server validate with. */
export function kindJsonSchemas(): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(kinds).map(([kind, spec]) => [
      kind,
      z.toJSONSchema(spec.schema, { io: 'input', unrepresentable: 'any' }),
    ]),
  );
}

export function syncRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const schemaResponse = { version: SCHEMA_VERSION, kinds: kindJsonSchemas() };
  app.get('/api/schema', async () => schemaResponse);

  app.post('/api/sync/push', async (request) => {
    const body = parseOr400(pushRequestSchema, request.body, 'push request');
    if (body.schemaVersion > SCHEMA_VERSION) {
      throw new HttpError(
        'schema_version_unsupported',
        `This server speaks schema version ${SCHEMA_VERSION}; the app sent ${body.schemaVersion}. Update the server.`,
        { serverVersion: SCHEMA_VERSION },
      );
    }
    return push(deps.store.db, requestUser(request), body, deps.now());
  });

  app.get('/api/sync/pull', async (request) => {
    const query = parseOr400(pullQuerySchema, request.query, 'pull query');
    return pull(deps.store.db, requestUser(request).teamId, query);
  });
}
