/**
 * Duplicate check before a child is created or edited: the same child must not get two records
 * (two journals). A match is the same CPR number, or the same birth date and the same name written
 * loosely alike. It only warns: twins share a birth date, and the nurse decides.
 */
import { normaliseCpr } from '../domain/cpr.ts';

export type DuplicateCandidate = {
  /** The record being edited, so it does not match itself. */
  id?: string;
  cpr: string;
  firstName: string;
  lastName: string;
  birthDate: string;
};
export type ExistingChild = Omit<DuplicateCandidate, 'id'> & { id: string };

export type DuplicateReason = 'cpr' | 'name-and-birthdate';
export type DuplicateMatch = { id: string; reason: DuplicateReason };

// Letters that do not decompose under NFD but are written without their stroke on many systems.
const FOLD: Record<string, string> = { ø: 'o', æ: 'ae', ß: 'ss', đ: 'd', ł: 'l' };

/**
 * A name for comparison: lower case, accents removed (å→a, é→e, ø→o, æ→ae), hyphens read as spaces,
 * runs of spaces collapsed. "Anne-Sofie  Østergård" and "anne sofie Ostergard" compare equal.
 */
export function normaliseName(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[øæßđł]/g, (ch) => FOLD[ch] ?? ch)
    .replace(/[\s-]+/g, ' ')
    .trim();
}

const fullName = (child: Pick<DuplicateCandidate, 'firstName' | 'lastName'>) =>
  normaliseName(`${child.firstName} ${child.lastName}`);

/** Existing children that may be the candidate, strongest reason first, in input order. */
export function findDuplicateChild(
  candidate: DuplicateCandidate,
  existing: readonly ExistingChild[],
): DuplicateMatch[] {
  const cpr = normaliseCpr(candidate.cpr);
  const name = fullName(candidate);
  const matches: DuplicateMatch[] = [];
  for (const child of existing) {
    if (child.id === candidate.id) continue;
    if (cpr !== '' && normaliseCpr(child.cpr) === cpr) matches.push({ id: child.id, reason: 'cpr' });
    else if (name !== '' && child.birthDate === candidate.birthDate && fullName(child) === name)
      matches.push({ id: child.id, reason: 'name-and-birthdate' });
  }
  return matches.toSorted((a, b) => (a.reason === b.reason ? 0 : a.reason === 'cpr' ? -1 : 1));
}
