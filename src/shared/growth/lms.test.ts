import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  lmsAt,
  percentile,
  percentileFromZ,
  valueAtPercentile,
  valueAtZ,
  zFromLms,
  zFromPercentile,
  zScore,
} from './lms.ts';
import { type GrowthReferences, indicators, loadGrowthReferences } from './reference.ts';

let refs: GrowthReferences;
beforeAll(async () => {
  refs = await loadGrowthReferences();
});

const weight = () => refs['weight-for-age'];
const length = () => refs['length-for-age'];
const head = () => refs['head-circumference-for-age'];

describe('LMS z-scores (WHO 2006)', () => {
  it('gives z = 0 at the median for boys weight at birth (M = 3.3464 kg)', () => {
    expect(lmsAt(weight(), 'dreng', 0)).toEqual({ l: 0.3487, m: 3.3464, s: 0.14602 });
    expect(zScore(weight(), { sex: 'dreng', ageDays: 0, value: 3.3464 })).toBeCloseTo(0, 12);
  });

  it('gives z = 0 at the median for boys weight at 365 days, consistent with WHO 12-month M = 9.6479', () => {
    const m365 = lmsAt(weight(), 'dreng', 365)?.m ?? Number.NaN;
    const m366 = lmsAt(weight(), 'dreng', 366)?.m ?? Number.NaN;
    expect(m365).toBe(9.646);
    expect(zScore(weight(), { sex: 'dreng', ageDays: 365, value: m365 })).toBeCloseTo(0, 12);
    // WHO's monthly table is at 12 × 30.4375 = 365.25 days.
    expect(m365 + 0.25 * (m366 - m365)).toBeCloseTo(9.6479, 4);
  });

  it('is normal for boys length at 730 days (L = 1): z(M) = 0, z(M(1 + 2S)) = 2', () => {
    const lms = lmsAt(length(), 'dreng', 730);
    expect(lms).toEqual({ l: 1, m: 87.8018, s: 0.03479 });
    const { m, s } = lms ?? { m: 0, s: 0 };
    expect(zScore(length(), { sex: 'dreng', ageDays: 730, value: m, position: 'recumbent' })).toBeCloseTo(0, 12);
    expect(zScore(length(), { sex: 'dreng', ageDays: 730, value: m * (1 + 2 * s) })).toBeCloseTo(2, 12);
    // WHO's 24-month length median 87.8161 lies half a day on (730.5 days).
    const m729 = lmsAt(length(), 'dreng', 729)?.m ?? Number.NaN;
    expect(m + 0.5 * (m - m729)).toBeCloseTo(87.8161, 3);
  });

  it('agrees with the WHO anthro package tests', () => {
    // anthro: boy, 44 days, length 50 cm → ((50/56.4833) − 1)/0.03492.
    expect(zScore(length(), { sex: 'dreng', ageDays: 44, value: 50 })).toBeCloseTo((50 / 56.4833 - 1) / 0.03492, 12);
    // anthro: girl, 1522 days, 17 kg → 0.24 (rounded to 2 decimals).
    expect(zScore(weight(), { sex: 'pige', ageDays: 1522, value: 17 })?.toFixed(2)).toBe('0.24');
    // anthro: girl, 1 day, 10.37 kg is flagged (z > 5).
    expect(zScore(weight(), { sex: 'pige', ageDays: 1, value: 10.37 })).toBeGreaterThan(5);
  });

  it('extends weight linearly beyond +3 SD (restricted tails), by hand', () => {
    // Boys at birth: L = 0.3487, M = 3.3464, S = 0.14602; SDk = M(1 + L·S·k)^(1/L).
    // SD2 = 4.41935, SD3 = 5.03064; x = 5.5: z = 3 + (5.5 − 5.03064)/(5.03064 − 4.41935) = 3.76783
    // (plain LMS would give 3.71526).
    expect(zScore(weight(), { sex: 'dreng', ageDays: 0, value: 5.5 })).toBeCloseTo(3.76783, 4);
    // SD−2 = 2.45931, SD−3 = 2.08031; x = 1.5: z = −3 + (1.5 − 2.08031)/(2.45931 − 2.08031) = −4.53114.
    expect(zScore(weight(), { sex: 'dreng', ageDays: 0, value: 1.5 })).toBeCloseTo(-4.53114, 4);
    // Continuous at ±3: the SD3 curve itself scores exactly 3.
    const sd3 = valueAtZ(weight(), 'dreng', 0, 3) ?? 0;
    expect(sd3).toBeCloseTo(5.03064, 4);
    expect(zScore(weight(), { sex: 'dreng', ageDays: 0, value: sd3 })).toBeCloseTo(3, 12);
  });

  it('does not restrict the tails for length (L = 1 keeps the LMS z)', () => {
    const lms = lmsAt(length(), 'pige', 100) ?? { l: 1, m: 1, s: 1 };
    expect(zScore(length(), { sex: 'pige', ageDays: 100, value: 50 })).toBeCloseTo(zFromLms(lms, 50, false), 12);
  });

  it('round-trips the SD curves at z = ±2 (and beyond ±3) through the z-score', () => {
    for (const indicator of indicators) {
      for (const sex of ['dreng', 'pige'] as const) {
        for (const ageDays of [0, 61, 365, 730, 731, 1826]) {
          for (const z of [-4, -3, -2, 2, 3, 4.5]) {
            const x = valueAtZ(refs[indicator], sex, ageDays, z);
            expect(x).not.toBeNull();
            expect(zScore(refs[indicator], { sex, ageDays, value: x ?? 0 })).toBeCloseTo(z, 10);
          }
        }
      }
    }
  });

  it('round-trips any age and z (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...indicators),
        fc.constantFrom('dreng' as const, 'pige' as const),
        fc.integer({ min: 0, max: 1826 }),
        fc.double({ min: -5, max: 5, noNaN: true }),
        (indicator, sex, ageDays, z) => {
          const x = valueAtZ(refs[indicator], sex, ageDays, z) ?? Number.NaN;
          expect(zScore(refs[indicator], { sex, ageDays, value: x })).toBeCloseTo(z, 9);
        },
      ),
    );
  });

  it('treats head circumference as normal (L = 1): M(1 + S) is z = 1', () => {
    const lms = lmsAt(head(), 'pige', 200) ?? { l: 0, m: 0, s: 0 };
    expect(lms.l).toBe(1);
    expect(zScore(head(), { sex: 'pige', ageDays: 200, value: lms.m * (1 + lms.s) })).toBeCloseTo(1, 12);
  });

  it('converts standing height and recumbent length by 0.7 cm around 731 days', () => {
    const z = (ageDays: number, value: number, position?: 'recumbent' | 'standing') =>
      zScore(length(), { sex: 'dreng', ageDays, value, position });
    expect(length().standingFromDay).toBe(731);
    // After 730 days the reference is height: a lying length counts 0.7 cm less.
    expect(z(800, 90.7, 'recumbent')).toBeCloseTo(z(800, 90, 'standing') ?? Number.NaN, 12);
    expect(z(731, 88, 'recumbent')).toBeCloseTo(z(731, 87.3) ?? Number.NaN, 12);
    // Before 731 days the reference is length: a standing height counts 0.7 cm more.
    expect(z(500, 80, 'standing')).toBeCloseTo(z(500, 80.7, 'recumbent') ?? Number.NaN, 12);
    expect(z(730, 80, 'standing')).toBeCloseTo(z(730, 80.7) ?? Number.NaN, 12);
    // Position is ignored by the other tables.
    expect(zScore(head(), { sex: 'dreng', ageDays: 800, value: 48, position: 'recumbent' })).toBe(
      zScore(head(), { sex: 'dreng', ageDays: 800, value: 48 }),
    );
  });

  it('returns null outside the table or for impossible values, never throws', () => {
    for (const ageDays of [-1, 1827, 12.5, Number.NaN]) {
      expect(zScore(weight(), { sex: 'pige', ageDays, value: 5 })).toBeNull();
      expect(valueAtZ(weight(), 'pige', ageDays, 0)).toBeNull();
    }
    for (const value of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(zScore(weight(), { sex: 'pige', ageDays: 10, value })).toBeNull();
    }
    expect(zScore(weight(), { sex: 'pige', ageDays: 1826, value: 18.2179 })).toBeCloseTo(0, 12);
    expect(valueAtZ(length(), 'pige', 10, -40)).toBeNull();
    expect(valueAtPercentile(weight(), 'pige', 10, 0)).toBeNull();
    expect(valueAtPercentile(weight(), 'pige', 10, 100)).toBeNull();
  });
});

describe('percentiles', () => {
  it('maps z to percentiles with Φ', () => {
    expect(percentileFromZ(0)).toBe(50);
    expect(percentileFromZ(-2)).toBeCloseTo(2.275013194817921, 12);
    expect(percentileFromZ(1.8807936081512509)).toBeCloseTo(97, 10);
    expect(zFromPercentile(3)).toBeCloseTo(-1.880793608151251, 10);
    expect(percentile(weight(), { sex: 'dreng', ageDays: 0, value: 3.3464 })).toBeCloseTo(50, 10);
    expect(percentile(weight(), { sex: 'dreng', ageDays: -3, value: 3.3464 })).toBeNull();
  });

  it('draws the percentile curves: P50 is M, and P97 round-trips', () => {
    expect(valueAtPercentile(weight(), 'pige', 0, 50)).toBeCloseTo(3.2322, 10);
    const p97 = valueAtPercentile(head(), 'dreng', 300, 97) ?? 0;
    expect(percentile(head(), { sex: 'dreng', ageDays: 300, value: p97 })).toBeCloseTo(97, 9);
  });
});
