import { describe, expect, it } from 'vitest';
import { LoginLimiter } from './login-limiter.ts';

const limits = { perUsername: { max: 3, windowMs: 60_000 }, perAddress: { max: 5, windowMs: 60_000 } };

describe('LoginLimiter', () => {
  it('allows up to max failures per username, then says how long to wait', () => {
    const limiter = new LoginLimiter(limits);
    for (let t = 0; t < 3; t++) {
      expect(limiter.retryAfterSeconds('Anna', '10.0.0.1', t * 1000)).toBe(0);
      limiter.recordFailure('anna', '10.0.0.1', t * 1000);
    }
    // The first failure (t=0) leaves the window at 60 s.
    expect(limiter.retryAfterSeconds('ANNA', '10.0.0.2', 10_000)).toBe(50);
    expect(limiter.retryAfterSeconds('anna', '10.0.0.2', 60_001)).toBe(0);
  });

  it('counts per address across usernames', () => {
    const limiter = new LoginLimiter(limits);
    for (let i = 0; i < 5; i++) limiter.recordFailure(`user${i}`, '10.0.0.1', 0);
    expect(limiter.retryAfterSeconds('someone-else', '10.0.0.1', 1000)).toBe(59);
    expect(limiter.retryAfterSeconds('someone-else', '10.0.0.9', 1000)).toBe(0);
  });

  it('clears a username after a success but keeps the address count', () => {
    const limiter = new LoginLimiter(limits);
    for (let i = 0; i < 2; i++) limiter.recordFailure('anna', '10.0.0.1', 0);
    // The successful attempt was counted up front (at t=5) and is taken back.
    limiter.recordFailure('anna', '10.0.0.1', 5);
    limiter.succeeded('Anna', '10.0.0.1', 5);
    limiter.recordFailure('anna', '10.0.0.1', 10);
    expect(limiter.retryAfterSeconds('anna', '10.0.0.1', 10)).toBe(0);
    limiter.recordFailure('bo', '10.0.0.1', 10);
    // Address: failures at 0, 0, 10, 10 → one more is allowed, then the limit holds.
    expect(limiter.retryAfterSeconds('carl', '10.0.0.1', 10)).toBe(0);
    limiter.recordFailure('carl', '10.0.0.1', 10);
    expect(limiter.retryAfterSeconds('dora', '10.0.0.1', 10)).toBe(60);
  });
});
