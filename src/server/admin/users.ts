/**
 * User administration (issue 14 §3): list, create, change role and name, disable and re-enable,
 * reset a password (the user must change it at next login), revoke sessions and devices. Every
 * action is checked against the actor's reach (scope.ts) and recorded as an audit event in the
 * same transaction as the change.
 */
import type { Database } from 'better-sqlite3';
import type { AdminDevice, AdminUser } from '../../shared/admin/views.ts';
import { AccountError, checkDisplayName, createUser } from '../auth/create-user.ts';
import { checkPassword } from '../auth/password-policy.ts';
import { hashPassword, type KdfParams } from '../auth/passwords.ts';
import { HttpError } from '../http/errors.ts';
import {
  countLiveTokens,
  findTeamById,
  findUserById,
  listUsers,
  type Role,
  revokeUserTokens,
  setPassword,
  setUserDisabled,
  type UserRow,
  updateUserProfile,
} from '../store/accounts.ts';
import { type AuditAction, recordAudit } from '../store/audit.ts';
import { countDevices, type DeviceRow, findDevice, listUserDevices, revokeDevice } from '../store/devices.ts';
import { requireNotSelf, requireReach, requireRoleGrant, requireTeam, teamScope } from './scope.ts';

export type AdminDeps = { db: Database; now: () => Date; kdf?: KdfParams; deviceStaleDays: number };

export function userView(db: Database, user: UserRow, now: Date): AdminUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    teamId: user.teamId,
    teamName: findTeamById(db, user.teamId)?.name ?? '',
    status: user.disabledAt === null ? 'active' : 'disabled',
    mustChangePassword: user.mustChangePassword,
    createdAt: user.createdAt,
    lastLoginAt: user.lastLoginAt,
    activeDevices: countDevices(db, user.id),
    liveSessions: countLiveTokens(db, user.id, now),
  };
}

export function deviceView(device: DeviceRow, now: Date, staleDays: number): AdminDevice {
  const lastSync = Date.parse(device.lastSyncAt ?? device.registeredAt);
  return {
    id: device.id,
    name: device.name,
    registeredAt: device.registeredAt,
    lastSeenAt: device.lastSeenAt,
    lastSyncAt: device.lastSyncAt,
    reportedAt: device.reportedAt,
    unsyncedCount: device.unsyncedCount,
    oldestUnsyncedAt: device.oldestUnsyncedAt,
    revokedAt: device.revokedAt,
    lostUnsyncedCount: device.lostUnsyncedCount,
    stale: device.revokedAt === null && now.getTime() - lastSync >= staleDays * 86_400_000,
  };
}

function audit(db: Database, actor: UserRow, action: AuditAction, at: Date, target: UserRow, details?: object) {
  recordAudit(db, {
    action,
    at,
    teamId: target.teamId,
    actorUserId: actor.id,
    actorUsername: actor.username,
    targetUserId: target.id,
    ...(details ? { details: details as Record<string, unknown> } : {}),
  });
}

export function listUsersFor(deps: AdminDeps, actor: UserRow, teamId?: string): AdminUser[] {
  if (teamId !== undefined) requireTeam(actor, teamId);
  const now = deps.now();
  return listUsers(deps.db, teamId ?? teamScope(actor)).map((u) => userView(deps.db, u, now));
}

const weak = (message: string, reason: string) => new HttpError('weak_password', message, { reason });

export async function createUserBy(
  deps: AdminDeps,
  actor: UserRow,
  input: { username: string; displayName: string; role: Role; teamId: string; password: string },
): Promise<AdminUser> {
  requireTeam(actor, input.teamId);
  requireRoleGrant(actor, input.role);
  if (!findTeamById(deps.db, input.teamId)) throw new HttpError('not_found', 'No such team.');
  let created: Awaited<ReturnType<typeof createUser>>;
  try {
    created = await createUser(
      deps.db,
      {
        username: input.username,
        password: input.password,
        teamId: input.teamId,
        role: input.role,
        name: input.displayName,
      },
      { now: deps.now(), ...(deps.kdf ? { kdf: deps.kdf } : {}) },
    );
  } catch (error) {
    if (!(error instanceof AccountError)) throw error;
    if (error.code === 'weak_password') throw weak(error.message, error.reason ?? 'guessable');
    if (error.code === 'taken') throw new HttpError('already_exists', 'The username is taken.');
    throw new HttpError('invalid_request', error.message, { reason: error.code });
  }
  const user = findUserById(deps.db, created.userId);
  if (!user) throw new Error('the new user vanished');
  const now = deps.now();
  audit(deps.db, actor, 'admin.user_created', now, user, { role: user.role });
  return userView(deps.db, user, now);
}

