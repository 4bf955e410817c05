import { describe, expect, it } from 'vitest';
import { kinds } from '../schemas/all-kinds.ts';
import { demoActivityDocuments, generateDemoActivity } from './demo-activity.ts';
import { generateDemoCaseload } from './demo-data.ts';

const today = '2026-05-12';
const caseload = generateDemoCaseload({ today, families: 120 });
const signer = { id: 'demo-user', displayName: 'Demo Sundhedsplejerske' };

describe('demo activity', () => {
  const activity = generateDemoActivity(caseload, { today, signer });
  const docs = demoActivityDocuments(activity);

  it('is valid for every kind and deterministic', () => {
    for (const doc of docs) {
      const parsed = kinds[doc.kind].schema.safeParse(doc.data);
      expect(parsed.success, `${doc.kind} ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
    expect(demoActivityDocuments(generateDemoActivity(caseload, { today, signer }))).toEqual(docs);
  });

  it('gives the overview something to count: signed visits, assessments, EPDS, a COS-P course', () => {
    expect(activity.visits.length).toBeGreaterThan(200);
    expect(activity.visits.every((v) => v.data.status === 'underskrevet' && v.data.date <= today)).toBe(true);
    expect(activity.observations.some((o) => o.data.values.section === 'assessments')).toBe(true);
    const epds = activity.instrumentResponses.filter((i) => i.data.response.instrument === 'EPDS');
    expect(epds.some((i) => i.data.response.flags.includes('above-cutoff'))).toBe(true);
    expect(epds.some((i) => !i.data.response.flags.includes('above-cutoff'))).toBe(true);
    expect(activity.courses).toHaveLength(1);
    expect(activity.sessions).toHaveLength(8);
    expect(activity.enrollments.filter((e) => e.data.outcome === 'frafaldet')).toHaveLength(1);
  });

  it('links every planned visit to a completed contact on its date; follow-ups are need-based and ad hoc', () => {
    const contacts = new Map(caseload.contacts.map((c) => [c.id, c.data]));
    for (const v of activity.visits)
      if (v.data.contactId === '') expect(v.data.type).toBe('behovsbesoeg');
      else expect(contacts.get(v.data.contactId)?.doneDate).toBe(v.data.date);
    expect(activity.visits.some((v) => v.data.contactId === '')).toBe(true);
  });
});
