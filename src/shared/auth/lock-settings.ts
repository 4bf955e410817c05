/**
 * When the app locks itself and what opens it (issue 13, docs/decisions/0060-pin-lock-and-shared-tablets.md):
 * part of the municipality settings (a leader sets them in "Indstillinger"; they reach every tablet
 * of the team by sync). A tablet keeps a copy next to its users (device-users.ts), so the lock
 * screen knows them before anything is decrypted. The server's own security rules (token expiry,
 * when a device is stale) are server configuration, enforced by the server, not settings here.
 */
import * as z from 'zod/mini';
import { intInRange } from '../caseload/caseload-fields.ts';

export const lockSettingsSchema = z.object({
  /** Locks after this many minutes without a touch, a key or a pointer. */
  idleMinutes: intInRange(1, 60),
  /** Locks when the app was hidden (another app, the home screen) for longer than this. */
  hiddenGraceSeconds: intInRange(0, 600),
  /** Signing asks for the PIN when the last unlock is older than this. */
  signAgainMinutes: intInRange(1, 240),
  /** Wrong passwords in a row offline before only an online login opens the store. */
  maxPasswordAttempts: intInRange(3, 20),
  /**
   * Removes a user's store from a tablet not synced for this many days, but only when it holds no
   * unsynced changes; 0 = never (the default).
   */
  wipeAfterDays: intInRange(0, 365),
});

export type LockSettings = z.output<typeof lockSettingsSchema>;

export const defaultLockSettings: LockSettings = {
  idleMinutes: 5,
  hiddenGraceSeconds: 30,
  signAgainMinutes: 10,
  maxPasswordAttempts: 10,
  wipeAfterDays: 0,
};

/** The lock settings of a settings record written before they existed fall back to the defaults. */
export function lockSettingsOf(settings: { lock?: Partial<LockSettings> | undefined } | undefined): LockSettings {
  const parsed = lockSettingsSchema.safeParse({ ...defaultLockSettings, ...settings?.lock });
  return parsed.success ? parsed.data : defaultLockSettings;
}
