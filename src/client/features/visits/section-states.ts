/**
 * The state of each part of a visit for its section index: a required section with nothing
 * recorded is missing, an optional one empty; typing kept in a draft but not saved wins over what
 * was saved before ("not saved"); a saved section is saved, and the record of a signed visit is
 * signed. Pure, from what the visit page already reads.
 */
import type { FormSection, SectionSpec } from '../../../shared/visits/templates.ts';

export type SectionState = 'missing' | 'empty' | 'draft' | 'saved' | 'signed';
export type IndexEntry = { id: string; label: string; state: SectionState };

export type VisitFacts = {
  signed: boolean;
  /** The visit record's own form has unsaved typing. */
  recordDraft: boolean;
  sections: readonly SectionSpec[];
  /** Sections with a saved record (an observation, or any instrument response). */
  saved: ReadonlySet<FormSection>;
  /** Sections with unsaved typing in a draft. */
  drafts: ReadonlySet<FormSection>;
  notes: number;
};

export function sectionEntries(facts: VisitFacts, label: (part: FormSection | 'visit' | 'journal') => string) {
  const sectionState = (spec: SectionSpec): SectionState => {
    if (facts.drafts.has(spec.section)) return 'draft';
    if (facts.saved.has(spec.section)) return 'saved';
    return spec.required && !facts.signed ? 'missing' : 'empty';
  };
  const entries: IndexEntry[] = [
    { id: 'visit', label: label('visit'), state: facts.signed ? 'signed' : facts.recordDraft ? 'draft' : 'saved' },
    ...facts.sections.map((spec) => ({ id: spec.section, label: label(spec.section), state: sectionState(spec) })),
    { id: 'journal', label: label('journal'), state: facts.notes > 0 ? 'saved' : 'empty' },
  ];
  return entries;
}
