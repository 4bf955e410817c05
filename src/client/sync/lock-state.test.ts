import { beforeEach, describe, expect, it } from 'vitest';
import { confirmSignature, noteUnlocked, useLockState } from './lock-state.ts';

const MINUTE = 60_000;

describe('confirmSignature', () => {
  beforeEach(() => useLockState.setState({ lastUnlockAt: 0, signature: null, choosingPin: false }));

  it('signs at once within the minutes of the setting', async () => {
    noteUnlocked(1_000_000);
    await expect(confirmSignature(10, 1_000_000 + 10 * MINUTE)).resolves.toBe(true);
    expect(useLockState.getState().signature).toBeNull();
  });

  it('waits for the PIN dialog when the last unlock is older, and resolves with its answer', async () => {
    noteUnlocked(1_000_000);
    const asked = confirmSignature(10, 1_000_000 + 10 * MINUTE + 1);
    const pending = useLockState.getState().signature;
    expect(pending).not.toBeNull();
    pending?.resolve(true);
    await expect(asked).resolves.toBe(true);
    expect(useLockState.getState().signature).toBeNull();
  });

  it('a second signature replaces a waiting one, which is then not given', async () => {
    const first = confirmSignature(10);
    const second = confirmSignature(10);
    await expect(first).resolves.toBe(false);
    useLockState.getState().signature?.resolve(false);
    await expect(second).resolves.toBe(false);
  });
});
