import { beforeAll, describe, expect, it } from 'vitest';
import { type GrowthReferences, loadGrowthReferences } from '../growth/reference.ts';
import { type DatedMeasurement, measurementSummary } from './measurement-summary.ts';

let refs: GrowthReferences;
beforeAll(async () => {
  refs = await loadGrowthReferences();
});

const boy = { sex: 'dreng' as const, birthDate: '2024-01-01', gestationalAgeWeeks: 40, gestationalAgeDays: 0 };
const nothing = { weightGrams: null, lengthCm: null, lengthPosition: '' as const, headCircumferenceCm: null };

describe('measurementSummary', () => {
  it('gives z = 0 and the 50th percentile at the WHO median: boys, 365 days, 9.646 kg', () => {
    // 2024 is a leap year: 2024-12-31 is day 365.
    const summary = measurementSummary(boy, { ...nothing, date: '2024-12-31', weightGrams: 9646 }, refs);
    expect(summary.referenceAgeDays).toBe(365);
    expect(summary.age.useCorrected).toBe(false);
    expect(summary.weight).toMatchObject({ measure: 'weight', value: 9646, unit: 'g', warnings: [] });
    expect(summary.weight?.z).toBeCloseTo(0, 10);
    expect(summary.weight?.percentile).toBeCloseTo(50, 8);
    expect(summary.length).toBeNull();
    expect(summary.head).toBeNull();
  });

  it('agrees with the WHO anthro test point: boy, 44 days, length 50 cm lying', () => {
    const summary = measurementSummary(
      boy,
      { ...nothing, date: '2024-02-14', lengthCm: 50, lengthPosition: 'liggende' },
      refs,
    );
    const z = (50 / 56.4833 - 1) / 0.03492;
    expect(summary.referenceAgeDays).toBe(44);
    expect(summary.length?.z).toBeCloseTo(z, 10);
    // Far below the median for the age: flagged for a second look.
    expect(summary.length?.warnings).toEqual(['extreme']);
  });

  it('converts a standing height before the reference expects one (+0.7 cm)', () => {
    const lying = measurementSummary(
      boy,
      { ...nothing, date: '2025-07-01', lengthCm: 80, lengthPosition: 'liggende' },
      refs,
    );
    const standing = measurementSummary(
      boy,
      { ...nothing, date: '2025-07-01', lengthCm: 80, lengthPosition: 'staaende' },
      refs,
    );
    expect(standing.length?.z).toBeGreaterThan(lying.length?.z ?? Number.POSITIVE_INFINITY);
  });

  it('uses the corrected age of a preterm child and says so', () => {
    const preterm = { ...boy, gestationalAgeWeeks: 32 };
    const summary = measurementSummary(preterm, { ...nothing, date: '2024-05-01', headCircumferenceCm: 38.5 }, refs);
    expect(summary.age.useCorrected).toBe(true);
    expect(summary.referenceAgeDays).toBe(summary.age.chronologicalDays - 56);
    expect(summary.head?.z).not.toBeNull();
  });

  it('warns on a slip and on a change against the previous measurement, and has no z outside the table', () => {
    const previous: DatedMeasurement = {
      ...nothing,
      date: '2024-10-01',
      weightGrams: 8500,
      lengthCm: 72,
      lengthPosition: 'liggende',
    };
    const slip = measurementSummary(
      boy,
      { ...nothing, date: '2024-12-31', weightGrams: 965, lengthCm: 68, lengthPosition: 'liggende' },
      refs,
      { previous },
    );
    expect(slip.weight?.warnings).toEqual(expect.arrayContaining(['implausible', 'large-change']));
    expect(slip.length?.warnings).toContain('decrease');
    const old = measurementSummary(boy, { ...nothing, date: '2029-06-01', weightGrams: 20000 }, refs);
    expect(old.weight).toMatchObject({ z: null, percentile: null, warnings: ['no-reference'] });
  });
});
