/**
 * z-scores, percentiles and percentile curves by WHO's LMS method (WHO Child Growth Standards,
 * "Computation of centiles and z-scores"; the same rules as WHO's anthro package): z from a
 * measurement, the measurement at a z or percentile, the restricted tails for weight, and the
 * 0.7 cm conversion between recumbent length and standing height. Ages are whole days; an age the
 * table does not cover, or a measurement that is not a positive number, gives null.
 */
import { inverseNormalCdf, normalCdf } from './normal.ts';
import type { Indicator, LmsTable, Sex } from './reference.ts';

export type Lms = { l: number; m: number; s: number };
export type LengthPosition = 'recumbent' | 'standing';

/** WHO restricts the tails beyond ±3 SD for the skewed weight-based indicators only (L ≠ 1). */
export const restrictedTails: Readonly<Record<Indicator, boolean>> = {
  'weight-for-age': true,
  'length-for-age': false,
  'head-circumference-for-age': false,
};

/** The difference between recumbent length and standing height (WHO). */
export const LENGTH_HEIGHT_DIFFERENCE_CM = 0.7;

export function lmsAt(table: LmsTable, sex: Sex, ageDays: number): Lms | null {
  if (!Number.isInteger(ageDays) || ageDays < 0 || ageDays > table.lastDay) return null;
  const series = table[sex];
  const l = series.l[ageDays];
  const m = series.m[ageDays];
  const s = series.s[ageDays];
  return l === undefined || m === undefined || s === undefined ? null : { l, m, s };
}

/** The LMS curve: the measurement at z, M(1 + L·S·z)^(1/L), or M·e^(S·z) when L = 0. */
export function lmsValue({ l, m, s }: Lms, z: number): number {
  return l === 0 ? m * Math.exp(s * z) : m * (1 + l * s * z) ** (1 / l);
}

/** The plain LMS z-score: ((x/M)^L − 1)/(L·S), or ln(x/M)/S when L = 0. */
export function lmsZ({ l, m, s }: Lms, x: number): number {
  return l === 0 ? Math.log(x / m) / s : ((x / m) ** l - 1) / (l * s);
}

/**
 * The z-score; with restricted tails, beyond ±3 it continues linearly with the distance between
 * the 2 and 3 SD curves, so extreme weights do not get the compressed z-scores the skew would give.
 */
export function zFromLms(lms: Lms, x: number, restricted: boolean): number {
  const z = lmsZ(lms, x);
  if (!restricted || Math.abs(z) <= 3) return z;
  const sd3 = lmsValue(lms, 3 * Math.sign(z));
  const sd2 = lmsValue(lms, 2 * Math.sign(z));
  return z > 3 ? 3 + (x - sd3) / (sd3 - sd2) : -3 + (x - sd3) / (sd2 - sd3);
}

/** The inverse of zFromLms: the measurement with that z-score. */
export function valueFromLms(lms: Lms, z: number, restricted: boolean): number {
  if (!restricted || Math.abs(z) <= 3) return lmsValue(lms, z);
  const sd3 = lmsValue(lms, 3 * Math.sign(z));
  const sd2 = lmsValue(lms, 2 * Math.sign(z));
  return sd3 + (Math.abs(z) - 3) * (sd3 - sd2);
}

/** The position the length/height reference expects at an age. */
export function expectedPosition(table: LmsTable, ageDays: number): LengthPosition {
  return table.standingFromDay !== undefined && ageDays >= table.standingFromDay ? 'standing' : 'recumbent';
}

/**
 * A length/height converted to the position the reference uses at that age: a standing height
 * before it gains 0.7 cm, a recumbent length after it loses 0.7 cm. Other tables: unchanged.
 */
export function standardisedValue(table: LmsTable, ageDays: number, value: number, position?: LengthPosition) {
  if (table.standingFromDay === undefined || position === undefined) return value;
  const expected = expectedPosition(table, ageDays);
  if (position === expected) return value;
  return position === 'standing' ? value + LENGTH_HEIGHT_DIFFERENCE_CM : value - LENGTH_HEIGHT_DIFFERENCE_CM;
}

export type Measurement = {
  sex: Sex;
  /** Age in whole days (corrected age for a preterm child, see age.ts). */
  ageDays: number;
  /** kg for weight, cm for length/height and head circumference. */
  value: number;
  /** Length/height only: how it was measured; omitted means as the reference expects at that age. */
  position?: LengthPosition;
};

export function zScore(table: LmsTable, { sex, ageDays, value, position }: Measurement): number | null {
  const lms = lmsAt(table, sex, ageDays);
  if (!lms || !Number.isFinite(value) || value <= 0) return null;
  const z = zFromLms(lms, standardisedValue(table, ageDays, value, position), restrictedTails[table.indicator]);
  return Number.isFinite(z) ? z : null;
}

/** The reference measurement at a z-score (in the position the reference expects at that age). */
export function valueAtZ(table: LmsTable, sex: Sex, ageDays: number, z: number): number | null {
  const lms = lmsAt(table, sex, ageDays);
  if (!lms || !Number.isFinite(z)) return null;
  const value = valueFromLms(lms, z, restrictedTails[table.indicator]);
  return Number.isFinite(value) && value > 0 ? value : null;
}

/** Percentile (0–100) of a z-score: 100·Φ(z). */
export function percentileFromZ(z: number): number {
  return 100 * normalCdf(z);
}

/** The z-score of a percentile strictly between 0 and 100. */
export function zFromPercentile(percentile: number): number {
  return inverseNormalCdf(percentile / 100);
}

export function percentile(table: LmsTable, measurement: Measurement): number | null {
  const z = zScore(table, measurement);
  return z === null ? null : percentileFromZ(z);
}

/** The reference measurement at a percentile, for drawing percentile curves. */
export function valueAtPercentile(table: LmsTable, sex: Sex, ageDays: number, centile: number): number | null {
  if (!(centile > 0 && centile < 100)) return null;
  return valueAtZ(table, sex, ageDays, zFromPercentile(centile));
}
