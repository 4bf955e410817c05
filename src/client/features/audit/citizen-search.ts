/**
 * Finding a citizen for the access extract in the caseload on this device (the data is on the
 * tablet; the search never goes to the server): children by CPR number (with or without the dash,
 * from the first digits) or by name; families by their name or a caregiver's name (a parent asking
 * about their own data). Case- and accent-insensitive ("sore" finds "Søren"); archived children
 * and families are found too (their data was seen all the same).
 */
import { normaliseCpr } from '../../../shared/domain/cpr.ts';

export type SearchChild = { id: string; familyId: string; name: string; cpr: string; archived: boolean };
export type SearchFamily = { id: string; name: string; caregivers: string[]; archived: boolean };

export type CitizenHit =
  | { kind: 'child'; id: string; familyId: string; name: string; cpr: string; familyName: string; archived: boolean }
  | { kind: 'family'; id: string; familyId: string; name: string; caregivers: string[]; archived: boolean };

/** At most this many hits: a search for one citizen needs no more; a longer list asks for more letters. */
export const MAX_HITS = 20;

export const fold = (text: string) =>
  text
    .toLocaleLowerCase('da')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');

const words = (query: string) => fold(query).split(/\s+/).filter(Boolean);

export function searchCitizens(
  query: string,
  caseload: { families: SearchFamily[]; children: SearchChild[] },
): CitizenHit[] {
  const trimmed = query.trim();
  if (trimmed === '') return [];
  const familyName = new Map(caseload.families.map((f) => [f.id, f.name]));
  const digits = normaliseCpr(trimmed);
  // A number is a CPR search: from its start, so "1403" finds everyone born on 14 March.
  if (/^\d+$/.test(digits)) {
    if (digits.length < 4) return [];
    return caseload.children
      .filter((c) => c.cpr.startsWith(digits))
      .sort((a, b) => a.name.localeCompare(b.name, 'da'))
      .slice(0, MAX_HITS)
      .map((c) => ({ kind: 'child', ...c, familyName: familyName.get(c.familyId) ?? '' }));
  }
  const wanted = words(trimmed);
  const has = (text: string) => {
    const folded = fold(text);
    return wanted.every((w) => folded.includes(w));
  };
  const children: CitizenHit[] = caseload.children
    .filter((c) => has(c.name))
    .sort((a, b) => a.name.localeCompare(b.name, 'da'))
    .map((c) => ({ kind: 'child', ...c, familyName: familyName.get(c.familyId) ?? '' }));
  const families: CitizenHit[] = caseload.families
    .filter((f) => has(f.name) || f.caregivers.some(has))
    .sort((a, b) => a.name.localeCompare(b.name, 'da'))
    .map((f) => ({ kind: 'family', ...f, familyId: f.id }));
  return [...children, ...families].slice(0, MAX_HITS);
}
