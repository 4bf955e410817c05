/**
 * Observations of a visit, one record per visit per section (docs/decisions/0010): measurements,
 * three-level assessments, feeding, tobacco smoke, TOPI and the 3-year language assessment. Each
 * saved section is complete: every item has a value or the reason it was not collected (domain.md
 * §2); input still being typed lives in a draft. Measurements are raw values: z-scores and
 * percentiles are computed (measurement-summary.ts), never stored. After the visit is signed a
 * section is corrected by an amendment record that points to the original, which stays unchanged.
 */
import * as z from 'zod/mini';
import { topiResponseSchema } from '../instruments/topi.ts';
import {
  checkSignature,
  FinalRecordError,
  inCommitOrder,
  recordedShape,
  type Signer,
  type Stored,
  signatureOf,
  signatureShape,
} from '../journal/signature.ts';
import { msg, optionalChoice, optionalDate, optionalId, optionalNumber, optionalText } from '../schemas/fields.ts';
import { checkValueOrReason, choiceList, issue, reasonField, visitsMsg } from './common.ts';
import { canEditVisit, type Visit } from './visit.ts';

/** The sections stored as observation records (instruments are records of their own). */
export const observationSections = ['measurements', 'assessments', 'feeding', 'tobacco', 'topi', 'language'] as const;
export type ObservationSection = (typeof observationSections)[number];

// Measurements ---------------------------------------------------------------------------------

export const lengthPositions = ['liggende', 'staaende'] as const;
export type LengthPositionDa = (typeof lengthPositions)[number];

/** Plausible ranges for a child aged 0–6 years; values outside are typing slips, not children. */
export const measurementRanges = {
  weightGrams: { min: 300, max: 40000 },
  lengthCm: { min: 25, max: 150 },
  headCircumferenceCm: { min: 20, max: 65 },
} as const;

export const measurementsValuesSchema = z
  .object({
    section: z.literal('measurements'),
    /** Whole grams. */
    weightGrams: optionalNumber(measurementRanges.weightGrams.min, measurementRanges.weightGrams.max, {
      integer: true,
    }),
    weightReason: reasonField,
    /** cm with one decimal (measured to the nearest 0.5 cm, domain.md §2), lying (length) or standing (height). */
    lengthCm: optionalNumber(measurementRanges.lengthCm.min, measurementRanges.lengthCm.max, { decimals: 1 }),
    lengthPosition: optionalChoice(lengthPositions),
    lengthReason: reasonField,
    /** cm with one decimal. */
    headCircumferenceCm: optionalNumber(
      measurementRanges.headCircumferenceCm.min,
      measurementRanges.headCircumferenceCm.max,
      { decimals: 1 },
    ),
    headReason: reasonField,
  })
  .check(
    z.superRefine((m, ctx) => {
      checkValueOrReason(ctx, m.weightGrams !== null, m.weightReason, ['weightGrams']);
      checkValueOrReason(ctx, m.lengthCm !== null, m.lengthReason, ['lengthCm']);
      checkValueOrReason(ctx, m.headCircumferenceCm !== null, m.headReason, ['headCircumferenceCm']);
      if (m.lengthCm !== null && m.lengthPosition === '') issue(ctx, ['lengthPosition'], msg.required);
      if (m.lengthCm === null && m.lengthPosition !== '') issue(ctx, ['lengthPosition'], visitsMsg.notApplicable);
    }),
  );
export type MeasurementsValues = z.output<typeof measurementsValuesSchema>;

// Three-level assessments ------------------------------------------------------------------------

/** The assessment areas of the standard (domain.md §2). */
export const assessmentAreas = [
  'social-kontakt',
  'foraelder-barn-relation',
  'foraelders-psykiske-tilstand',
  'foraelders-saarbarhed',
  'netvaerk',
  'kommunikation-sprog',
  'soevn',
  'motorik',
  'ernaering',
  'passiv-rygning',
] as const;
export type AssessmentArea = (typeof assessmentAreas)[number];

