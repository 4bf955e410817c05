import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLockTimer } from './lock-timer.ts';

const MINUTE = 60_000;

describe('the lock timer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const timer = (idleMinutes = 5, graceSeconds = 30) => {
    const lock = vi.fn();
    const t = createLockTimer({ idleMs: () => idleMinutes * MINUTE, graceMs: () => graceSeconds * 1000, lock });
    return { t, lock };
  };

  it('locks after the idle time without activity, not before', () => {
    const { lock } = timer();
    vi.advanceTimersByTime(5 * MINUTE - 1);
    expect(lock).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(lock).toHaveBeenCalledWith('idle');
    vi.advanceTimersByTime(10 * MINUTE);
    expect(lock).toHaveBeenCalledTimes(1);
  });

  it('starts the idle time over on every touch or key', () => {
    const { t, lock } = timer();
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(4 * MINUTE);
      t.activity();
    }
    expect(lock).not.toHaveBeenCalled();
    vi.advanceTimersByTime(5 * MINUTE);
    expect(lock).toHaveBeenCalledOnce();
  });

  it('locks when the page comes back after being hidden longer than the grace, not within it', () => {
    const { t, lock } = timer(5, 30);
    t.hidden();
    vi.setSystemTime(Date.now() + 29_000);
    expect(t.visible()).toBe(false);
    expect(lock).not.toHaveBeenCalled();
    t.hidden();
    vi.setSystemTime(Date.now() + 31_000);
    expect(t.visible()).toBe(true);
    expect(lock).toHaveBeenCalledWith('hidden');
  });

  it('locks on return when the idle time passed while timers were throttled in the background', () => {
    const lock = vi.fn();
    let clock = 0;
    // Timers that never fire (a throttled background tab).
    const t = createLockTimer({
      idleMs: () => 5 * MINUTE,
      graceMs: () => 3_600_000,
      lock,
      now: () => clock,
      setTimer: () => 1,
      clearTimer: () => undefined,
    });
    t.hidden();
    clock = 6 * MINUTE;
    expect(t.visible()).toBe(true);
    expect(lock).toHaveBeenCalledWith('idle');
  });

  it('does nothing once stopped (the app was locked another way)', () => {
    const { t, lock } = timer();
    t.stop();
    t.activity();
    vi.advanceTimersByTime(60 * MINUTE);
    t.hidden();
    expect(t.visible()).toBe(false);
    expect(lock).not.toHaveBeenCalled();
  });
});
