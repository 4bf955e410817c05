/**
 * The nurses the worklist's filter offers: the team as far as this device knows it. The device
 * has no list of the team's users (that needs the server's user list); it knows the signed-in
 * user and the names in the caseload: tovholders, the nurses contacts are assigned to, the nurses
 * who took part in or signed visits, and who last wrote a record. A nurse without visits of her
 * own is listed too (her list is simply empty), unlike a list built from contacts alone.
 */
import type { Contact } from '../../../shared/caseload/contact.ts';
import type { Family } from '../../../shared/schemas/family.ts';
import type { Visit } from '../../../shared/visits/visit.ts';

type Named<T> = { data: T; updatedBy?: string };

export type TeamSources = {
  /** The signed-in user's display name. */
  me: string;
  families: readonly Named<Pick<Family, 'tovholder'>>[];
  contacts: readonly Named<Pick<Contact, 'nurse'>>[];
  visits: readonly Named<Pick<Visit, 'participants' | 'signedBy'>>[];
};

const key = (name: string) => name.trim().toLocaleLowerCase('da');

/** The names, trimmed, each once (case-insensitively, first spelling kept), without `me`, sorted. */
export function teamNurses({ me, families, contacts, visits }: TeamSources): string[] {
  const names = [
    ...families.flatMap((f) => [f.data.tovholder, f.updatedBy ?? '']),
    ...contacts.flatMap((c) => [c.data.nurse, c.updatedBy ?? '']),
    ...visits.flatMap((v) => [
      v.data.signedBy,
      v.updatedBy ?? '',
      ...v.data.participants.filter((p) => p.role === 'sundhedsplejerske').map((p) => p.name),
    ]),
  ];
  const byKey = new Map<string, string>();
  // Tens of thousands of names, a handful of people: the locale-aware key only once per spelling.
  for (const name of new Set(names)) {
    const trimmed = name.trim();
    if (trimmed !== '' && !byKey.has(key(trimmed))) byKey.set(key(trimmed), trimmed);
  }
  byKey.delete(key(me));
  return [...byKey.values()].sort((a, b) => a.localeCompare(b, 'da'));
}