export const assessmentLevels = ['normal', 'let-bekymring', 'problem'] as const;
export type AssessmentLevel = (typeof assessmentLevels)[number];

export const areaAssessmentSchema = z
  .object(
    {
      level: optionalChoice(assessmentLevels),
      reason: reasonField,
      note: optionalText(1000),
    },
    { error: msg.required },
  )
  .check(z.superRefine((a, ctx) => checkValueOrReason(ctx, a.level !== '', a.reason, ['level'])));
export type AreaAssessment = z.output<typeof areaAssessmentSchema>;

const areaShape = Object.fromEntries(assessmentAreas.map((area) => [area, areaAssessmentSchema])) as Record<
  AssessmentArea,
  typeof areaAssessmentSchema
>;

export const assessmentsValuesSchema = z.object({
  section: z.literal('assessments'),
  /** Every area: a level, or why it was not assessed. */
  areas: z.object(areaShape, { error: msg.required }),
  note: optionalText(4000),
});
export type AssessmentsValues = z.output<typeof assessmentsValuesSchema>;

// Feeding ---------------------------------------------------------------------------------------

/** The standard's feeding categories (domain.md §2). */
export const feedingCategories = [
  /** Fuldamning, incl. breast milk by bottle. */
  'fuldamning',
  'ammes-primaert',
  'ammes-som-supplement',
  'modermaelkserstatning-overgangskost',
  'udelukkende-familiens-mad',
] as const;
export type FeedingCategory = (typeof feedingCategories)[number];

export const feedingValuesSchema = z
  .object({
    section: z.literal('feeding'),
    category: optionalChoice(feedingCategories),
    /** The period the category applies to (from may be '' when unknown). */
    periodFrom: optionalDate,
    periodTo: optionalDate,
    reason: reasonField,
    note: optionalText(1000),
  })
  .check(
    z.superRefine((f, ctx) => {
      checkValueOrReason(ctx, f.category !== '', f.reason, ['category']);
      if (f.periodFrom !== '' && f.periodTo !== '' && f.periodTo < f.periodFrom)
        issue(ctx, ['periodTo'], msg.endBeforeStart, f.periodTo);
      if (f.category === '' && (f.periodFrom !== '' || f.periodTo !== ''))
        issue(ctx, ['periodFrom'], visitsMsg.notApplicable);
    }),
  );
export type FeedingValues = z.output<typeof feedingValuesSchema>;

// Tobacco smoke -----------------------------------------------------------------------------------

/** Who smokes indoors. */
export const smokerRoles = ['mor', 'far', 'medmor', 'anden-i-hjemmet'] as const;
export type SmokerRole = (typeof smokerRoles)[number];

export const tobaccoValuesSchema = z
  .object({
    section: z.literal('tobacco'),
    /** Exposed = someone smokes indoors at least weekly; null until answered. */
    exposed: z._default(z.nullable(z.boolean({ error: msg.invalidChoice })), null),
    who: choiceList(smokerRoles),
    whoOther: optionalText(200),
    reason: reasonField,
  })
  .check(
    z.superRefine((t, ctx) => {
      checkValueOrReason(ctx, t.exposed !== null, t.reason, ['exposed']);
      if (t.exposed === true && t.who.length === 0 && t.whoOther === '') issue(ctx, ['who'], msg.required);
      if (t.exposed !== true && (t.who.length > 0 || t.whoOther !== ''))
        issue(ctx, ['who'], visitsMsg.notApplicable, t.who);
    }),
  );
export type TobaccoValues = z.output<typeof tobaccoValuesSchema>;

// TOPI ------------------------------------------------------------------------------------------

export const topiValuesSchema = z.extend(topiResponseSchema, { section: z.literal('topi') });
export type TopiValues = z.output<typeof topiValuesSchema>;

