/**
 * Thin adapters for user administration, devices, alerts and the audit extract (admin/*.ts does
 * the work). Only leaders (own team) and admins (all teams) get past the role check.
 */
import type { FastifyInstance } from 'fastify';
import { familyAudit } from '../admin/audit-read.ts';
import { teamExports } from '../admin/exports-read.ts';
import {
  auditQuerySchema,
  createUserSchema,
  idParams,
  resetPasswordSchema,
  updateUserSchema,
  usersQuerySchema,
} from '../admin/schemas.ts';
import { requireAdministrator, teamScope } from '../admin/scope.ts';
import {
  type AdminDeps,
  createUserBy,
  devicesOf,
  listUsersFor,
  resetPasswordBy,
  revokeDeviceBy,
  revokeSessionsBy,
  setDisabledBy,
  updateUserBy,
} from '../admin/users.ts';
import { requestSession, requestUser } from '../auth/authenticate.ts';
import { HttpError } from '../http/errors.ts';
import { parseOr400 } from '../http/parse.ts';
import { findUserById, listTeams, listUsers } from '../store/accounts.ts';
import { openAlerts, resolveAlert } from '../store/alerts.ts';
import type { RouteDeps } from './deps.ts';

export function adminRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const admin: AdminDeps = {
    db: deps.store.db,
    now: deps.now,
    deviceStaleDays: deps.config.deviceStaleDays,
    ...(deps.kdf ? { kdf: deps.kdf } : {}),
  };
  const actor = (request: Parameters<typeof requestUser>[0]) => {
    const user = requestUser(request);
    requireAdministrator(user);
    return user;
  };
  const id = (params: unknown) => parseOr400(idParams, params, 'path').id;

  app.get('/api/admin/teams', async (request) => {
    const scope = teamScope(actor(request));
    const teams = listTeams(admin.db).filter((t) => scope === undefined || t.id === scope);
    return { teams: teams.map((t) => ({ ...t, userCount: listUsers(admin.db, t.id).length })) };
  });

  app.get('/api/admin/users', async (request) => {
    const query = parseOr400(usersQuerySchema, request.query, 'query');
    return { users: listUsersFor(admin, actor(request), query.teamId) };
  });

  app.post('/api/admin/users', async (request, reply) => {
    const input = parseOr400(createUserSchema, request.body, 'new user');
    return reply.code(201).send({ user: await createUserBy(admin, actor(request), input) });
  });

  app.patch('/api/admin/users/:id', async (request) => {
    const change = parseOr400(updateUserSchema, request.body, 'change');
    return { user: updateUserBy(admin, actor(request), id(request.params), change) };
  });

  app.post('/api/admin/users/:id/disable', async (request) => ({
    user: setDisabledBy(admin, actor(request), id(request.params), true),
  }));
  app.post('/api/admin/users/:id/enable', async (request) => ({
    user: setDisabledBy(admin, actor(request), id(request.params), false),
  }));

  app.post('/api/admin/users/:id/reset-password', async (request) => {
    const { password } = parseOr400(resetPasswordSchema, request.body, 'new password');
    return { user: await resetPasswordBy(admin, actor(request), id(request.params), password) };
  });

  app.post('/api/admin/users/:id/revoke-sessions', async (request) =>
    revokeSessionsBy(admin, actor(request), id(request.params)),
  );

  app.get('/api/admin/users/:id/devices', async (request) => ({
    devices: devicesOf(admin, actor(request), id(request.params)),
    staleAfterDays: admin.deviceStaleDays,
  }));

  app.post('/api/admin/devices/:id/revoke', async (request) =>
    revokeDeviceBy(admin, actor(request), id(request.params)),
  );

  app.get('/api/admin/alerts', async (request) => {
    const alerts = openAlerts(admin.db, teamScope(actor(request)));
    return {
      alerts: alerts.map((a) => ({
        id: a.id,
        kind: a.kind,
        userId: a.userId,
        username: a.userId ? (findUserById(admin.db, a.userId)?.username ?? null) : null,
        createdAt: a.createdAt,
        lastAt: a.lastAt,
        occurrences: a.occurrences,
      })),
    };
  });

  app.post('/api/admin/alerts/:id/resolve', async (request, reply) => {
    const alertId = Number(id(request.params));
    if (!Number.isSafeInteger(alertId)) throw new HttpError('not_found', 'No such alert.');
    if (!resolveAlert(admin.db, alertId, admin.now(), teamScope(actor(request)))) {
      throw new HttpError('not_found', 'No such open alert.');
    }
    return reply.code(204).send();
  });

  app.get('/api/audit/exports', async (request) => teamExports(admin.db, actor(request)));

  app.get('/api/audit', async (request) => {
    const query = parseOr400(auditQuerySchema, request.query, 'audit query');
    const session = requestSession(request);
    return familyAudit(admin, actor(request), query, session);
  });
}
