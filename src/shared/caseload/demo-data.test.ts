import { describe, expect, it } from 'vitest';
import { ageInDays } from '../domain/age.ts';
import { cprBirthDate, cprProblem } from '../domain/cpr.ts';
import { kinds } from '../schemas/all-kinds.ts';
import { DEMO_CPR_SERIAL_PREFIX, DEMO_NURSES, demoDocuments, generateDemoCaseload, seededRandom } from './demo-data.ts';
import { worklist } from './worklist.ts';

const today = '2026-05-12';
const caseload = generateDemoCaseload({ today });
const docs = demoDocuments(caseload);

describe('seededRandom', () => {
  it('repeats for a seed and differs between seeds', () => {
    const take = (seed: number) => {
      const next = seededRandom(seed);
      return Array.from({ length: 5 }, next);
    };
    expect(take(7)).toEqual(take(7));
    expect(take(7)).not.toEqual(take(8));
    for (const value of take(3)) expect(value >= 0 && value < 1).toBe(true);
  });
});

describe('the demo caseload', () => {
  it('is deterministic for the same seed, size and day, and changes with them', () => {
    expect(generateDemoCaseload({ today })).toEqual(caseload);
    expect(generateDemoCaseload({ today, seed: 2 }).families[0]).not.toEqual(caseload.families[0]);
    const other = generateDemoCaseload({ today: '2026-06-01' });
    expect(other.children.map((c) => c.data.birthDate)).not.toEqual(caseload.children.map((c) => c.data.birthDate));
    expect(generateDemoCaseload({ today, families: 3 }).families).toHaveLength(3);
  });

  it('has at least 50 families, 1–3 children and 1–2 caregivers each, with unique ids', () => {
    expect(caseload.families.length).toBeGreaterThanOrEqual(50);
    for (const family of caseload.families) {
      const children = caseload.children.filter((c) => c.data.familyId === family.id);
      const caregivers = caseload.caregivers.filter((c) => c.data.familyId === family.id);
      expect(children.length).toBeGreaterThanOrEqual(1);
      expect(children.length).toBeLessThanOrEqual(3);
      expect(caregivers.length).toBeGreaterThanOrEqual(1);
      expect(caregivers.length).toBeLessThanOrEqual(2);
      expect(family.data.notes).toMatch(/^Fiktiv demofamilie/);
      expect(DEMO_NURSES).toContain(family.data.tovholder);
    }
    expect(new Set(docs.map((d) => d.id)).size).toBe(docs.length);
  });

  it('gives siblings different first names, and twins one gestational age', () => {
    let twins = 0;
    for (const family of caseload.families) {
      const children = caseload.children.filter((c) => c.data.familyId === family.id).map((c) => c.data);
      expect(new Set(children.map((c) => c.firstName)).size).toBe(children.length);
      for (const a of children)
        for (const b of children)
          if (a !== b && a.birthDate === b.birthDate) {
            twins += 1;
            expect([a.gestationalAgeWeeks, a.gestationalAgeDays]).toEqual([
              b.gestationalAgeWeeks,
              b.gestationalAgeDays,
            ]);
          }
    }
    expect(twins).toBeGreaterThan(0);
  });

  it('gives only documents that are valid, complete and canonical for their kind', () => {
    for (const doc of docs) {
      const parsed = kinds[doc.kind].schema.safeParse(doc.data);
      expect(parsed.success, `${doc.kind} ${doc.id}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      expect(parsed.data).toEqual(doc.data);
    }
    expect(new Set(docs.map((d) => d.kind))).toEqual(new Set(['family', 'caregiver', 'child', 'consent', 'contact']));
  });

  it('refers only to its own families and children', () => {
    const families = new Set(caseload.families.map((f) => f.id));
    const children = new Map(caseload.children.map((c) => [c.id, c.data.familyId]));
    for (const doc of [...caseload.children, ...caseload.caregivers, ...caseload.consents, ...caseload.contacts])
      expect(families.has(doc.data.familyId)).toBe(true);
    for (const contact of caseload.contacts) expect(children.get(contact.data.childId)).toBe(contact.data.familyId);
    const caregivers = new Set(caseload.caregivers.map((c) => c.id));
    for (const consent of caseload.consents) expect(caregivers.has(consent.data.givenBy)).toBe(true);
  });

  it('gives unique demo CPR numbers that match birth dates within the last three years', () => {
    const cprs = caseload.children.map((c) => c.data.cpr);
    expect(new Set(cprs).size).toBe(cprs.length);
    for (const { data } of caseload.children) {
      expect(cprProblem(data.cpr)).toBeNull();
      expect(cprBirthDate(data.cpr)).toBe(data.birthDate);
      expect(data.cpr.slice(6, 8)).toBe(DEMO_CPR_SERIAL_PREFIX);
      expect(Number(data.cpr.at(-1)) % 2).toBe(data.sex === 'dreng' ? 1 : 0);
      const age = ageInDays(data.birthDate, today);
      expect(age).toBeGreaterThanOrEqual(0);
      expect(age).toBeLessThanOrEqual(3 * 366);
    }
  });

  it('mixes statuses, preterm children, interpreters and withdrawn consents', () => {
    const statuses = new Set(caseload.families.map((f) => f.data.status));
    expect(statuses).toEqual(new Set(['aktiv', 'afsluttet', 'fraflyttet']));
    expect(caseload.families.filter((f) => f.data.status === 'aktiv').length).toBeGreaterThan(
      caseload.families.length / 2,
    );
    expect(caseload.children.some((c) => (c.data.gestationalAgeWeeks ?? 40) < 37)).toBe(true);
    expect(caseload.caregivers.some((c) => c.data.interpreterNeeded)).toBe(true);
    expect(caseload.consents.some((c) => c.data.withdrawnAt !== '')).toBe(true);
    const contactStatuses = new Set(caseload.contacts.map((c) => c.data.status));
    for (const status of ['planlagt', 'gennemfoert', 'udeblevet', 'aflyst-af-familien'] as const)
      expect(contactStatuses).toContain(status);
  });

  it('keeps done contacts in the past and inside their window', () => {
    for (const { data } of caseload.contacts) {
      if (data.status !== 'gennemfoert') continue;
      expect(data.doneDate <= today).toBe(true);
      if (data.source === 'plan') {
        expect(data.doneDate >= data.windowFrom).toBe(true);
        expect(data.doneDate <= data.windowTo).toBe(true);
      }
    }
  });

  it('leaves overdue contacts on the worklist for today, only for active families', () => {
    const items = worklist(
      caseload.contacts.map((c) => ({ id: c.id, ...c.data })),
      today,
    );
    const overdue = items.filter((i) => i.bucket === 'overdue');
    expect(overdue.length).toBeGreaterThan(0);
    expect(items.some((i) => i.bucket !== 'overdue')).toBe(true);
    const active = new Set(caseload.families.filter((f) => f.data.status === 'aktiv').map((f) => f.id));
    for (const item of items) expect(active.has(item.contact.familyId)).toBe(true);
    expect(
      worklist(
        overdue.map((i) => i.contact),
        today,
        { nurse: DEMO_NURSES[0] },
      ).length,
    ).toBeGreaterThan(0);
  });

  it('rejects a malformed day and a bad size', () => {
    expect(() => generateDemoCaseload({ today: '12-05-2026' })).toThrow(/YYYY-MM-DD/);
    expect(() => generateDemoCaseload({ today, families: 0 })).toThrow(/positive/);
  });
});