// Language assessment at 3 years ------------------------------------------------------------------

/** Result groups of Sprogvurdering 3–6 (done by the daycare; the nurse records what she is told). */
export const languageResultGroups = ['generel', 'fokuseret', 'saerlig-indsats'] as const;
export type LanguageResultGroup = (typeof languageResultGroups)[number];

/** Where the result came from: the parents, or the daycare with the parents' consent. */
export const languageSources = ['foraeldre', 'dagtilbud-med-samtykke'] as const;
export type LanguageSource = (typeof languageSources)[number];

export const languageValuesSchema = z
  .object({
    section: z.literal('language'),
    /** Whether the daycare's language assessment was done; null until answered. */
    done: z._default(z.nullable(z.boolean({ error: msg.invalidChoice })), null),
    resultGroup: optionalChoice(languageResultGroups),
    source: optionalChoice(languageSources),
    reason: reasonField,
  })
  .check(
    z.superRefine((l, ctx) => {
      checkValueOrReason(ctx, l.done !== null, l.reason, ['done']);
      for (const field of ['resultGroup', 'source'] as const) {
        if (l.done === true && l[field] === '') issue(ctx, [field], msg.required);
        if (l.done !== true && l[field] !== '') issue(ctx, [field], visitsMsg.notApplicable, l[field]);
      }
    }),
  );
export type LanguageValues = z.output<typeof languageValuesSchema>;

// The record ---------------------------------------------------------------------------------------

export const observationValuesSchema = z.discriminatedUnion(
  'section',
  [
    measurementsValuesSchema,
    assessmentsValuesSchema,
    feedingValuesSchema,
    tobaccoValuesSchema,
    topiValuesSchema,
    languageValuesSchema,
  ],
  { error: msg.invalidChoice },
);
export type ObservationValues = z.output<typeof observationValuesSchema>;
export type ObservationValuesInput = z.input<typeof observationValuesSchema>;

/**
 * Empty form values of a section: what a new form starts from and a draft is merged over. Not valid
 * data until filled in (nothing is preselected, not even a TOPI judgement).
 */
export function sectionDefaults(
  section: ObservationSection,
): { section: ObservationSection } & Record<string, unknown> {
  const empty = { reason: '' } as const;
  switch (section) {
    case 'measurements':
      return {
        section,
        weightGrams: null,
        weightReason: '',
        lengthCm: null,
        lengthPosition: '',
        lengthReason: '',
        headCircumferenceCm: null,
        headReason: '',
      };
    case 'assessments':
      return {
        section,
        areas: Object.fromEntries(assessmentAreas.map((area) => [area, { level: '', ...empty, note: '' }])),
        note: '',
      };
    case 'feeding':
      return { section, category: '', periodFrom: '', periodTo: '', ...empty, note: '' };
    case 'tobacco':
      return { section, exposed: null, who: [], whoOther: '', ...empty };
    case 'topi':
      return { section, instrument: 'TOPI', judgement: '', note: '' };
    case 'language':
      return { section, done: null, resultGroup: '', source: '', ...empty };
  }
}

export const observationBaseSchema = z.object({
  visitId: z.uuid(),
  childId: z.uuid(),
  familyId: z.uuid(),
  /** One section; `values.section` says which. */
  values: observationValuesSchema,
  /** '' for the section as recorded at the visit; the original observation's id for a correction. */
  amendsId: optionalId,
  amendmentReason: optionalText(1000),
  /** A correction is signed when made; the original is covered by the visit's signature. */
  ...signatureShape,
  ...recordedShape,
});

/** Cross-field rules: a correction gives its reason and signature; an original has neither. */
export const observationSchema = observationBaseSchema.check(
  z.superRefine((o, ctx) => {
    const amendment = o.amendsId !== '';
    if (amendment && o.amendmentReason === '') issue(ctx, ['amendmentReason'], msg.required);
    if (!amendment && o.amendmentReason !== '') issue(ctx, ['amendmentReason'], visitsMsg.notApplicable);
    checkSignature(ctx, o, amendment);
  }),
);

