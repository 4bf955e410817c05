/**
 * What the UI knows about the lock (decision 0060), kept tiny for the first screen: whether the
 * nurse must choose a PIN before the app opens, when the store was last opened with her PIN or
 * password (signing asks again when that is too long ago), and a signature waiting for her PIN.
 * No key lives here: login.ts holds the one extractable copy a new PIN needs, until it is chosen.
 */
import { create } from 'zustand';
import { records } from '../db/store.ts';

export type LockState = {
  /** She opened the store with her password and has no PIN yet: she chooses one first. */
  choosingPin: boolean;
  /** When the store was last opened or confirmed with the PIN or password (ms since epoch), 0 when locked. */
  lastUnlockAt: number;
  /** A signature waits for her PIN; resolved with whether she gave it. */
  signature: { resolve: (confirmed: boolean) => void } | null;
};

export const useLockState = create<LockState>(() => ({ choosingPin: false, lastUnlockAt: 0, signature: null }));

/** The store was just opened (or her PIN confirmed a signature). */
export const noteUnlocked = (at = Date.now()) => useLockState.setState({ lastUnlockAt: at });

/**
 * Before a signature: resolves true at once when the last unlock is at most `maxAgeMinutes` old,
 * otherwise shows the PIN dialog (session-gate.tsx) and resolves with its outcome.
 */
export function confirmSignature(maxAgeMinutes: number, now = Date.now()): Promise<boolean> {
  const { lastUnlockAt, signature } = useLockState.getState();
  if (lastUnlockAt > 0 && now - lastUnlockAt <= maxAgeMinutes * 60_000) return Promise.resolve(true);
  signature?.resolve(false);
  return new Promise((resolve) => {
    useLockState.setState({
      signature: {
        resolve: (confirmed) => {
          useLockState.setState({ signature: null });
          resolve(confirmed);
        },
      },
    });
  });
}

/**
 * Before a visit, a journal note or a correction is signed: asks for the PIN when the last unlock
 * is older than the team's `signAgainMinutes`. Resolves false when she cancels (nothing is signed).
 */
export async function askBeforeSigning(): Promise<boolean> {
  return confirmSignature((await records.lockSettings()).signAgainMinutes);
}
