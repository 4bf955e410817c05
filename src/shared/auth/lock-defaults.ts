/**
 * The lock settings' shape, ranges and defaults without zod: the lock screen and the auto-lock run
 * before the first screen, whose budget has no room for zod (docs/decisions/0072). The settings
 * form and the server validate with the schema in lock-settings.ts, built from the same ranges; a
 * unit test checks lockSettingsOf agrees with it.
 */

/** Wrong PINs in a row (lock screen or signature) before the PIN's wrap is deleted. */
export const MAX_PIN_ATTEMPTS = 5;

/** Each setting's whole-number range (inclusive). */
export const lockSettingRanges = {
  /** Locks after this many minutes without a touch, a key or a pointer. */
  idleMinutes: [1, 60],
  /** Locks when the app was hidden (another app, the home screen) for longer than this. */
  hiddenGraceSeconds: [0, 600],
  /** Signing asks for the PIN when the last unlock is older than this. */
  signAgainMinutes: [1, 240],
  /** Wrong passwords in a row offline before only an online login opens the store. */
  maxPasswordAttempts: [3, 20],
  /**
   * Removes a user's store from a tablet not synced for this many days, but only when it holds no
   * unsynced changes; 0 = never (the default).
   */
  wipeAfterDays: [0, 365],
} as const;

export type LockSettings = { -readonly [K in keyof typeof lockSettingRanges]: number };

export const defaultLockSettings: LockSettings = {
  idleMinutes: 5,
  hiddenGraceSeconds: 30,
  signAgainMinutes: 10,
  maxPasswordAttempts: 10,
  wipeAfterDays: 0,
};

const inRange = (value: unknown, [min, max]: readonly [number, number]) =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/**
 * The lock settings of a settings record; a record written before they existed, or one that fails
 * the ranges, falls back to the defaults (as the schema's safeParse would).
 */
export function lockSettingsOf(settings: { lock?: Partial<LockSettings> | undefined } | undefined): LockSettings {
  const merged = { ...defaultLockSettings, ...settings?.lock };
  const out = {} as LockSettings;
  for (const key of Object.keys(lockSettingRanges) as (keyof LockSettings)[]) {
    if (!inRange(merged[key], lockSettingRanges[key])) return defaultLockSettings;
    out[key] = merged[key];
  }
  return out;
}
