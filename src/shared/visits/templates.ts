/**
 * Observation templates: which sections a visit form shows for each visit type, in form order, and
 * which of them the visit must have before it is signed (a required observation not collected is
 * still recorded, with a reason: domain.md §2). Data, not code: a municipality may pass its own
 * table. The defaults are our reading of the standard and the pool projects (unverified); the 1½-
 * and 3-year visits cover most sections.
 */
import type { Stored } from '../journal/signature.ts';
import { currentObservations, type Observation, type ObservationSection, observationSections } from './observation.ts';
import type { Visit, VisitType } from './visit.ts';

/** The form sections: the observation sections plus the instruments (records of their own). */
export const formSections = [...observationSections, 'epds', 'adbb'] as const;
export type FormSection = (typeof formSections)[number];

export type SectionSpec = {
  section: FormSection;
  /** The visit cannot be signed without it (observations only; instruments are never forced). */
  required: boolean;
};

export type VisitTemplates = Readonly<Record<VisitType, readonly SectionSpec[]>>;

const req = (section: ObservationSection): SectionSpec => ({ section, required: true });
const opt = (section: FormSection): SectionSpec => ({ section, required: false });

/** The standard visits of year 1: measurements, assessments, feeding and smoke are required. */
const standardVisit = [req('measurements'), req('assessments'), req('feeding'), req('tobacco')] as const;

export const defaultVisitTemplates: VisitTemplates = {
  graviditetsbesoeg: [req('assessments'), req('tobacco'), opt('epds')],
  barselsbesoeg: [...standardVisit, opt('epds')],
  etableringsbesoeg: [...standardVisit, opt('epds')],
  'besoeg-inden-1-md': [...standardVisit, opt('epds')],
  'besoeg-2-md': [...standardVisit, opt('epds'), opt('adbb')],
  'besoeg-4-6-md': [...standardVisit, opt('epds'), opt('adbb')],
  'besoeg-8-11-md': [...standardVisit, opt('topi'), opt('epds'), opt('adbb')],
  'besoeg-1-5-aar': [...standardVisit, opt('topi'), opt('epds'), opt('adbb')],
  'besoeg-3-aar': [...standardVisit, req('language'), opt('topi'), opt('epds')],
  behovsbesoeg: [
    opt('measurements'),
    opt('assessments'),
    opt('feeding'),
    opt('tobacco'),
    opt('topi'),
    opt('epds'),
    opt('adbb'),
  ],
  'tvaerfagligt-hjemmebesoeg': [opt('assessments'), opt('topi'), opt('language'), opt('measurements')],
  'moede-i-dagtilbud': [opt('assessments'), opt('topi'), opt('language')],
  // Carried out by its own record (daycare/handover.ts), never by a visit.
  overlevering: [],
};

/** The sections a visit form of this type shows, in order. */
export function sectionsFor(
  type: VisitType,
  templates: VisitTemplates = defaultVisitTemplates,
): readonly SectionSpec[] {
  return templates[type] ?? [];
}

/** The observation sections this type requires before signing. */
export function requiredSections(
  type: VisitType,
  templates: VisitTemplates = defaultVisitTemplates,
): ObservationSection[] {
  return sectionsFor(type, templates).flatMap((spec) =>
    spec.required && spec.section !== 'epds' && spec.section !== 'adbb' ? [spec.section] : [],
  );
}

export type SignProblem = {
  section: ObservationSection;
  /** missing: a required section has no record; duplicate: two devices recorded it, a person picks. */
  problem: 'missing' | 'duplicate';
};

/**
 * What stops a visit from being signed besides its own schema (times, signature): a required
 * section without a record, or a section recorded twice. Not-collected reasons count as recorded.
 */
export function visitSignProblems(
  visit: Pick<Visit, 'type'>,
  observations: readonly Stored<Observation>[],
  templates: VisitTemplates = defaultVisitTemplates,
): SignProblem[] {
  const views = currentObservations(observations);
  const missing = requiredSections(visit.type, templates).flatMap((section): SignProblem[] =>
    views[section] ? [] : [{ section, problem: 'missing' }],
  );
  const duplicate = observationSections.flatMap((section): SignProblem[] =>
    (views[section]?.duplicates.length ?? 0) > 0 ? [{ section, problem: 'duplicate' }] : [],
  );
  return [...missing, ...duplicate];
}
