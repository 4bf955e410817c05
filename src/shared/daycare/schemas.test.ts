import { describe, expect, it } from 'vitest';
import { disclosureExceptions } from '../caseload/disclosure.ts';
import { FinalRecordError } from '../journal/signature.ts';
import { registry } from '../schemas/kinds.ts';
import { activitiesIn, activityPersonalDataHints, activitySchema } from './activity.ts';
import { HANDOVER_DISCLOSURE, LANGUAGE_RESULT_DISCLOSURE, MEETING_DISCLOSURE } from './daycare-fields.ts';
import { handoverAddition, handoverSchema, newHandover, sectionsInOrder, signHandoverData } from './handover.ts';
import { activeInstitutions, institutionSchema } from './institution.ts';
import { meetingAddition, meetingSchema, newMeeting } from './meeting.ts';
import { at, ids, mette, readyHandover, signedHandover, signedMeeting } from './test-fixtures.ts';

const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  (result.error?.issues ?? []).map((i) => i.path.join('.')).sort();

describe('the handover record', () => {
  it('a new draft is valid with nothing chosen yet', () => {
    const draft = newHandover({ familyId: ids.family, childId: ids.child }, mette, '2026-03-02');
    expect(handoverSchema.safeParse(draft).success).toBe(true);
  });

  it('is signed only with recipient, form, legal basis, a section and the parents’ confirmation', () => {
    const empty = newHandover({ familyId: ids.family, childId: ids.child }, mette, '2026-03-02');
    const signed = signHandoverData(empty, mette, at);
    expect(paths(handoverSchema.safeParse(signed))).toEqual([
      'confirmedBy',
      'form',
      'institutionId',
      'legalBasis',
      'parentsConfirmed',
      'sections',
    ]);
    expect(handoverSchema.safeParse(signHandoverData(readyHandover(), mette, at)).success).toBe(true);
  });

  it('under an exception needs the exception and a justification, and carries no scores', () => {
    const exception = readyHandover({ legalBasis: 'undtagelse', consentId: '' });
    expect(paths(handoverSchema.safeParse(signHandoverData(exception, mette, at)))).toEqual([
      'exception',
      'justification',
    ]);
    const justified = readyHandover({
      legalBasis: 'undtagelse',
      consentId: '',
      exception: 'sundhedsloven-43-stk-2',
      justification: 'Nødvendigt af hensyn til barnets helbred i dagtilbuddet.',
      scores: [{ instrument: 'TOPI', date: '2026-01-10', result: 'Gul', sourceId: '' }],
    });
    expect(paths(handoverSchema.safeParse(justified))).toEqual(['scores']);
  });

  it('shares each section once', () => {
    const twice = readyHandover({
      sections: [
        { section: 'sprog', text: 'a' },
        { section: 'sprog', text: 'b' },
      ],
    });
    expect(paths(handoverSchema.safeParse(twice))).toEqual(['sections']);
  });

  it('is final once signed: signing again throws', () => {
    const signed = signHandoverData(readyHandover(), mette, at);
    expect(() => signHandoverData(signed, mette, at)).toThrow(FinalRecordError);
  });

  it('an addition discloses only what it adds, on the same basis, pointing to the first of the chain', () => {
    const original = signedHandover(ids.handover);
    const addition = handoverAddition(
      original,
      { text: 'Allergi over for nødder.', sections: [{ section: 'mad', text: 'Ingen nødder.' }] },
      'Glemt ved mødet',
      mette,
      at,
      '2026-03-05',
    );
    expect(addition).toMatchObject({
      amendsId: ids.handover,
      amendmentReason: 'Glemt ved mødet',
      date: '2026-03-05',
      institutionId: ids.institution,
      legalBasis: 'samtykke',
      status: 'underskrevet',
      sections: [{ section: 'mad', text: 'Ingen nødder.' }],
      scores: [],
    });
    expect(handoverSchema.safeParse(addition).success).toBe(true);
    const second = handoverAddition({ id: 'x', data: addition }, { text: 'Mere' }, 'Igen', mette, at, '2026-03-06');
    expect(second.amendsId).toBe(ids.handover);
    expect(() =>
      handoverAddition({ id: 'd', data: readyHandover() }, { text: 'x' }, 'y', mette, at, '2026-03-06'),
    ).toThrow(FinalRecordError);
  });

  it('an addition without text is refused', () => {
    const addition = handoverAddition(signedHandover(ids.handover), { text: '' }, 'Grund', mette, at, '2026-03-05');
    expect(paths(handoverSchema.safeParse(addition))).toEqual(['text']);
  });

  it('lists sections in the letter order', () => {
    const order = sectionsInOrder([
      { section: 'andre-fagpersoner', text: 'a' },
      { section: 'trivsel-og-udvikling', text: 'b' },
    ]).map((s) => s.section);
    expect(order).toEqual(['trivsel-og-udvikling', 'andre-fagpersoner']);
  });
});

