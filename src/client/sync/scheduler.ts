/**
 * When to sync: on request (start, after a write, coming online, returning to the foreground, a
 * timer, "Synkronisér nu"), one run at a time, and after a failure again with exponential backoff
 * and jitter so a team's tablets do not hammer a recovering server together. A failure that a
 * retry cannot fix (login needed, a client bug) stops the retries until the next request.
 *
 * Coming back online must not leave the tablet waiting out a long backoff (issue 15: 15–30 s on
 * "prøver igen om lidt"): a request made while a run is under way runs again as soon as that run
 * ends, even if it failed; after a reconnect the first few failures (the network is often "online"
 * before packets flow) retry at the base delay; and any successful request to the server resets
 * the backoff and brings a long pending retry forward.
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

/** Failures after a reconnect that are retried at the base delay before the backoff doubles. */
export const RECONNECT_QUICK_RETRIES = 5;

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
  /** A request (not a debounce) arrived during the current run: run once more even if it fails. */
  let requested = false;
  let attempt = 0;
  let quickRetries = 0;
  let timer: unknown;
  let timerDue = 0;
  let stopped = false;

  const schedule = (ms: number) => {
    if (timer !== undefined) clearTimer(timer);
    timerDue = Date.now() + ms;
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
    requested = false;
    let result: RunResult;
    try {
      result = await options.run();
    } catch {
      result = 'retry';
    }
    running = false;
    if (result === 'retry') {
      attempt++;
      if (requested) {
        // Someone asked during the failed run (online again, "Synkronisér nu"): try at once.
        void execute();
        return;
      }
      const quick = quickRetries > 0;
      if (quick) quickRetries--;
      schedule(backoffDelay(quick ? 1 : attempt, baseDelayMs, maxDelayMs, random));
      return;
    }
    attempt = 0;
    quickRetries = 0;
    if ((again || requested) && result === 'ok') void execute();
  }

  return {
    /**
     * Asks for a sync now (or right after the current one, whatever its outcome). Resets the
     * backoff. `reconnect` (the device came back online): the next failures retry quickly.
     */
    request(options: { reconnect?: boolean } = {}): void {
      if (timer !== undefined) {
        clearTimer(timer);
        timer = undefined;
      }
      attempt = 0;
      if (options.reconnect) quickRetries = RECONNECT_QUICK_RETRIES;
      if (running) requested = true;
      void execute();
    },
    /**
     * A request to the server succeeded (the network and the server are there): the backoff
     * starts over, and a retry waiting longer than the base delay is brought forward.
     */
    noteSuccess(): void {
      attempt = 0;
      if (timer !== undefined && timerDue - Date.now() > baseDelayMs) {
        schedule(backoffDelay(1, baseDelayMs, maxDelayMs, random));
      }
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
