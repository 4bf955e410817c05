/**
 * When the app locks itself and what opens it (issue 13, docs/decisions/0060-pin-lock-and-shared-tablets.md):
 * part of the municipality settings (a leader sets them in "Indstillinger"; they reach every tablet
 * of the team by sync). A tablet keeps a copy next to its users (device-users.ts), so the lock
 * screen knows them before anything is decrypted. The server's own security rules (token expiry,
 * when a device is stale) are server configuration, enforced by the server, not settings here.
 * The ranges, defaults and the zod-free reader are in lock-defaults.ts (the first screen's).
 */
import * as z from 'zod/mini';
import { intInRange } from '../caseload/caseload-fields.ts';
import { type LockSettings, lockSettingRanges } from './lock-defaults.ts';

export { defaultLockSettings, type LockSettings, lockSettingsOf } from './lock-defaults.ts';

const range = (key: keyof typeof lockSettingRanges) => {
  const [min, max] = lockSettingRanges[key];
  return intInRange(min, max);
};

export const lockSettingsSchema = z.object({
  idleMinutes: range('idleMinutes'),
  hiddenGraceSeconds: range('hiddenGraceSeconds'),
  signAgainMinutes: range('signAgainMinutes'),
  maxPasswordAttempts: range('maxPasswordAttempts'),
  wipeAfterDays: range('wipeAfterDays'),
}) satisfies z.ZodMiniType<LockSettings>;
