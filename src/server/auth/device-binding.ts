/**
 * Binding tokens to devices (sync-protocol.md "Devices"): a token logged in with a deviceId is
 * bound to it; one logged in without is bound to the deviceId of its first push (or report). A
 * request naming another device than its token's, or a device registered to another user, is
 * 403 `device_mismatch` — so a colleague reusing another tablet's id can no longer turn a stale
 * edit into `applied` — and a revoked device is 401 `device_revoked`.
 */
import type { Database } from 'better-sqlite3';
import { HttpError } from '../http/errors.ts';
import { bindTokenDevice, type UserRow } from '../store/accounts.ts';
import { recordAudit } from '../store/audit.ts';
import { type DeviceRow, findDevice, insertDevice } from '../store/devices.ts';
import type { RequestSession } from './authenticate.ts';

const mismatch = () =>
  new HttpError('device_mismatch', 'This login belongs to another device: log in again on this device.');
const revoked = () => new HttpError('device_revoked', 'This device was revoked by an administrator.');

/**
 * The device `deviceId` as registered to `user`, registering it when new; throws when it belongs
 * to someone else or is revoked. Call inside the caller's write transaction.
 */
export function ensureDevice(
  db: Database,
  user: UserRow,
  deviceId: string,
  now: Date,
  audit: { session?: string; address?: string },
): DeviceRow {
  const existing = findDevice(db, deviceId);
  if (existing) {
    if (existing.userId !== user.id) throw mismatch();
    if (existing.revokedAt !== null) throw revoked();
    return existing;
  }
  insertDevice(db, { id: deviceId, userId: user.id, teamId: user.teamId, now });
  recordAudit(db, {
    action: 'device.registered',
    at: now,
    teamId: user.teamId,
    actorUserId: user.id,
    actorUsername: user.username,
    deviceId,
    targetDeviceId: deviceId,
    ...(audit.session ? { session: audit.session } : {}),
    ...(audit.address ? { address: audit.address } : {}),
  });
  const created = findDevice(db, deviceId);
  if (!created) throw new Error('the device vanished after insert');
  return created;
}

/** Checks (and on first use binds) the request's token against the deviceId it names. */
export function bindRequestDevice(
  db: Database,
  session: RequestSession,
  deviceId: string,
  now: Date,
  address: string,
): DeviceRow {
  if (session.deviceId !== null && session.deviceId !== deviceId) throw mismatch();
  const device = ensureDevice(db, session.user, deviceId, now, { session: session.tokenHash, address });
  if (session.deviceId === null) {
    bindTokenDevice(db, session.tokenHash, deviceId);
    session.deviceId = deviceId;
  }
  return device;
}
