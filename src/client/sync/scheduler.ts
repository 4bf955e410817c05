/**
 * When to sync: on request (start, after a write, coming online, returning to the foreground, a
 * timer, "Synkronisér nu"), one run at a time, and after a failure again with exponential backoff
 * and jitter so a team's tablets do not hammer a recovering server together. A failure that a
 * retry cannot fix (login needed, a client bug) stops the retries until the next request.
 */

export type RunResult = 'ok' | 'retry' | 'stop';

export type SchedulerOptions = {
  run: () => Promise<RunResult>;
  baseDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
};

export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  // "Equal jitter": at least half the ceiling, so retries never bunch at zero.
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export function createScheduler(options: SchedulerOptions) {
  const baseDelayMs = options.baseDelayMs ?? 2_000;
  const maxDelayMs = options.maxDelayMs ?? 5 * 60_000;
  const random = options.random ?? Math.random;
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));

  let running = false;
  let again = false;
  let attempt = 0;
  let timer: unknown;
  let stopped = false;

  const schedule = (ms: number) => {
    if (timer !== undefined) clearTimer(timer);
    timer = setTimer(() => {
      timer = undefined;
      void execute();
    }, ms);
  };

  async function execute(): Promise<void> {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    again = false;
    let result: RunResult;
    try {
      result = await options.run();
    } catch {
      result = 'retry';
    }
    running = false;
    if (result === 'retry') {
      attempt++;
      schedule(backoffDelay(attempt, baseDelayMs, maxDelayMs, random));
      return;
    }
    attempt = 0;
    if (again && result === 'ok') void execute();
  }

  return {
    /** Asks for a sync now (or right after the current one). Resets the backoff. */
    request(): void {
      if (timer !== undefined) {
        clearTimer(timer);
        timer = undefined;
      }
      attempt = 0;
      void execute();
    },
    /** Asks for a sync after a quiet period (debounce after writes). */
    requestSoon(ms: number): void {
      if (running) {
        again = true;
        return;
      }
      schedule(ms);
    },
    get attempt() {
      return attempt;
    },
    stop(): void {
      stopped = true;
      if (timer !== undefined) clearTimer(timer);
    },
  };
}
