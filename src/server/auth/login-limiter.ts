/**
 * Failed-login limits that an attacker cannot turn against a nurse (issue 14 §4):
 *
 * - per (account, address) pair, growing delays: the first failures are free, then each further
 *   failure doubles the wait (30 s, 1 min, 2 min … up to 15 min). Someone guessing at Anna's
 *   account from a café locks out only the café, never Anna's tablet at the office;
 * - per address, a sliding window across all accounts (password spraying from one place).
 *
 * There is deliberately no per-account limit across addresses: that is the lever that lets any
 * address lock any nurse out. Guessing from many addresses is bounded by the password policy
 * (a strength estimator) and the memory-hard hash. The address is request.ip, which is the real
 * client only when TRUST_PROXY names the municipality's proxy (config.ts). In memory: a restart
 * forgets, which is acceptable for one small server.
 */

export type LoginLimits = {
  pair: { freeFailures: number; baseDelayMs: number; maxDelayMs: number; forgetAfterMs: number };
  address: { max: number; windowMs: number };
};

export const defaultLoginLimits: LoginLimits = {
  pair: { freeFailures: 5, baseDelayMs: 30_000, maxDelayMs: 15 * 60_000, forgetAfterMs: 24 * 3_600_000 },
  address: { max: 50, windowMs: 15 * 60_000 },
};

export type LimitScope = 'account' | 'address';
export type LimitVerdict = { retryAfterSeconds: number; scope: LimitScope | null };

type PairState = { failures: number; last: number; attempts: number[] };

/** Bounded memory under a spray of distinct usernames or addresses. */
const MAX_KEYS = 20_000;

export class LoginLimiter {
  private readonly limits: LoginLimits;
  private readonly pairs = new Map<string, PairState>();
  private readonly addresses = new Map<string, number[]>();
  constructor(limits: LoginLimits = defaultLoginLimits) {
    this.limits = limits;
  }

  /** The wait after `failures` failures of a pair (0 while they are free). */
  delayMs(failures: number): number {
    const { freeFailures, baseDelayMs, maxDelayMs } = this.limits.pair;
    if (failures < freeFailures) return 0;
    return Math.min(maxDelayMs, baseDelayMs * 2 ** (failures - freeFailures));
  }

  private pair(username: string, address: string, now: number): PairState | undefined {
    const key = pairKey(username, address);
    const state = this.pairs.get(key);
    if (state && now - state.last > this.limits.pair.forgetAfterMs) {
      this.pairs.delete(key);
      return undefined;
    }
    return state;
  }

  private recentAt(address: string, now: number): number[] {
    const kept = (this.addresses.get(address) ?? []).filter((t) => t > now - this.limits.address.windowMs);
    if (kept.length === 0) this.addresses.delete(address);
    else this.addresses.set(address, kept);
    return kept;
  }

  /** Whether an attempt may be made now, and if not, how long to wait and why. */
  check(username: string, address: string, now: number): LimitVerdict {
    const state = this.pair(username, address, now);
    const pairWait = state ? Math.max(0, state.last + this.delayMs(state.failures) - now) : 0;
    const recent = this.recentAt(address, now);
    const { max, windowMs } = this.limits.address;
    const oldest = recent[recent.length - max];
    const addressWait = recent.length >= max && oldest !== undefined ? Math.max(1, oldest + windowMs - now) : 0;
    if (pairWait === 0 && addressWait === 0) return { retryAfterSeconds: 0, scope: null };
    return pairWait >= addressWait
      ? { retryAfterSeconds: Math.ceil(pairWait / 1000), scope: 'account' }
      : { retryAfterSeconds: Math.ceil(addressWait / 1000), scope: 'address' };
  }

  /** Whole seconds to wait before trying again (for Retry-After), or 0 when allowed. */
  retryAfterSeconds(username: string, address: string, now: number): number {
    return this.check(username, address, now).retryAfterSeconds;
  }

  /**
   * Counts an attempt as failed BEFORE the (slow) password check, so parallel guesses cannot slip
   * past the limit while earlier ones are still being verified; `succeeded` takes it back.
   */
  recordFailure(username: string, address: string, now: number): void {
    if (this.pairs.size > MAX_KEYS) this.sweep(now);
    const state = this.pair(username, address, now) ?? { failures: 0, last: now, attempts: [] };
    state.failures += 1;
    state.last = now;
    state.attempts.push(now);
    if (state.attempts.length > 64) state.attempts.shift();
    this.pairs.set(pairKey(username, address), state);
    if (this.addresses.size > MAX_KEYS) for (const a of [...this.addresses.keys()]) this.recentAt(a, now);
    this.addresses.set(address, [...this.recentAt(address, now), now]);
  }

  /** The attempt recorded at `at` succeeded: clear the pair and undo its address count. */
  succeeded(username: string, address: string, at: number): void {
    this.pairs.delete(pairKey(username, address));
    const list = this.addresses.get(address) ?? [];
    const index = list.indexOf(at);
    if (index >= 0) list.splice(index, 1);
    if (list.length === 0) this.addresses.delete(address);
  }

  private sweep(now: number): void {
    for (const [key, state] of this.pairs) {
      if (now - state.last > this.limits.pair.forgetAfterMs) this.pairs.delete(key);
    }
  }
}

const pairKey = (username: string, address: string) => `${username.normalize('NFC').trim().toLowerCase()}\n${address}`;
