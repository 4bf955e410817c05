/**
 * z-scores, percentiles and plausibility warnings for a visit's measurements, computed from the
 * stored raw values with the growth module (never stored, never typed): the child's age on the
 * measurement date (corrected age for a preterm child under 24 months), the WHO LMS tables, and
 * soft plausibility checks against an optional earlier measurement.
 */

import { type GrowthAge, growthAge, referenceAgeDays } from '../growth/age.ts';
import { type LengthPosition, percentileFromZ, zScore } from '../growth/lms.ts';
import {
  checkPlausibility,
  type DatedMeasurements,
  defaultPlausibilityOptions,
  type Measure,
  type PlausibilityOptions,
  type PlausibilityWarning,
} from '../growth/plausibility.ts';
import type { GrowthReferences, Indicator } from '../growth/reference.ts';
import type { Child } from '../schemas/child.ts';
import type { LengthPositionDa, MeasurementsValues } from './observation.ts';

export type GrowthChild = Pick<Child, 'sex' | 'birthDate' | 'gestationalAgeWeeks' | 'gestationalAgeDays'>;

/** A measurement as stored in a measurements section, with the date it was taken (the visit's). */
export type DatedMeasurement = Pick<
  MeasurementsValues,
  'weightGrams' | 'lengthCm' | 'lengthPosition' | 'headCircumferenceCm'
> & { date: string };

export type MeasureSummary = {
  measure: Measure;
  /** As stored: grams for weight, cm otherwise. */
  value: number;
  unit: 'g' | 'cm';
  /** Null outside the reference (age 0–1826 days; before term for a preterm child). */
  z: number | null;
  /** 0–100, null when z is. */
  percentile: number | null;
  warnings: PlausibilityWarning[];
};

export type MeasurementSummary = {
  age: GrowthAge;
  /** The age in days the reference was read at (corrected when age.useCorrected). */
  referenceAgeDays: number;
  weight: MeasureSummary | null;
  length: MeasureSummary | null;
  head: MeasureSummary | null;
};

const positionOf: Record<LengthPositionDa, LengthPosition> = { liggende: 'recumbent', staaende: 'standing' };
const indicatorOf: Record<Measure, Indicator> = {
  weight: 'weight-for-age',
  length: 'length-for-age',
  head: 'head-circumference-for-age',
};

function dated(child: GrowthChild, m: DatedMeasurement): DatedMeasurements {
  const position = m.lengthPosition === '' ? undefined : positionOf[m.lengthPosition];
  return {
    ageDays: referenceAgeDays(growthAge({ ...child, on: m.date })),
    weightGrams: m.weightGrams,
    lengthCm: m.lengthCm,
    headCm: m.headCircumferenceCm,
    ...(position ? { lengthPosition: position } : {}),
  };
}

export function measurementSummary(
  child: GrowthChild,
  measurement: DatedMeasurement,
  referenceTables: GrowthReferences,
  options: { previous?: DatedMeasurement | null; plausibility?: PlausibilityOptions } = {},
): MeasurementSummary {
  const age = growthAge({ ...child, on: measurement.date });
  const current = dated(child, measurement);
  const previous = options.previous ? dated(child, options.previous) : null;
  const findings = checkPlausibility(
    referenceTables,
    child.sex,
    current,
    previous,
    options.plausibility ?? defaultPlausibilityOptions,
  );

  const summarise = (measure: Measure, stored: number | null, unit: 'g' | 'cm'): MeasureSummary | null => {
    if (stored === null) return null;
    const z = zScore(referenceTables[indicatorOf[measure]], {
      sex: child.sex,
      ageDays: current.ageDays,
      value: measure === 'weight' ? stored / 1000 : stored,
      ...(measure === 'length' && current.lengthPosition ? { position: current.lengthPosition } : {}),
    });
    return {
      measure,
      value: stored,
      unit,
      z,
      percentile: z === null ? null : percentileFromZ(z),
      warnings: findings.flatMap((f) => (f.measure === measure ? [f.warning] : [])),
    };
  };

  return {
    age,
    referenceAgeDays: current.ageDays,
    weight: summarise('weight', measurement.weightGrams, 'g'),
    length: summarise('length', measurement.lengthCm, 'cm'),
    head: summarise('head', measurement.headCircumferenceCm, 'cm'),
  };
}
