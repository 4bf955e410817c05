/**
 * The plan service against the app's real encrypted store (fake-indexeddb): a child gets its plan, a
 * corrected birth date moves only untouched contacts, inclusion adds the 1½- and 3-year visits.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore } from '../../../../tests/setup/test-store.ts';
import { records, setCurrentStore } from '../../db/store.ts';
import { writer } from '../../db/write-store.ts';
import { reconcileChildPlan, reconcileFamilyPlans } from './plan-service.ts';

let local: Awaited<ReturnType<typeof openTestStore>>;
beforeEach(async () => {
  local = await openTestStore();
  setCurrentStore(local.store);
});
afterEach(async () => {
  setCurrentStore(null);
  await local.remove().catch(() => undefined);
});

const birth = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

async function familyWithChild(included: boolean, birthDate: string) {
  const familyId = await writer.create('family', {
    name: 'Familien Plan',
    inclusionDate: included ? '2025-01-01' : '',
  });
  const childId = await writer.create('child', { familyId, firstName: 'Ida', sex: 'pige', birthDate });
  return { familyId, childId };
}

describe('plan service', () => {
  it('plans the standard programme for a newborn and the extra visits only for an included family', async () => {
    const { familyId, childId } = await familyWithChild(false, birth(3));
    const first = await reconcileChildPlan(childId);
    const keys = (await records.contactsOfChild(childId)).map((c) => c.data.scheduleKey).sort();
    expect(first.added).toBe(keys.length);
    expect(keys.some((k) => k.includes('18') || k.includes('1-5'))).toBe(false);
    const family = await records.get('family', familyId);
    await writer.update('family', familyId, { ...family?.data, inclusionDate: '2025-01-01' });
    await reconcileFamilyPlans(familyId);
    const types = (await records.contactsOfChild(childId)).map((c) => c.data.type);
    expect(types).toContain('besoeg-1-5-aar');
    expect(types).toContain('besoeg-3-aar');
    // Idempotent: nothing more to do.
    expect(await reconcileChildPlan(childId)).toEqual({ added: 0, updated: 0, cancelled: 0 });
  });

  it('moves untouched planned contacts when the birth date is corrected, never done ones', async () => {
    const { childId } = await familyWithChild(true, birth(10));
    await reconcileChildPlan(childId);
    const contacts = await records.contactsOfChild(childId);
    const done = contacts.find((c) => c.data.type === 'barselsbesoeg');
    if (!done) throw new Error('no barselsbesoeg planned');
    await writer.update('contact', done.id, { ...done.data, status: 'gennemfoert', doneDate: done.data.targetDate });
    const child = await records.get('child', childId);
    await writer.update('child', childId, { ...child?.data, birthDate: birth(12) });
    const result = await reconcileChildPlan(childId);
    expect(result.updated).toBeGreaterThan(0);
    const after = await records.contactsOfChild(childId);
    expect(after.find((c) => c.id === done.id)?.data).toMatchObject({
      status: 'gennemfoert',
      targetDate: done.data.targetDate,
    });
    const threeYear = after.find((c) => c.data.type === 'besoeg-3-aar');
    const before = contacts.find((c) => c.data.type === 'besoeg-3-aar');
    expect(threeYear?.data.targetDate).not.toBe(before?.data.targetDate);
    expect(after).toHaveLength(contacts.length);
  });
});