export type Observation = z.output<typeof observationSchema>;
export type ObservationInput = z.input<typeof observationSchema>;

export const sectionOf = (observation: Pick<Observation, 'values'>): ObservationSection => observation.values.section;

/** A section is edited while its visit is a draft; a correction is final once made. */
export const canEditObservation = (visit: Pick<Visit, 'status'>, observation: Pick<Observation, 'amendsId'>) =>
  canEditVisit(visit) && observation.amendsId === '';

/**
 * The data of a correction of a section of a signed visit: a new record pointing to the original
 * (always the first record of the chain, also when amending a correction). Throws while the visit
 * is a draft (edit the section instead) or when the values are of another section.
 */
export function amendObservation(
  visit: Pick<Visit, 'status'>,
  original: Stored<Observation>,
  values: ObservationValuesInput,
  reason: string,
  signer: Signer,
  now: Date,
): ObservationInput {
  if (canEditVisit(visit)) throw new FinalRecordError('The visit is a draft: edit the section instead.');
  if (values.section !== original.data.values.section)
    throw new FinalRecordError('A correction must be of the same section.');
  const { visitId, childId, familyId, amendsId } = original.data;
  return {
    visitId,
    childId,
    familyId,
    values,
    amendsId: amendsId === '' ? original.id : amendsId,
    amendmentReason: reason,
    ...signatureOf(signer, now),
  };
}

export type SectionView = {
  section: ObservationSection;
  /** The section as recorded at the visit (the first committed, when two devices both recorded it). */
  original: Stored<Observation>;
  /** What holds now: the last committed correction, or the original. */
  current: Stored<Observation>;
  /** Corrections in commit order. */
  amendments: Stored<Observation>[];
  /** Further originals of the same section (recorded on two devices offline): a person decides. */
  duplicates: Stored<Observation>[];
};

/**
 * The sections of one visit's observations. Which record is current is decided by commit order
 * (server seq, then unsynced records in outbox order), never by a device clock. A correction whose
 * original is not present (not yet pulled, or a duplicate: signing waits until duplicates are
 * resolved, see visitSignProblems) is left out.
 */
export function currentObservations(
  observations: readonly Stored<Observation>[],
): Partial<Record<ObservationSection, SectionView>> {
  const ordered = inCommitOrder(observations);
  const views: Partial<Record<ObservationSection, SectionView>> = {};
  const sectionOfOriginal = new Map<string, ObservationSection>();
  for (const record of ordered) {
    if (record.data.amendsId !== '') continue;
    const section = sectionOf(record.data);
    sectionOfOriginal.set(record.id, section);
    const view = views[section];
    if (view) view.duplicates.push(record);
    else views[section] = { section, original: record, current: record, amendments: [], duplicates: [] };
  }
  for (const record of ordered) {
    const section = sectionOfOriginal.get(record.data.amendsId);
    const view = section ? views[section] : undefined;
    if (!view || view.original.id !== record.data.amendsId) continue;
    view.amendments.push(record);
    view.current = record;
  }
  return views;
}

/**
 * For the server before writing an observation: a draft visit's sections are written freely, but
 * not corrected (edit them instead); a signed visit gets corrections only, and nothing of it is
 * changed or deleted; a correction is final. Returns a message key or null.
 */
export function observationWriteProblem(
  op: 'create' | 'update' | 'delete',
  observation: Pick<Observation, 'amendsId'>,
  visit: Pick<Visit, 'status'>,
): string | null {
  const amendment = observation.amendsId !== '';
  if (op !== 'create') return canEditObservation(visit, observation) ? null : visitsMsg.signedReadOnly;
  if (canEditVisit(visit)) return amendment ? visitsMsg.notApplicable : null;
  return amendment ? null : visitsMsg.signedReadOnly;
}
