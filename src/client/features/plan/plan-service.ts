/**
 * Keeps a child's visit plan in line with the municipality's schedule: after a child is created or
 * its birth date changes, and after the family's inclusion changes, the plan is reconciled
 * (src/shared/caseload/schedule.ts). Only untouched planned contacts move; nothing is deleted.
 * The 1½- and 3-year visits are planned for families included in the programme; the handover to
 * daycare is planned before a childcare start (shared/daycare/handover-due.ts).
 */
import { addDaysIso } from '../../../shared/caseload/calendar.ts';
import { contactFromPlan, planContacts, reconcilePlan } from '../../../shared/caseload/schedule.ts';
import { handoverPlan } from '../../../shared/daycare/handover-due.ts';
import { localToday } from '../../../shared/domain/age.ts';
import type { Family } from '../../../shared/schemas/family.ts';
import { records } from '../../db/store.ts';
import { writer } from '../../db/write-store.ts';

/** The programme's extra visits are offered to families included in it and still active. */
export const qualifiesForExtraVisits = (family: Family) => family.inclusionDate !== '' && family.status === 'aktiv';

export async function reconcileChildPlan(
  childId: string,
): Promise<{ added: number; updated: number; cancelled: number }> {
  const child = await records.get('child', childId);
  if (!child) return { added: 0, updated: 0, cancelled: 0 };
  const [family, settings, contacts] = await Promise.all([
    records.get('family', child.data.familyId),
    records.settings(),
    records.contactsOfChild(childId),
  ]);
  const plan = [
    ...planContacts(child.data, settings.data, {
      extraVisits: family ? qualifiesForExtraVisits(family.data) : false,
    }),
    ...handoverPlan(child.data, settings.data.daycare.handoverWeeksBefore),
  ];
  const changes = reconcilePlan(
    contacts.map((c) => ({ id: c.id, ...c.data })),
    plan,
    // A child who joins the caseload late does not get long-past visits as overdue.
    { addFrom: addDaysIso(localToday(), -60) },
  );
  const byId = new Map(contacts.map((c) => [c.id, c.data]));
  for (const planned of changes.add) {
    await writer.create(
      'contact',
      contactFromPlan(planned, { childId, familyId: child.data.familyId, nurse: family?.data.tovholder ?? '' }),
    );
  }
  for (const { id, changes: patch } of [...changes.update, ...changes.cancel]) {
    const current = byId.get(id);
    if (current) await writer.update('contact', id, { ...current, ...patch });
  }
  return { added: changes.add.length, updated: changes.update.length, cancelled: changes.cancel.length };
}

export async function reconcileFamilyPlans(familyId: string): Promise<void> {
  for (const child of await records.childrenOfFamily(familyId)) await reconcileChildPlan(child.id);
}
