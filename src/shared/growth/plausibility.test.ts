import { beforeAll, describe, expect, it } from 'vitest';
import { valueAtZ } from './lms.ts';
import { checkPlausibility, defaultPlausibilityOptions } from './plausibility.ts';
import { type GrowthReferences, loadGrowthReferences } from './reference.ts';

let refs: GrowthReferences;
beforeAll(async () => {
  refs = await loadGrowthReferences();
});

/** Weight in whole grams at a z-score, as a nurse would type it. */
const grams = (ageDays: number, z: number) =>
  Math.round((valueAtZ(refs['weight-for-age'], 'pige', ageDays, z) ?? 0) * 1000);
const cm = (ageDays: number, z: number) => valueAtZ(refs['length-for-age'], 'pige', ageDays, z) ?? 0;

describe('plausibility warnings', () => {
  it('is quiet for ordinary measurements', () => {
    expect(checkPlausibility(refs, 'pige', { ageDays: 0, weightGrams: 3400, lengthCm: 50, headCm: 34.2 })).toEqual([]);
    expect(checkPlausibility(refs, 'pige', { ageDays: 60 })).toEqual([]);
  });

  it('flags |z| > 4 as implausible and |z| > 3 as extreme', () => {
    // 4250 g typed as 425 g.
    expect(checkPlausibility(refs, 'pige', { ageDays: 30, weightGrams: 425 })).toEqual([
      { measure: 'weight', warning: 'implausible' },
    ]);
    expect(checkPlausibility(refs, 'pige', { ageDays: 100, weightGrams: grams(100, 3.5) })).toEqual([
      { measure: 'weight', warning: 'extreme' },
    ]);
    expect(checkPlausibility(refs, 'pige', { ageDays: 100, weightGrams: grams(100, -2.9) })).toEqual([]);
    expect(checkPlausibility(refs, 'pige', { ageDays: 100, lengthCm: Math.round(cm(100, -4.5)) })).toEqual([
      { measure: 'length', warning: 'implausible' },
    ]);
    // 42.5 cm typed as 24.5 cm.
    expect(checkPlausibility(refs, 'dreng', { ageDays: 120, headCm: 24.5 })).toEqual([
      { measure: 'head', warning: 'implausible' },
    ]);
  });

  it('flags a weight z-score change of more than 2 between visits', () => {
    const previous = { ageDays: 60, weightGrams: grams(60, 0.5) };
    expect(checkPlausibility(refs, 'pige', { ageDays: 120, weightGrams: grams(120, -1.8) }, previous)).toEqual([
      { measure: 'weight', warning: 'large-change' },
    ]);
    expect(checkPlausibility(refs, 'pige', { ageDays: 120, weightGrams: grams(120, -1.4) }, previous)).toEqual([]);
  });

  it('flags length or head circumference smaller than last time, allowing for lying versus standing', () => {
    expect(checkPlausibility(refs, 'pige', { ageDays: 200, lengthCm: 64.5 }, { ageDays: 190, lengthCm: 66 })).toEqual([
      { measure: 'length', warning: 'decrease' },
    ]);
    expect(checkPlausibility(refs, 'pige', { ageDays: 200, lengthCm: 65 }, { ageDays: 190, lengthCm: 66 })).toEqual([]);
    // 87 cm lying at 720 days, then 86.5 cm standing at 740 days: 87.2 cm lying, no decrease.
    expect(
      checkPlausibility(
        refs,
        'pige',
        { ageDays: 740, lengthCm: 86.5, lengthPosition: 'standing' },
        { ageDays: 720, lengthCm: 87, lengthPosition: 'recumbent' },
      ),
    ).toEqual([]);
    expect(checkPlausibility(refs, 'dreng', { ageDays: 200, headCm: 42.4 }, { ageDays: 150, headCm: 43 })).toEqual([
      { measure: 'head', warning: 'decrease' },
    ]);
  });

  it('compares only with an earlier measurement', () => {
    expect(checkPlausibility(refs, 'pige', { ageDays: 150, lengthCm: 60 }, { ageDays: 200, lengthCm: 66 })).toEqual([]);
  });

  it('says when there is no reference (age outside 0–1826 days)', () => {
    expect(checkPlausibility(refs, 'pige', { ageDays: -20, weightGrams: 2000 })).toEqual([
      { measure: 'weight', warning: 'no-reference' },
    ]);
    expect(checkPlausibility(refs, 'pige', { ageDays: 2000, headCm: 50 })).toEqual([
      { measure: 'head', warning: 'no-reference' },
    ]);
  });

  it('takes its thresholds as options', () => {
    const strict = { ...defaultPlausibilityOptions, extremeZ: 2 };
    expect(checkPlausibility(refs, 'pige', { ageDays: 100, weightGrams: grams(100, 2.5) }, null, strict)).toEqual([
      { measure: 'weight', warning: 'extreme' },
    ]);
  });
});
