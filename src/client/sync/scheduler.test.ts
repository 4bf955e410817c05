import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { backoffDelay, createScheduler, type RunResult } from './scheduler.ts';

function harness(results: RunResult[]) {
  const timers: { fn: () => void; ms: number }[] = [];
  let runs = 0;
  let resolveRun: (() => void) | undefined;
  const scheduler = createScheduler({
    run: async () => {
      runs++;
      await new Promise<void>((resolve) => {
        resolveRun = resolve;
        queueMicrotask(resolve);
      });
      return results.shift() ?? 'ok';
    },
    random: () => 0.5,
    setTimer: (fn, ms) => {
      timers.push({ fn, ms });
      return timers.length - 1;
    },
    clearTimer: () => undefined,
  });
  const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { scheduler, timers, runs: () => runs, flush, resolveRun };
}

describe('sync scheduler', () => {
  it('backs off exponentially with jitter between half and the full ceiling, capped', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.double({ min: 0, max: 1, noNaN: true }), (attempt, r) => {
        const delay = backoffDelay(attempt, 2000, 300_000, () => r);
        const ceiling = Math.min(300_000, 2000 * 2 ** (attempt - 1));
        expect(delay).toBeGreaterThanOrEqual(Math.floor(ceiling / 2));
        expect(delay).toBeLessThanOrEqual(ceiling);
      }),
    );
    expect(backoffDelay(1, 2000, 300_000, () => 1)).toBe(2000);
    expect(backoffDelay(3, 2000, 300_000, () => 1)).toBe(8000);
    expect(backoffDelay(20, 2000, 300_000, () => 1)).toBe(300_000);
  });

  it('retries a failed run later and resets the backoff after success', async () => {
    const h = harness(['retry', 'retry', 'ok']);
    h.scheduler.request();
    await h.flush();
    expect(h.runs()).toBe(1);
    expect(h.timers.map((t) => t.ms)).toEqual([1500]);
    h.timers[0]?.fn();
    await h.flush();
    expect(h.timers.map((t) => t.ms)).toEqual([1500, 3000]);
    h.timers[1]?.fn();
    await h.flush();
    expect(h.runs()).toBe(3);
    expect(h.scheduler.attempt).toBe(0);
  });

  it('does not retry a run that cannot succeed by retrying (login needed)', async () => {
    const h = harness(['stop']);
    h.scheduler.request();
    await h.flush();
    expect(h.timers).toHaveLength(0);
  });

  it('never runs two syncs at once: a request during a run runs once more afterwards', async () => {
    let concurrent = 0;
    let maxConcurrent = 0;
    let runs = 0;
    const scheduler = createScheduler({
      run: async () => {
        runs++;
        concurrent++;
        maxConcurrent = Math.max(maxConcurrent, concurrent);
        await new Promise((resolve) => setTimeout(resolve, 5));
        concurrent--;
        return 'ok';
      },
    });
    scheduler.request();
    scheduler.request();
    scheduler.request();
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(maxConcurrent).toBe(1);
    expect(runs).toBe(2);
    scheduler.stop();
  });
});

describe('sync scheduler after a reconnect (fake timers)', () => {
  /** A scheduler whose runs resolve with the given results, each taking `runMs`. */
  function timed(results: RunResult[], runMs = 100) {
    let runs = 0;
    const scheduler = createScheduler({
      random: () => 1,
      run: async () => {
        runs++;
        await new Promise((resolve) => setTimeout(resolve, runMs));
        return results.shift() ?? 'ok';
      },
    });
    return { scheduler, runs: () => runs };
  }

  it('an online event during a failing run runs again at once, not after the backoff', async () => {
    vi.useFakeTimers();
    const h = timed(['retry', 'retry', 'retry', 'ok']);
    h.scheduler.request();
    await vi.advanceTimersByTimeAsync(100); // fails: retry in 2 s
    await vi.advanceTimersByTimeAsync(2_050); // the retry starts and is under way…
    h.scheduler.request({ reconnect: true }); // …when the tablet comes back online
    await vi.advanceTimersByTimeAsync(100); // that run fails (the old network)
    expect(h.runs()).toBe(3);
    await vi.advanceTimersByTimeAsync(100);
    // The reconnect was honoured right after the failed run, instead of waiting out 8 s.
    expect(h.runs()).toBe(3);
    // …and its failure is retried at the base delay (a reconnect), then it succeeds.
    await vi.advanceTimersByTimeAsync(2_100);
    expect(h.runs()).toBe(4);
    expect(h.scheduler.attempt).toBe(0);
    h.scheduler.stop();
    vi.useRealTimers();
  });

  it('after a reconnect, the first failures retry quickly instead of doubling to 16–32 s', async () => {
    vi.useFakeTimers();
    const h = timed(['retry', 'retry', 'retry', 'retry', 'ok'], 10);
    h.scheduler.request({ reconnect: true });
    // Wi-Fi is "online" before packets flow: four quick failures, then success, all within ~10 s.
    await vi.advanceTimersByTimeAsync(9_000);
    expect(h.runs()).toBe(5);
    expect(h.scheduler.attempt).toBe(0);
    h.scheduler.stop();
    vi.useRealTimers();
  });

  it('a successful request resets the backoff and brings a long wait forward', async () => {
    vi.useFakeTimers();
    const h = timed(['retry', 'retry', 'retry', 'retry', 'ok'], 10);
    h.scheduler.request();
    await vi.advanceTimersByTimeAsync(2_000 + 4_000 + 8_000 + 100); // four failures: next in 16 s
    expect(h.runs()).toBe(4);
    expect(h.scheduler.attempt).toBe(4);
    h.scheduler.noteSuccess(); // e.g. the login renewal or a push answered while the pull failed
    expect(h.scheduler.attempt).toBe(0);
    await vi.advanceTimersByTimeAsync(2_100);
    expect(h.runs()).toBe(5);
    h.scheduler.stop();
    vi.useRealTimers();
  });
});