export function updateUserBy(
  deps: AdminDeps,
  actor: UserRow,
  id: string,
  change: { displayName?: string | undefined; role?: Role | undefined },
): AdminUser {
  const target = requireReach(actor, findUserById(deps.db, id));
  if (change.role !== undefined && change.role !== target.role) {
    requireNotSelf(actor, target, 'change the role of');
    requireRoleGrant(actor, change.role);
  }
  let displayName: string | undefined;
  try {
    displayName = change.displayName === undefined ? undefined : checkDisplayName(change.displayName);
  } catch (error) {
    if (error instanceof AccountError) throw new HttpError('invalid_request', error.message, { reason: error.code });
    throw error;
  }
  const now = deps.now();
  deps.db.transaction(() => {
    updateUserProfile(deps.db, target.id, {
      ...(displayName === undefined ? {} : { displayName }),
      ...(change.role === undefined ? {} : { role: change.role }),
    });
    audit(deps.db, actor, 'admin.user_updated', now, target, {
      ...(displayName === undefined ? {} : { displayName: true }),
      ...(change.role === undefined ? {} : { role: change.role, previousRole: target.role }),
    });
  })();
  return userView(deps.db, findUserById(deps.db, target.id) ?? target, now);
}

/** Disabling stops logins and every token of the user at once (the auth hook checks the flag). */
export function setDisabledBy(deps: AdminDeps, actor: UserRow, id: string, disabled: boolean): AdminUser {
  const target = requireReach(actor, findUserById(deps.db, id));
  requireNotSelf(actor, target, disabled ? 'disable' : 'enable');
  const now = deps.now();
  deps.db.transaction(() => {
    setUserDisabled(deps.db, target.id, disabled ? now : null);
    audit(deps.db, actor, disabled ? 'admin.user_disabled' : 'admin.user_enabled', now, target);
  })();
  return userView(deps.db, findUserById(deps.db, target.id) ?? target, now);
}

/** Sets a new password the user must change at next login; revokes the user's sessions. */
export async function resetPasswordBy(
  deps: AdminDeps,
  actor: UserRow,
  id: string,
  password: string,
): Promise<AdminUser> {
  const target = requireReach(actor, findUserById(deps.db, id));
  requireNotSelf(actor, target, 'reset the password of');
  const problem = checkPassword(password, { username: target.username, displayName: target.displayName });
  if (problem) throw weak(problem.message, problem.reason);
  const hash = await hashPassword(password, deps.kdf);
  const now = deps.now();
  deps.db.transaction(() => {
    setPassword(deps.db, target.id, hash, true);
    const revoked = revokeUserTokens(deps.db, target.id, now);
    audit(deps.db, actor, 'admin.password_reset', now, target, { sessionsRevoked: revoked });
  })();
  return userView(deps.db, findUserById(deps.db, target.id) ?? target, now);
}

export function revokeSessionsBy(deps: AdminDeps, actor: UserRow, id: string): { revoked: number } {
  const target = requireReach(actor, findUserById(deps.db, id));
  const now = deps.now();
  return deps.db.transaction(() => {
    const revoked = revokeUserTokens(deps.db, target.id, now);
    audit(deps.db, actor, 'admin.sessions_revoked', now, target, { sessionsRevoked: revoked });
    return { revoked };
  })();
}

export function devicesOf(deps: AdminDeps, actor: UserRow, id: string): AdminDevice[] {
  const target = requireReach(actor, findUserById(deps.db, id));
  const now = deps.now();
  return listUserDevices(deps.db, target.id).map((d) => deviceView(d, now, deps.deviceStaleDays));
}

/** Revokes a device: its tokens answer `device_revoked`; what it had reported unsynced is reported as lost. */
export function revokeDeviceBy(deps: AdminDeps, actor: UserRow, deviceId: string) {
  const device = findDevice(deps.db, deviceId);
  const owner = requireReach(actor, device ? findUserById(deps.db, device.userId) : undefined);
  if (!device) throw new HttpError('not_found', 'No such device.');
  const now = deps.now();
  deps.db.transaction(() => {
    if (revokeDevice(deps.db, device.id, actor.id, now)) {
      recordAudit(deps.db, {
        action: 'device.revoked',
        at: now,
        teamId: owner.teamId,
        actorUserId: actor.id,
        actorUsername: actor.username,
        targetUserId: owner.id,
        targetDeviceId: device.id,
        details: { lostUnsyncedCount: device.unsyncedCount ?? 0 },
      });
    }
  })();
  const after = findDevice(deps.db, device.id) ?? device;
  return {
    device: deviceView(after, now, deps.deviceStaleDays),
    lost: {
      unsyncedCount: after.lostUnsyncedCount ?? 0,
      oldestUnsyncedAt: after.oldestUnsyncedAt,
      reportedAt: after.reportedAt,
    },
  };
}
