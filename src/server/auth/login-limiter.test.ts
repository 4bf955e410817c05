import { describe, expect, it } from 'vitest';
import { LoginLimiter, type LoginLimits } from './login-limiter.ts';

const limits: LoginLimits = {
  pair: { freeFailures: 3, baseDelayMs: 10_000, maxDelayMs: 60_000, forgetAfterMs: 3_600_000 },
  address: { max: 10, windowMs: 60_000 },
};

describe('LoginLimiter', () => {
  it('lets the first failures of a pair through, then delays with growing waits', () => {
    const limiter = new LoginLimiter(limits);
    for (let t = 0; t < 3; t++) {
      expect(limiter.retryAfterSeconds('Anna', '10.0.0.1', t)).toBe(0);
      limiter.recordFailure('anna', '10.0.0.1', t);
    }
    expect(limiter.check('ANNA', '10.0.0.1', 2)).toEqual({ retryAfterSeconds: 10, scope: 'account' });
    limiter.recordFailure('anna', '10.0.0.1', 10_002);
    expect(limiter.retryAfterSeconds('anna', '10.0.0.1', 10_002)).toBe(20);
    limiter.recordFailure('anna', '10.0.0.1', 30_002);
    expect(limiter.retryAfterSeconds('anna', '10.0.0.1', 30_002)).toBe(40);
    limiter.recordFailure('anna', '10.0.0.1', 70_002);
    // Capped at the maximum delay.
    expect(limiter.retryAfterSeconds('anna', '10.0.0.1', 70_002)).toBe(60);
  });

  it('never locks the account out from another address', () => {
    const limiter = new LoginLimiter(limits);
    for (let t = 0; t < 8; t++) limiter.recordFailure('anna', '203.0.113.9', t);
    expect(limiter.retryAfterSeconds('anna', '203.0.113.9', 10)).toBeGreaterThan(0);
    expect(limiter.check('anna', '10.0.0.7', 10)).toEqual({ retryAfterSeconds: 0, scope: null });
  });

  it('limits one address across accounts in a sliding window', () => {
    const limiter = new LoginLimiter(limits);
    for (let i = 0; i < 10; i++) limiter.recordFailure(`user${i}`, '10.0.0.1', 0);
    expect(limiter.check('someone-else', '10.0.0.1', 1000)).toEqual({ retryAfterSeconds: 59, scope: 'address' });
    expect(limiter.retryAfterSeconds('someone-else', '10.0.0.9', 1000)).toBe(0);
    expect(limiter.retryAfterSeconds('someone-else', '10.0.0.1', 60_001)).toBe(0);
  });

  it('clears the pair after a success and takes back its address count', () => {
    const limiter = new LoginLimiter(limits);
    for (let i = 0; i < 2; i++) limiter.recordFailure('anna', '10.0.0.1', 0);
    limiter.recordFailure('anna', '10.0.0.1', 5);
    limiter.succeeded('Anna', '10.0.0.1', 5);
    limiter.recordFailure('anna', '10.0.0.1', 10);
    limiter.recordFailure('anna', '10.0.0.1', 11);
    expect(limiter.retryAfterSeconds('anna', '10.0.0.1', 12)).toBe(0);
  });

  it('forgets a pair a day after its last failure', () => {
    const limiter = new LoginLimiter(limits);
    for (let t = 0; t < 6; t++) limiter.recordFailure('anna', '10.0.0.1', t);
    expect(limiter.retryAfterSeconds('anna', '10.0.0.1', 3_600_006)).toBe(0);
  });
});
