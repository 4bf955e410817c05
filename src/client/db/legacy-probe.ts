/**
 * Whether this browser holds the plain store of an earlier version, without loading the upgrade's
 * code (legacy.ts): a new tablet never loads it, so it stays off the first screen's budget. Where
 * `indexedDB.databases` is missing (older Safari) the answer is "maybe", and legacy.ts decides.
 */
export const LEGACY_DB_NAME = 'tusind-dage';

export async function mayHoldLegacyStore(): Promise<boolean> {
  if (typeof indexedDB.databases !== 'function') return true;
  try {
    return (await indexedDB.databases()).some((d) => d.name === LEGACY_DB_NAME);
  } catch {
    return true;
  }
}

/** The upgrade's module, or null on a device without a plain store. */
export async function legacyUpgrade() {
  return (await mayHoldLegacyStore()) ? import('./legacy.ts') : null;
}
