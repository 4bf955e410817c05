/**
 * When the app locks itself (issue 13): after `idleMs` without activity (a touch, a key, a
 * pointer), or when it comes back after being hidden for longer than `graceMs`. Pure over a clock
 * and timers, so it is tested with fake ones; app/auto-lock.ts wires it to the page's events.
 * A background tab's timers are throttled, so returning to the foreground checks the idle time too.
 */

export type LockTimerOptions = {
  idleMs: () => number;
  graceMs: () => number;
  lock: (reason: 'idle' | 'hidden') => void;
  now?: () => number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
};

export type LockTimer = {
  /** A touch, a key or a pointer: the idle time starts over. */
  activity(): void;
  /** The page was hidden. */
  hidden(): void;
  /** The page is visible again: locks when it was hidden too long or idle too long; true when it locked. */
  visible(): boolean;
  stop(): void;
};

export function createLockTimer(options: LockTimerOptions): LockTimer {
  const now = options.now ?? Date.now;
  const setTimer = options.setTimer ?? ((run: () => void, ms: number) => setTimeout(run, ms));
  const clearTimer = options.clearTimer ?? ((handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  let lastActivity = now();
  let hiddenAt: number | null = null;
  let handle: unknown = null;
  let stopped = false;

  const fire = (reason: 'idle' | 'hidden') => {
    if (stopped) return;
    stop();
    options.lock(reason);
  };

  const arm = () => {
    if (handle !== null) clearTimer(handle);
    const left = lastActivity + options.idleMs() - now();
    handle = setTimer(
      () => {
        handle = null;
        // A timer can fire early or late: the clock decides.
        if (now() - lastActivity >= options.idleMs()) fire('idle');
        else arm();
      },
      Math.max(0, left),
    );
  };

  function stop() {
    stopped = true;
    if (handle !== null) clearTimer(handle);
    handle = null;
  }

  arm();
  return {
    activity() {
      if (stopped) return;
      lastActivity = now();
      arm();
    },
    hidden() {
      if (stopped || hiddenAt !== null) return;
      hiddenAt = now();
    },
    visible() {
      if (stopped) return false;
      const was = hiddenAt;
      hiddenAt = null;
      if (was !== null && now() - was > options.graceMs()) {
        fire('hidden');
        return true;
      }
      if (now() - lastActivity >= options.idleMs()) {
        fire('idle');
        return true;
      }
      arm();
      return false;
    },
    stop,
  };
}
