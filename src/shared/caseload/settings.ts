/**
 * Municipality settings (domain.md: where a rule differs between municipalities it is a setting):
 * the visit schedule with its ages and windows, instrument cut-offs, the COS-P completion threshold,
 * the rule that qualifies a family for the 1½- and 3-year visits, journal retention, and the
 * cooperation with daycare (when a handover is due, whether its letter shows the CPR number).
 */
import * as z from 'zod/mini';
import { defaultLockSettings, lockSettingsSchema } from '../auth/lock-settings.ts';
import { choice, msg, requiredText } from '../schemas/fields.ts';
import { caseloadMsg, flag, intInRange, keyField } from './caseload-fields.ts';
import { contactTypes } from './contact.ts';

/** Until a municipality sets its own: the handover is due 4 weeks before the start, letters carry no CPR. */
const DEFAULT_DAYCARE_SETTINGS = { handoverWeeksBefore: 4, letterShowsCpr: false };

/** Whether an age counts from the birth date or from the corrected birth date of a preterm child. */
export const ageBases = ['foedsel', 'korrigeret'] as const;
export type AgeBasis = (typeof ageBases)[number];

const entryCommon = {
  key: keyField,
  type: choice(contactTypes),
  label: requiredText(80),
  /** Planned only for families who qualify for the extra visits (the 1½- and 3-year visits). */
  extraVisit: flag,
  ageBasis: z._default(choice(ageBases), 'foedsel'),
};

/** An entry timed in days of age; the window is a number of days either side of the target. */
export const dayEntrySchema = z.object({
  ...entryCommon,
  unit: z.literal('dage'),
  targetAgeDays: intInRange(-280, 1100),
  windowBeforeDays: intInRange(0, 365),
  windowAfterDays: intInRange(0, 365),
});

/** An entry timed in months of age; the window runs from one age in months to another. */
export const monthEntrySchema = z
  .object({
    ...entryCommon,
    unit: z.literal('maaneder'),
    targetAgeMonths: intInRange(0, 72),
    windowFromMonths: intInRange(0, 72),
    windowToMonths: intInRange(0, 72),
  })
  .check(
    z.superRefine((entry, ctx) => {
      if (entry.windowFromMonths > entry.targetAgeMonths || entry.targetAgeMonths > entry.windowToMonths) {
        ctx.addIssue({
          code: 'custom',
          input: entry.targetAgeMonths,
          path: ['targetAgeMonths'],
          message: caseloadMsg.targetOutsideWindow,
        });
      }
    }),
  );

export const scheduleEntrySchema = z.discriminatedUnion('unit', [dayEntrySchema, monthEntrySchema], {
  error: msg.invalidChoice,
});
export type ScheduleEntry = z.output<typeof scheduleEntrySchema>;

/** Schedule entries in order; keys are unique because contacts refer to them. */
export const scheduleSchema = z.array(scheduleEntrySchema).check(
  z.superRefine((entries, ctx) => {
    const seen = new Set<string>();
    entries.forEach((entry, index) => {
      if (seen.has(entry.key))
        ctx.addIssue({ code: 'custom', input: entry.key, path: [index, 'key'], message: caseloadMsg.duplicateKey });
      seen.add(entry.key);
    });
  }),
);

