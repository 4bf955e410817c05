import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inverseNormalCdf, normalCdf } from './normal.ts';

describe('normal distribution', () => {
  it('matches published values of Φ', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1)).toBeCloseTo(0.8413447460685429, 14);
    expect(normalCdf(-1.96)).toBeCloseTo(0.024997895148220435, 14);
    expect(normalCdf(2)).toBeCloseTo(0.9772498680518208, 14);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301035, 15);
    expect(normalCdf(-8) / 6.220960574271785e-16).toBeCloseTo(1, 7);
    expect(normalCdf(40)).toBe(1);
    expect(normalCdf(-40)).toBe(0);
  });

  it('matches published quantiles', () => {
    expect(inverseNormalCdf(0.5)).toBeCloseTo(0, 14);
    expect(inverseNormalCdf(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(inverseNormalCdf(0.03)).toBeCloseTo(-1.880793608151251, 12);
    expect(inverseNormalCdf(0.001)).toBeCloseTo(-3.090232306167813, 11);
    expect(inverseNormalCdf(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(inverseNormalCdf(1)).toBe(Number.POSITIVE_INFINITY);
    expect(inverseNormalCdf(1.2)).toBeNaN();
  });

  it('is symmetric and inverts (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -7, max: 7, noNaN: true }), (z) => {
        expect(normalCdf(z) + normalCdf(-z)).toBeCloseTo(1, 15);
        // Above z ≈ 4, Φ(z) is within 1e-5 of 1 and p itself no longer pins z down to 7 places.
        if (z < 4) expect(inverseNormalCdf(normalCdf(z))).toBeCloseTo(z, 7);
      }),
    );
  });
});
