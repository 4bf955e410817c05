/** The zod-free lock settings reader agrees with the schema the server and the form use. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultLockSettings, lockSettingsOf } from './lock-defaults.ts';
import { lockSettingsSchema } from './lock-settings.ts';

const value = fc.oneof(fc.integer({ min: -5, max: 700 }), fc.double(), fc.string(), fc.constant(undefined));

describe('lockSettingsOf', () => {
  it('returns what the schema accepts, and the defaults for what it refuses', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            idleMinutes: value,
            hiddenGraceSeconds: value,
            signAgainMinutes: value,
            maxPasswordAttempts: value,
            wipeAfterDays: value,
          },
          { requiredKeys: [] },
        ),
        (lock) => {
          // As the schema-based reader did: the record's fields over the defaults, then the schema.
          const merged = { ...defaultLockSettings, ...lock };
          const parsed = lockSettingsSchema.safeParse(merged);
          const ours = lockSettingsOf({ lock: lock as never });
          expect(ours).toEqual(parsed.success ? parsed.data : defaultLockSettings);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('reads a settings record from before the lock settings existed', () => {
    expect(lockSettingsOf(undefined)).toEqual(defaultLockSettings);
    expect(lockSettingsOf({ lock: { idleMinutes: 15 } })).toEqual({ ...defaultLockSettings, idleMinutes: 15 });
  });
});