export const settingsSchema = z.object({
  schedule: scheduleSchema,
  /** Gestational age (completed weeks) below which "korrigeret" entries use the corrected age. */
  correctedAgeBelowWeeks: intInRange(22, 45),
  /** EPDS totals at or above these suggest depression (domain.md §3), per parent role. */
  epdsCutoffs: z.object({
    mor: intInRange(0, 30),
    far: intInRange(0, 30),
    medmor: intInRange(0, 30),
    anden: intInRange(0, 30),
  }),
  adbbCutoff: intInRange(0, 32),
  cospCompletion: z.object({ attendedChapters: intInRange(1, 20), totalChapters: intInRange(1, 20) }).check(
    z.superRefine((value, ctx) => {
      if (value.attendedChapters > value.totalChapters)
        ctx.addIssue({
          code: 'custom',
          input: value.attendedChapters,
          path: ['attendedChapters'],
          message: msg.outOfRange,
        });
    }),
  ),
  /** A family qualifies for the extra visits with more than `moreThan` completed contacts in year 1. */
  extraVisitsRule: z.object({ moreThan: intInRange(0, 100), withinDays: intInRange(1, 1100) }),
  /** Journal retention after the last entry; the journal rules require at least 10 years. */
  retentionYears: intInRange(10, 100),
  /**
   * Cooperation with daycare: a handover is due this many weeks before a child's childcare start;
   * the handover letter shows the child's CPR number only when `letterShowsCpr` (default: never).
   * Defaulted, so settings saved before these existed still read.
   */
  daycare: z._default(
    z.object({ handoverWeeksBefore: intInRange(0, 26), letterShowsCpr: flag }),
    DEFAULT_DAYCARE_SETTINGS,
  ),
  /** When the tablet locks itself and when signing asks for the PIN again (auth/lock-settings.ts). */
  lock: z._default(lockSettingsSchema, defaultLockSettings),
});

export type MunicipalitySettings = z.output<typeof settingsSchema>;
export type MunicipalitySettingsInput = z.input<typeof settingsSchema>;

const days = (key: string, type: ScheduleEntry['type'], label: string, target: number, from: number, to: number) =>
  ({
    key,
    type,
    label,
    extraVisit: false,
    ageBasis: 'foedsel',
    unit: 'dage',
    targetAgeDays: target,
    windowBeforeDays: target - from,
    windowAfterDays: to - target,
  }) as const satisfies ScheduleEntry;

const months = (key: string, type: ScheduleEntry['type'], label: string, target: number, from: number, to: number) =>
  ({
    key,
    type,
    label,
    extraVisit: false,
    ageBasis: 'foedsel',
    unit: 'maaneder',
    targetAgeMonths: target,
    windowFromMonths: from,
    windowToMonths: to,
  }) as const satisfies ScheduleEntry;

/**
 * Defaults until a municipality sets its own. The year-1 visits follow the national programme; the
 * 1½- and 3-year windows (17–20 and 34–38 months) are unverified defaults (domain.md §2).
 */
export const defaultSettings: MunicipalitySettings = {
  schedule: [
    days('barselsbesoeg', 'barselsbesoeg', 'Barselsbesøg', 4, 1, 7),
    days('etableringsbesoeg', 'etableringsbesoeg', 'Etableringsbesøg', 7, 5, 14),
    days('besoeg-inden-1-md', 'besoeg-inden-1-md', 'Besøg inden 1 måned', 21, 14, 30),
    days('besoeg-2-md', 'besoeg-2-md', 'Besøg ved 2 måneder', 61, 45, 75),
    months('besoeg-4-6-md', 'besoeg-4-6-md', 'Besøg ved 4–6 måneder', 5, 4, 6),
    months('besoeg-8-11-md', 'besoeg-8-11-md', 'Besøg ved 8–11 måneder', 9, 8, 11),
    { ...months('besoeg-1-5-aar', 'besoeg-1-5-aar', 'Besøg ved 1½ år', 18, 17, 20), extraVisit: true },
    { ...months('besoeg-3-aar', 'besoeg-3-aar', 'Besøg ved 3 år', 36, 34, 38), extraVisit: true },
  ],
  correctedAgeBelowWeeks: 37,
  epdsCutoffs: { mor: 11, far: 10, medmor: 10, anden: 10 },
  adbbCutoff: 5,
  cospCompletion: { attendedChapters: 6, totalChapters: 8 },
  extraVisitsRule: { moreThan: 5, withinDays: 365 },
  retentionYears: 10,
  daycare: DEFAULT_DAYCARE_SETTINGS,
  lock: defaultLockSettings,
};
