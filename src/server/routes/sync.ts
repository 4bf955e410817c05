/**
 * Thin adapters for the schema, push and pull endpoints (sync/*.ts does the work). Push checks the
 * token's device binding first (auth/device-binding.ts); every pull page is an audit event listing
 * the families whose records it delivered. Their answers are compressed (http/compress-reply.ts);
 * request bodies may come gzipped (http/request-encoding.ts, for every route).
 */
import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import { kinds } from '../../shared/schemas/all-kinds.ts';
import { pushRequestSchema } from '../../shared/sync/protocol.ts';
import { SCHEMA_VERSION } from '../../shared/version.ts';
import { familiesOf } from '../audit/family-of.ts';
import { requestSession } from '../auth/authenticate.ts';
import { bindRequestDevice } from '../auth/device-binding.ts';
import { compressReply } from '../http/compress-reply.ts';
import { HttpError } from '../http/errors.ts';
import { parseOr400 } from '../http/parse.ts';
import { recordAudit } from '../store/audit.ts';
import { touchDevice } from '../store/devices.ts';
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
  const db = deps.store.db;
  app.get('/api/schema', { onSend: compressReply }, async () => schemaResponse);

  app.post('/api/sync/push', { onSend: compressReply }, async (request) => {
    const body = parseOr400(pushRequestSchema, request.body, 'push request');
    if (body.schemaVersion > SCHEMA_VERSION) {
      throw new HttpError(
        'schema_version_unsupported',
        `This server speaks schema version ${SCHEMA_VERSION}; the app sent ${body.schemaVersion}. Update the server.`,
        { serverVersion: SCHEMA_VERSION },
      );
    }
    const session = requestSession(request);
    const now = deps.now();
    return db.transaction(() => {
      bindRequestDevice(db, session, body.deviceId, now, request.ip);
      const response = push(db, session.user, body, now);
      touchDevice(db, body.deviceId, now, true);
      return response;
    })();
  });

  app.get('/api/sync/pull', { onSend: compressReply }, async (request) => {
    const query = parseOr400(pullQuerySchema, request.query, 'pull query');
    const session = requestSession(request);
    const now = deps.now();
    return db.transaction(() => {
      const page = pull(db, session.user.teamId, query);
      const count = page.changes.length + page.conflicts.length;
      if (count > 0) {
        recordAudit(db, {
          action: 'sync.pull',
          at: now,
          teamId: session.user.teamId,
          actorUserId: session.user.id,
          actorUsername: session.user.username,
          deviceId: session.deviceId,
          session: session.tokenHash,
          details: { since: String(query.since), nextSince: page.nextSince, records: count },
          familyIds: familiesOf([...page.changes, ...page.conflicts]),
        });
      }
      if (session.deviceId !== null) touchDevice(db, session.deviceId, now, !page.hasMore);
      return page;
    })();
  });
}