describe('the interdisciplinary meeting record', () => {
  it('is signed only with a partner and a legal basis; times and next date in order', () => {
    const draft = newMeeting({ familyId: ids.family, childId: ids.child }, 'moede-i-dagtilbud', '2026-02-10', mette);
    expect(meetingSchema.safeParse(draft).success).toBe(true);
    const unsigned = { ...draft, startTime: '10:00', endTime: '09:00', nextDate: '2026-02-01' };
    expect(paths(meetingSchema.safeParse(unsigned))).toEqual(['endTime', 'nextDate']);
    const bare = {
      ...draft,
      status: 'underskrevet' as const,
      signedBy: 'Mette',
      signedById: mette.id,
      signedAt: at.toISOString(),
    };
    expect(paths(meetingSchema.safeParse(bare))).toEqual(['legalBasis', 'participants']);
    expect(meetingSchema.safeParse(signedMeeting('m').data).success).toBe(true);
  });

  it('an addition carries its text and reason and keeps the original unchanged', () => {
    const original = signedMeeting(ids.handover);
    const before = structuredClone(original);
    const addition = meetingAddition(original, 'Aftalt opfølgning i april.', 'Tilføjet efter mødet', mette, at);
    expect(addition).toMatchObject({
      amendsId: ids.handover,
      text: 'Aftalt opfølgning i april.',
      status: 'underskrevet',
    });
    expect(meetingSchema.safeParse(addition).success).toBe(true);
    expect(original).toEqual(before);
  });
});

describe('institutions and activities', () => {
  it('an institution has a name and a kind; archived ones are not offered', () => {
    expect(paths(institutionSchema.safeParse({ kind: 'dagpleje' }))).toEqual(['name']);
    const active = { id: '1', data: { name: 'Ørnereden', archivedAt: '' } };
    const archived = { id: '2', data: { name: 'Abehuset', archivedAt: '2026-01-01' } };
    const alpha = { id: '3', data: { name: 'Solsikken', archivedAt: '' } };
    expect(activeInstitutions([active, archived, alpha]).map((i) => i.id)).toEqual(['3', '1']);
  });

  it('an activity has a topic; "andet" names it', () => {
    const base = { type: 'oplaeg', date: '2026-02-01' };
    expect(paths(activitySchema.safeParse(base))).toEqual(['topics']);
    expect(paths(activitySchema.safeParse({ ...base, topics: ['andet'] }))).toEqual(['topicOther']);
    expect(activitySchema.safeParse({ ...base, topics: ['sprog'], participantsCount: 14 }).success).toBe(true);
    expect(paths(activitySchema.safeParse({ ...base, topics: ['sprog'], participantsCount: -1 }))).toEqual([
      'participantsCount',
    ]);
  });

  it('warns of names of the caseload and CPR-like numbers in its free text', () => {
    const texts = { topicOther: '', institutionOther: '', notes: 'Vi talte om Alma og 010125-1234.' };
    expect(activityPersonalDataHints(texts, ['Alma Jensen', 'Sara Jensen'])).toEqual([
      { kind: 'cpr', match: '010125-1234' },
      { kind: 'name', match: 'Alma' },
    ]);
    expect(activityPersonalDataHints({ ...texts, notes: 'Sprogstimulering i vuggestuen' }, ['Alma'])).toEqual([]);
  });

  it('lists a period’s activities of a type, newest first', () => {
    const list = [
      { id: 'a', data: { type: 'oplaeg' as const, date: '2026-01-05' } },
      { id: 'b', data: { type: 'kompetenceforum' as const, date: '2026-01-20' } },
      { id: 'c', data: { type: 'oplaeg' as const, date: '2026-02-02' } },
      { id: 'd', data: { type: 'oplaeg' as const, date: '2025-12-31' } },
    ];
    const january = { from: '2026-01-01', to: '2026-01-31' };
    expect(activitiesIn(list, january).map((a) => a.id)).toEqual(['b', 'a']);
    expect(activitiesIn(list, { from: '2025-01-01', to: '2026-12-31' }, 'oplaeg').map((a) => a.id)).toEqual([
      'c',
      'a',
      'd',
    ]);
  });
});

describe('the registry’s consent gates', () => {
  it('are the shared disclosure rules (the server gates exactly what the device asks)', () => {
    const rule = (g: { consent: string; exceptions: readonly string[] } | undefined) =>
      g && { consent: g.consent, exceptions: [...g.exceptions] };
    expect(rule(registry.handover.consentGate)).toEqual(rule(HANDOVER_DISCLOSURE));
    expect(rule(registry.cooperationMeeting.consentGate)).toEqual(rule(MEETING_DISCLOSURE));
    expect(rule(registry.observation.consentGate)).toEqual(rule(LANGUAGE_RESULT_DISCLOSURE));
    expect([...HANDOVER_DISCLOSURE.exceptions]).toEqual([...disclosureExceptions]);
  });

  it('gate a language result only when the daycare shared it', () => {
    const when = registry.observation.consentGate.when;
    expect(when({ values: { section: 'language', source: 'dagtilbud-med-samtykke' } })).toBe(true);
    expect(when({ values: { section: 'language', source: 'foraeldre' } })).toBe(false);
    expect(when({ values: { section: 'topi' } })).toBe(false);
  });
});
