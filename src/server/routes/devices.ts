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
import { HttpError } from '../http/errors.ts';
import { parseOr400 } from '../http/parse.ts';
import { recordAudit } from '../store/audit.ts';
import { findEscrow, recordReport, storeEscrow } from '../store/devices.ts';
import type { RouteDeps } from './deps.ts';

export const deviceReportSchema = z.object({
  deviceId: z.string().check(z.minLength(1), z.maxLength(100)),
  name: z.string().check(z.trim(), z.maxLength(100)),
  unsyncedCount: z.int().check(z.gte(0), z.lte(10_000_000)),
  oldestUnsyncedAt: z.nullable(z.iso.datetime({ offset: true })),
});

/** The data key wrapped (AES-GCM) by a secret only the device holds: opaque to the server. */
export const escrowSchema = z.object({
  deviceId: z.string().check(z.minLength(1), z.maxLength(100)),
  escrow: z.string().check(z.minLength(16), z.maxLength(400), z.regex(/^[A-Za-z0-9+/=.]+$/)),
});
const escrowQuerySchema = z.object({ deviceId: z.string().check(z.minLength(1), z.maxLength(100)) });

export function deviceRoutes(app: FastifyInstance, deps: RouteDeps): void {
  /** Stores this device's escrow copy (once). */
  app.put('/api/devices/escrow', async (request, reply) => {
    const body = parseOr400(escrowSchema, request.body, 'escrow');
    const session = requestSession(request);
    const now = deps.now();
    const db = deps.store.db;
    const outcome = db.transaction(() => {
      bindRequestDevice(db, session, body.deviceId, now, request.ip);
      return storeEscrow(db, body.deviceId, body.escrow, now);
    })();
    if (outcome === 'taken') {
      throw new HttpError('escrow_exists', 'This device already has an escrow copy of another key.');
    }
    return reply.code(204).send();
  });

  /** Releases the escrow copy to its user, on its device, with a token from an online login. */
  app.get('/api/devices/escrow', async (request) => {
    const query = parseOr400(escrowQuerySchema, request.query, 'escrow query');
    const session = requestSession(request);
    const db = deps.store.db;
    const escrow = db.transaction(() => {
      bindRequestDevice(db, session, query.deviceId, deps.now(), request.ip);
      return findEscrow(db, query.deviceId);
    })();
    if (escrow === null) throw new HttpError('not_found', 'This device has no escrow copy.');
    recordAudit(db, {
      action: 'device.escrow_released',
      at: deps.now(),
      teamId: session.user.teamId,
      actorUserId: session.user.id,
      actorUsername: session.user.username,
      deviceId: query.deviceId,
      targetDeviceId: query.deviceId,
      address: request.ip,
    });
    return { escrow };
  });

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
