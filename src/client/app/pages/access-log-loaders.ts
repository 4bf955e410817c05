/**
 * Data for the access extract screen from this device's caseload: what the search looks through
 * (children, families with their caregivers; archived ones too), and for one family the names of
 * its children and which child each of its records concerns (the server's extract has ids only).
 */
import { records } from '../../db/store.ts';
import type { SearchChild, SearchFamily } from '../../features/audit/citizen-search.ts';

const childName = (c: { firstName: string; lastName: string }) => `${c.firstName} ${c.lastName}`.trim();

export async function searchableCaseload(): Promise<{ families: SearchFamily[]; children: SearchChild[] }> {
  const [families, archivedFamilies, children, archivedChildren, caregivers] = await Promise.all([
    records.all('family'),
    records.archived('family'),
    records.all('child'),
    records.archived('child'),
    records.all('caregiver'),
  ]);
  const caregiverNames = new Map<string, string[]>();
  for (const c of caregivers)
    caregiverNames.set(c.data.familyId, [...(caregiverNames.get(c.data.familyId) ?? []), c.data.name]);
  return {
    families: [
      ...families.map((f) => ({
        id: f.id,
        name: f.data.name,
        caregivers: caregiverNames.get(f.id) ?? [],
        archived: false,
      })),
      ...archivedFamilies.map((f) => ({
        id: f.id,
        name: f.data.name,
        caregivers: caregiverNames.get(f.id) ?? [],
        archived: true,
      })),
    ],
    children: [
      ...children.map((c) => ({
        id: c.id,
        familyId: c.data.familyId,
        name: childName(c.data),
        cpr: c.data.cpr,
        archived: false,
      })),
      ...archivedChildren.map((c) => ({
        id: c.id,
        familyId: c.data.familyId,
        name: childName(c.data),
        cpr: c.data.cpr,
        archived: true,
      })),
    ],
  };
}

export type FamilyIndex = { childNames: Map<string, string>; childOf: Map<string, string> };

export async function familyIndex(familyId: string): Promise<FamilyIndex> {
  const [children, archived, visits, contacts, notes] = await Promise.all([
    records.childrenOfFamily(familyId),
    records.archived('child'),
    records.byIndex('visit', 'familyId', familyId),
    records.ofFamily('contact', familyId),
    records.byIndex('journalNote', 'familyId', familyId),
  ]);
  const all = [...children, ...archived.filter((c) => c.data.familyId === familyId)];
  const childNames = new Map(all.map((c) => [c.id, childName(c.data)]));
  const childOf = new Map<string, string>(all.map((c) => [c.id, c.id]));
  for (const r of [...visits, ...contacts, ...notes]) if (r.data.childId) childOf.set(r.id, r.data.childId);
  const perChild = await Promise.all(
    all.map((c) =>
      Promise.all([
        records.byIndex('observation', 'childId', c.id),
        records.byIndex('instrumentResponse', 'childId', c.id),
      ]),
    ),
  );
  for (const [observations, responses] of perChild) {
    for (const r of [...observations, ...responses]) childOf.set(r.id, r.data.childId);
  }
  return { childNames, childOf };
}
