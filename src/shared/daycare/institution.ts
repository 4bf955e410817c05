/**
 * The team's register of childcare institutions (domain.md §1, §5): childminders (dagpleje) and
 * daycare institutions (daginstitution) that children start in and that handovers, meetings and
 * talks are addressed to. An institution is archived, never deleted: handovers made to it must
 * keep naming it. No personal data of families lives here (only the institution's own contact).
 */
import * as z from 'zod/mini';
import { optionalEmail, optionalPhone } from '../caseload/caseload-fields.ts';
import { choice, optionalDate, optionalText, requiredText } from '../schemas/fields.ts';

export const institutionKinds = ['dagpleje', 'daginstitution'] as const;
export type InstitutionKind = (typeof institutionKinds)[number];

export const institutionSchema = z.object({
  name: requiredText(120),
  kind: choice(institutionKinds),
  address: optionalText(200),
  /** The institution's contact person (leader, pedagogue, the childminder herself). */
  contactPerson: optionalText(120),
  phone: optionalPhone,
  email: optionalEmail,
  note: optionalText(1000),
  /** The day it was archived; '' while in use. Archived institutions are not offered for new links. */
  archivedAt: optionalDate,
});

export type Institution = z.output<typeof institutionSchema>;
export type InstitutionInput = z.input<typeof institutionSchema>;

export const isArchived = (institution: Pick<Institution, 'archivedAt'>): boolean => institution.archivedAt !== '';

/** Institutions in use, by name (Danish collation), for choosing one. */
export function activeInstitutions<T extends { data: Pick<Institution, 'name' | 'archivedAt'> }>(
  list: readonly T[],
): T[] {
  return list.filter((i) => !isArchived(i.data)).toSorted((a, b) => a.data.name.localeCompare(b.data.name, 'da'));
}
