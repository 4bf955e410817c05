/**
 * Limits failed logins per username and per client address in a sliding window (in memory: a
 * restart forgets, which is acceptable for one small server). Only failures count, so a nurse who
 * logs in correctly many times is never locked out; a success clears that username's failures.
 * Client addresses are request.ip: behind a reverse proxy, enable Fastify's trustProxy.
 */

export type LimitRule = { max: number; windowMs: number };

export const defaultLoginLimits = {
  perUsername: { max: 5, windowMs: 15 * 60_000 },
  perAddress: { max: 20, windowMs: 15 * 60_000 },
} satisfies Record<string, LimitRule>;

class FailureWindow {
  private readonly failures = new Map<string, number[]>();
  private readonly rule: LimitRule;
  constructor(rule: LimitRule) {
    this.rule = rule;
  }

  private recent(key: string, now: number): number[] {
    const kept = (this.failures.get(key) ?? []).filter((t) => t > now - this.rule.windowMs);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return kept;
  }

  /** Milliseconds until another attempt is allowed, or 0. */
  retryAfterMs(key: string, now: number): number {
    const recent = this.recent(key, now);
    if (recent.length < this.rule.max) return 0;
    const oldestThatMatters = recent[recent.length - this.rule.max] ?? now;
    return Math.max(1, oldestThatMatters + this.rule.windowMs - now);
  }

  fail(key: string, now: number): void {
    // Bounded memory under a spray of distinct usernames: drop expired windows once in a while.
    if (this.failures.size > 10_000) for (const k of [...this.failures.keys()]) this.recent(k, now);
    this.failures.set(key, [...this.recent(key, now), now]);
  }

  clear(key: string): void {
    this.failures.delete(key);
  }

  /** Takes back one failure recorded at `at` (an attempt that turned out to succeed). */
  forget(key: string, at: number): void {
    const list = this.failures.get(key) ?? [];
    const index = list.indexOf(at);
    if (index >= 0) list.splice(index, 1);
    if (list.length === 0) this.failures.delete(key);
  }
}

export class LoginLimiter {
  private readonly byUsername: FailureWindow;
  private readonly byAddress: FailureWindow;
  constructor(limits: { perUsername: LimitRule; perAddress: LimitRule } = defaultLoginLimits) {
    this.byUsername = new FailureWindow(limits.perUsername);
    this.byAddress = new FailureWindow(limits.perAddress);
  }

  /** Whole seconds to wait before trying again (for Retry-After), or 0 when allowed. */
  retryAfterSeconds(username: string, address: string, now: number): number {
    const ms = Math.max(this.byUsername.retryAfterMs(key(username), now), this.byAddress.retryAfterMs(address, now));
    return Math.ceil(ms / 1000);
  }

  /**
   * Counts an attempt as failed BEFORE the (slow) password check, so parallel guesses cannot slip
   * past the limit while earlier ones are still being verified; `succeeded` takes it back.
   */
  recordFailure(username: string, address: string, now: number): void {
    this.byUsername.fail(key(username), now);
    this.byAddress.fail(address, now);
  }

  /** The attempt recorded at `at` succeeded: clear the username's failures and undo the address count. */
  succeeded(username: string, address: string, at: number): void {
    this.byUsername.clear(key(username));
    this.byAddress.forget(address, at);
  }
}

const key = (username: string) => username.trim().toLowerCase();
