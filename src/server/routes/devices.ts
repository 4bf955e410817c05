/**
 * POST /api/devices/report: the device tells the server its state (a display name for the device
 * or browser, how many changes it has not synced, and since when), so an admin revoking a lost
 * tablet sees what would be lost. The push/pull contract is unchanged; the report binds an
 * unbound token like a first push does.
 */
import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import { requestSession } from '../auth/authenticate.ts';
import { bindRequestDevice } from '../auth/device-binding.ts';
import { parseOr400 } from '../http/parse.ts';
import { recordReport } from '../store/devices.ts';
import type { RouteDeps } from './deps.ts';

export const deviceReportSchema = z.object({
  deviceId: z.string().check(z.minLength(1), z.maxLength(100)),
  name: z.string().check(z.trim(), z.maxLength(100)),
  unsyncedCount: z.int().check(z.gte(0), z.lte(10_000_000)),
  oldestUnsyncedAt: z.nullable(z.iso.datetime({ offset: true })),
});

export function deviceRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.post('/api/devices/report', async (request, reply) => {
    const report = parseOr400(deviceReportSchema, request.body, 'device report');
    const session = requestSession(request);
    const now = deps.now();
    const db = deps.store.db;
    db.transaction(() => {
      bindRequestDevice(db, session, report.deviceId, now, request.ip);
      recordReport(db, report.deviceId, {
        name: report.name,
        unsyncedCount: report.unsyncedCount,
        oldestUnsyncedAt: report.oldestUnsyncedAt,
        now,
      });
    })();
    return reply.code(204).send();
  });
}
