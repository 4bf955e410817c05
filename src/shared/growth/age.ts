/**
 * The age to plot a child's growth at: for a child born preterm (before 37+0 weeks) the corrected
 * age, chronological age minus the weeks born early (280 days − gestational age in days), until
 * 24 months chronological age; otherwise the chronological age.
 */
import { ageInDays, ageInMonths } from '../domain/age.ts';

/** 40+0 weeks: the term date that corrected age counts from. */
export const TERM_DAYS = 280;
/** Born before 37+0 weeks counts as preterm. */
export const PRETERM_BEFORE_DAYS = 37 * 7;
/** Corrected age is used until this chronological age in completed months. */
export const CORRECT_UNTIL_MONTHS = 24;

export type GrowthAgeInput = {
  birthDate: string;
  /** The measurement date, YYYY-MM-DD. */
  on: string;
  /** From the child record; null when unknown (then no correction). */
  gestationalAgeWeeks: number | null;
  gestationalAgeDays?: number | null;
};

export type GrowthAge = {
  chronologicalDays: number;
  /** Null when no correction applies (term, gestational age unknown, or 24 months and older). */
  correctedDays: number | null;
  useCorrected: boolean;
};

export function growthAge({ birthDate, on, gestationalAgeWeeks, gestationalAgeDays }: GrowthAgeInput): GrowthAge {
  const chronologicalDays = ageInDays(birthDate, on);
  const none = { chronologicalDays, correctedDays: null, useCorrected: false };
  if (gestationalAgeWeeks === null) return none;
  const gestationDays = gestationalAgeWeeks * 7 + (gestationalAgeDays ?? 0);
  if (gestationDays >= PRETERM_BEFORE_DAYS) return none;
  if (ageInMonths(birthDate, on) >= CORRECT_UNTIL_MONTHS) return none;
  // Negative until the term date: the WHO standards start at term, so such an age has no z-score.
  return { chronologicalDays, correctedDays: chronologicalDays - (TERM_DAYS - gestationDays), useCorrected: true };
}

/** The age in days to look up in the growth reference. */
export const referenceAgeDays = (age: GrowthAge): number => age.correctedDays ?? age.chronologicalDays;
