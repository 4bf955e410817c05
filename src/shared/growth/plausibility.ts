/**
 * Soft plausibility warnings for a newly entered measurement, so a typing slip (4250 g entered as
 * 425 g, 62 cm as 26 cm) is noticed before it is saved. Warnings never block: the nurse confirms or
 * corrects. They are codes; the UI owns the wording. Thresholds are options (unverified defaults).
 */
import { LENGTH_HEIGHT_DIFFERENCE_CM, type LengthPosition, zScore } from './lms.ts';
import type { GrowthReferences, Indicator, Sex } from './reference.ts';

export type Measure = 'weight' | 'length' | 'head';

export type PlausibilityWarning =
  /** |z| above implausibleZ: almost certainly a mistyped or mismeasured value. */
  | 'implausible'
  /** |z| above extremeZ: possible, but worth a second look. */
  | 'extreme'
  /** The z-score moved more than largeChangeZ since the previous measurement. */
  | 'large-change'
  /** Length or head circumference smaller than last time by more than the measuring error. */
  | 'decrease'
  /** No z-score: the age is outside the reference (0–1826 days) or the value is not positive. */
  | 'no-reference';

export type PlausibilityFinding = { measure: Measure; warning: PlausibilityWarning };

export type Measurements = {
  /** Whole grams. */
  weightGrams?: number | null;
  /** Whole cm. */
  lengthCm?: number | null;
  lengthPosition?: LengthPosition;
  /** cm with one decimal. */
  headCm?: number | null;
};

export type DatedMeasurements = Measurements & {
  /** Age in days as used for growth (corrected for a preterm child). */
  ageDays: number;
};

export type PlausibilityOptions = {
  implausibleZ: number;
  extremeZ: number;
  largeChangeZ: number;
  lengthDecreaseCm: number;
  headDecreaseCm: number;
};

export const defaultPlausibilityOptions: PlausibilityOptions = {
  implausibleZ: 4,
  extremeZ: 3,
  largeChangeZ: 2,
  lengthDecreaseCm: 1,
  headDecreaseCm: 0.5,
};

const indicatorOf: Record<Measure, Indicator> = {
  weight: 'weight-for-age',
  length: 'length-for-age',
  head: 'head-circumference-for-age',
};

/** The value in the reference's unit (kg for weight), or null when not recorded. */
function referenceValue(measure: Measure, m: Measurements): number | null {
  if (measure === 'weight') return m.weightGrams == null ? null : m.weightGrams / 1000;
  if (measure === 'length') return m.lengthCm ?? null;
  return m.headCm ?? null;
}

/** Length as if measured lying, so a lying and a standing measurement can be compared. */
function lyingLength(m: Measurements, value: number): number {
  return m.lengthPosition === 'standing' ? value + LENGTH_HEIGHT_DIFFERENCE_CM : value;
}

export function checkPlausibility(
  references: GrowthReferences,
  sex: Sex,
  current: DatedMeasurements,
  previous: DatedMeasurements | null = null,
  options: PlausibilityOptions = defaultPlausibilityOptions,
): PlausibilityFinding[] {
  const findings: PlausibilityFinding[] = [];
  for (const measure of ['weight', 'length', 'head'] as const) {
    const value = referenceValue(measure, current);
    if (value === null) continue;
    const table = references[indicatorOf[measure]];
    const position = measure === 'length' ? current.lengthPosition : undefined;
    const z = zScore(table, { sex, ageDays: current.ageDays, value, position });
    const add = (warning: PlausibilityWarning) => findings.push({ measure, warning });

    if (z === null) add('no-reference');
    else if (Math.abs(z) > options.implausibleZ) add('implausible');
    else if (Math.abs(z) > options.extremeZ) add('extreme');

    const before = previous ? referenceValue(measure, previous) : null;
    // Change checks compare with an earlier measurement only.
    if (!previous || before === null || previous.ageDays > current.ageDays) continue;
    const zBefore = zScore(table, {
      sex,
      ageDays: previous.ageDays,
      value: before,
      position: measure === 'length' ? previous.lengthPosition : undefined,
    });
    if (z !== null && zBefore !== null && Math.abs(z - zBefore) > options.largeChangeZ) add('large-change');

    // Children do not shrink; weight may fall, so it has no such check.
    if (measure === 'length' && lyingLength(previous, before) - lyingLength(current, value) > options.lengthDecreaseCm)
      add('decrease');
    if (measure === 'head' && before - value > options.headDecreaseCm) add('decrease');
  }
  return findings;
}
