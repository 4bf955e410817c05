/**
 * The consent gate kept by the server (issue 16), tried over HTTP against a real SQLite file as a
 * device would break it: a handover, a meeting in daycare, a language result shared by the daycare
 * and a COS-P enrolment are written only with a legal basis on their date and on the day they are
 * signed — the family's consent in force (not withdrawn, not expired, covering scores when scores
 * are shared) or an allowed exception with a justification. A withdrawal blocks new disclosures
 * from its day and keeps the ones made before. Institutions are never deleted; a talk names only
 * the team's institutions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessmentAreas } from '../../src/shared/visits/observation.ts';
import { addUser, device, login, pullAs, pushAs, startTestServer, type TestServer } from './helpers/server-app.ts';

let server: TestServer;
type Nurse = { id: string; token: string; tablet: ReturnType<typeof device> };
let mette: Nurse;
let sofie: Nurse;

const day = (offset = 0) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const now = () => new Date().toISOString();

beforeAll(async () => {
  server = await startTestServer();
  const make = async (username: string, team: string, name: string): Promise<Nurse> => {
    const user = await addUser(server.store, { username, team, name });
    return { id: user.userId, token: await login(server, username), tablet: device() };
  };
  mette = await make('mette', 'Jammerbugt', 'Mette');
  sofie = await make('sofie', 'Vesthimmerland', 'Sofie');
});
afterAll(() => server.close());

type Op = { kind: string; id?: string; op?: 'create' | 'update' | 'delete'; baseRev?: number; data?: object };

async function write(nurse: Nurse, m: Op) {
  const mutation = nurse.tablet.mutation({
    kind: m.kind,
    id: m.id ?? crypto.randomUUID(),
    op: m.op ?? 'create',
    baseRev: m.baseRev ?? 0,
    ...(m.data ? { data: m.data as Record<string, unknown> } : {}),
  });
  const res = await pushAs(server, nurse.token, nurse.tablet.request([mutation]));
  expect(res.status).toBe(200);
  const result = res.body.results[0];
  if (!result) throw new Error('no result');
  return { ...result, id: mutation.id };
}

const outcome = (r: { status: string; error?: { code: string; details?: unknown } }) =>
  r.status === 'rejected'
    ? `${r.error?.code}:${(r.error?.details as { reason?: string } | undefined)?.reason ?? ''}`
    : r.status;

const signature = (nurse: Nurse) => ({ status: 'underskrevet', signedBy: 'x', signedById: nurse.id, signedAt: now() });

async function caseload(nurse: Nurse) {
  const family = await write(nurse, { kind: 'family', data: { name: 'Familien Dagtilbud' } });
  const child = await write(nurse, {
    kind: 'child',
    data: { familyId: family.id, firstName: 'Alma', sex: 'pige', birthDate: '2025-02-14' },
  });
  const institution = await write(nurse, { kind: 'institution', data: { name: 'Solsikken', kind: 'daginstitution' } });
  expect(institution.status).toBe('applied');
  return { familyId: family.id, childId: child.id, institutionId: institution.id };
}
type Refs = Awaited<ReturnType<typeof caseload>>;

const consent = (refs: Refs, type: string, patch: object = {}) =>
  write(mette, {
    kind: 'consent',
    data: { familyId: refs.familyId, type, givenBy: 'Sara', form: 'skriftlig', date: day(-10), ...patch },
  });

/** A complete handover of the child, signed unless `signed` is false. */
const handover = (refs: Refs, patch: object = {}, signed = true) => ({
  familyId: refs.familyId,
  childId: refs.childId,
  date: day(),
  institutionId: refs.institutionId,
  recipientName: 'Lise Holm',
  form: 'skriftlig',
  legalBasis: 'samtykke',
  sections: [{ section: 'sprog', text: 'Siger enkelte ord.' }],
  parentsConfirmed: true,
  confirmedBy: 'Sara (mor)',
  ...(signed ? signature(mette) : {}),
  ...patch,
});

describe('a handover needs a legal basis when it is signed', () => {
  it('keeps a draft, refuses to sign it without consent, signs it with one; withdrawal blocks from its day', async () => {
    const refs = await caseload(mette);
    const draft = await write(mette, { kind: 'handover', data: handover(refs, {}, false) });
    expect(draft.status).toBe('applied');
    const sign = (id: string, baseRev: number) =>
      write(mette, { kind: 'handover', id, op: 'update', baseRev, data: signature(mette) });
    expect(outcome(await sign(draft.id, 1))).toBe('legal_basis_missing:consent-missing');
    // Another type of consent does not do.
    await consent(refs, 'tvaerfagligt-moede');
    expect(outcome(await sign(draft.id, 1))).toBe('legal_basis_missing:consent-missing');

    const given = await consent(refs, 'videregivelse-til-dagtilbud');
    const signed = await sign(draft.id, 1);
    expect(signed.status).toBe('applied');
    expect(signed.record?.data).toMatchObject({ status: 'underskrevet', signedBy: 'Mette', author: 'Mette' });
    expect(
      outcome(
        await write(mette, { kind: 'handover', id: draft.id, op: 'update', baseRev: 2, data: { recipientName: 'X' } }),
      ),
    ).toBe('final_record:');

    // Withdrawn today: nothing new is disclosed from today, not even dated yesterday or as an addition.
    const withdrawn = await write(mette, {
      kind: 'consent',
      id: given.id,
      op: 'update',
      baseRev: 1,
      data: { withdrawnAt: day(), withdrawnNote: 'Ønsker ikke videregivelse' },
    });
    expect(withdrawn.status).toBe('applied');
    expect(outcome(await write(mette, { kind: 'handover', data: handover(refs) }))).toBe(
      'legal_basis_missing:consent-withdrawn',
    );
    expect(outcome(await write(mette, { kind: 'handover', data: handover(refs, { date: day(-1) }) }))).toBe(
      'legal_basis_missing:consent-withdrawn',
    );
    const addition = handover(refs, {
      sections: [],
      text: 'Allergi over for nødder.',
      amendsId: draft.id,
      amendmentReason: 'Glemt',
    });
    expect(outcome(await write(mette, { kind: 'handover', data: addition }))).toBe(
      'legal_basis_missing:consent-withdrawn',
    );

    // What was disclosed before the withdrawal stays, unchanged.
    const pulled = await pullAs(server, mette.token, '?since=0');
    const kept = pulled.body.changes.find((r) => r.id === draft.id);
    expect(kept?.data).toMatchObject({ status: 'underskrevet', sections: [{ section: 'sprog' }] });
  });

  it('refuses an expired consent and scores without a consent that covers them', async () => {
    const refs = await caseload(mette);
    await consent(refs, 'videregivelse-til-dagtilbud', { validUntil: day(-1) });
    expect(outcome(await write(mette, { kind: 'handover', data: handover(refs) }))).toBe(
      'legal_basis_missing:consent-expired',
    );
    await consent(refs, 'videregivelse-til-dagtilbud', { date: day(-1) });
    const scores = { scores: [{ instrument: 'TOPI', date: day(-30), result: 'Gul' }] };
    expect(outcome(await write(mette, { kind: 'handover', data: handover(refs, scores) }))).toBe(
      'legal_basis_missing:scores-not-consented',
    );
    expect((await write(mette, { kind: 'handover', data: handover(refs) })).status).toBe('applied');
    await consent(refs, 'videregivelse-til-dagtilbud', { date: day(), instrumentScores: true });
    expect((await write(mette, { kind: 'handover', data: handover(refs, scores) })).status).toBe('applied');
  });

  it('accepts an exception only with a written justification, and never with scores', async () => {
    const refs = await caseload(mette);
    const exception = { legalBasis: 'undtagelse', exception: 'sundhedsloven-43-stk-2' };
    expect(outcome(await write(mette, { kind: 'handover', data: handover(refs, exception) }))).toBe('invalid_data:');
    expect(
      outcome(await write(mette, { kind: 'handover', data: handover(refs, { ...exception, justification: '   ' }) })),
    ).toBe('invalid_data:');
    const justified = { ...exception, justification: 'Livstruende allergi; dagtilbuddet skal kunne handle.' };
    expect((await write(mette, { kind: 'handover', data: handover(refs, justified) })).status).toBe('applied');
  });
});

describe('a meeting in daycare needs "tværfagligt møde" or the barnets lov exception', () => {
  const meeting = (refs: Refs, patch: object = {}) => ({
    familyId: refs.familyId,
    childId: refs.childId,
    type: 'moede-i-dagtilbud',
    date: day(),
    institutionId: refs.institutionId,
    participants: [{ name: 'Lise Holm', profession: 'paedagog', institution: 'Solsikken' }],
    legalBasis: 'samtykke',
    ...signature(mette),
    ...patch,
  });

  it('refuses without the consent, or under an exception the meeting does not allow', async () => {
    const refs = await caseload(mette);
    await consent(refs, 'videregivelse-til-dagtilbud');
    expect(outcome(await write(mette, { kind: 'cooperationMeeting', data: meeting(refs) }))).toBe(
      'legal_basis_missing:consent-missing',
    );
    const wrong = { legalBasis: 'undtagelse', exception: 'sundhedsloven-43-stk-2', justification: 'Begrundelse' };
    expect(outcome(await write(mette, { kind: 'cooperationMeeting', data: meeting(refs, wrong) }))).toBe(
      'legal_basis_missing:exception-not-allowed',
    );
    const oneOff = {
      legalBasis: 'undtagelse',
      exception: 'barnets-lov-tidlig-forebyggelse',
      justification: 'Enkeltstående udveksling i det tidlige forebyggende samarbejde om Alma.',
    };
    const held = await write(mette, { kind: 'cooperationMeeting', data: meeting(refs, oneOff) });
    expect(held.status).toBe('applied');
    await consent(refs, 'tvaerfagligt-moede');
    expect((await write(mette, { kind: 'cooperationMeeting', data: meeting(refs) })).status).toBe('applied');
  });
});

describe('a language result shared by the daycare, and a COS-P enrolment', () => {
  it('records the daycare’s result only with consent; the parents’ word needs none', async () => {
    const refs = await caseload(mette);
    const visit = await write(mette, {
      kind: 'visit',
      data: { familyId: refs.familyId, childId: refs.childId, type: 'besoeg-3-aar', date: day() },
    });
    const language = (source: string) => ({
      kind: 'observation',
      data: {
        visitId: visit.id,
        childId: refs.childId,
        familyId: refs.familyId,
        values: { section: 'language', done: true, resultGroup: 'fokuseret', source },
      },
    });
    expect(outcome(await write(mette, language('dagtilbud-med-samtykke')))).toBe('legal_basis_missing:consent-missing');
    const told = await write(mette, language('foraeldre'));
    expect(told.status).toBe('applied');
    // Changing the source of the saved section to the daycare is a disclosure too.
    const update = {
      values: { section: 'language', done: true, resultGroup: 'fokuseret', source: 'dagtilbud-med-samtykke' },
    };
    expect(
      outcome(await write(mette, { kind: 'observation', id: told.id, op: 'update', baseRev: 1, data: update })),
    ).toBe('legal_basis_missing:consent-missing');
    await consent(refs, 'videregivelse-til-dagtilbud');
    expect(
      (await write(mette, { kind: 'observation', id: told.id, op: 'update', baseRev: 1, data: update })).status,
    ).toBe('applied');
    // Other sections are never gated.
    const assessments = {
      section: 'assessments',
      areas: Object.fromEntries(assessmentAreas.map((a) => [a, { level: 'normal' }])),
    };
    const other = await write(mette, {
      kind: 'observation',
      data: { visitId: visit.id, childId: refs.childId, familyId: refs.familyId, values: assessments },
    });
    expect(other.status).toBe('applied');
  });

  it('enrols only with the COS-P consent; a later outcome after a withdrawal is no new disclosure', async () => {
    const refs = await caseload(mette);
    const course = await write(mette, {
      kind: 'cospCourse',
      data: { title: 'Tryghedscirklen', form: 'gruppe', startDate: day() },
    });
    const caregiver = await write(mette, {
      kind: 'caregiver',
      data: { familyId: refs.familyId, name: 'Sara', relation: 'mor' },
    });
    const enrolment = {
      courseId: course.id,
      familyId: refs.familyId,
      caregiverId: caregiver.id,
      enrolledOn: day(),
    };
    expect(outcome(await write(mette, { kind: 'cospEnrollment', data: enrolment }))).toBe(
      'legal_basis_missing:consent-missing',
    );
    const given = await consent(refs, 'deltagelse-i-cos-p');
    const enrolled = await write(mette, { kind: 'cospEnrollment', data: enrolment });
    expect(enrolled.status).toBe('applied');
    await write(mette, { kind: 'consent', id: given.id, op: 'update', baseRev: 1, data: { withdrawnAt: day() } });
    const outcomeUpdate = { outcome: 'frafaldet', dropoutReason: 'Samtykket er trukket tilbage' };
    expect(
      (await write(mette, { kind: 'cospEnrollment', id: enrolled.id, op: 'update', baseRev: 1, data: outcomeUpdate }))
        .status,
    ).toBe('applied');
  });
});

describe('institutions and talks', () => {
  it('never deletes an institution, and a talk names only the team’s institutions', async () => {
    const refs = await caseload(mette);
    expect(outcome(await write(mette, { kind: 'institution', id: refs.institutionId, op: 'delete', baseRev: 1 }))).toBe(
      'forbidden:',
    );
    const archived = await write(mette, {
      kind: 'institution',
      id: refs.institutionId,
      op: 'update',
      baseRev: 1,
      data: { archivedAt: day() },
    });
    expect(archived.status).toBe('applied');
    const foreign = await write(sofie, { kind: 'institution', data: { name: 'Andet sted', kind: 'dagpleje' } });
    const talk = (institutionIds: string[]) => ({
      kind: 'daycareActivity',
      data: { type: 'oplaeg', date: day(), topics: ['sprog'], participantsCount: 14, institutionIds },
    });
    expect(outcome(await write(mette, talk([refs.institutionId, foreign.id])))).toBe('reference_missing:');
    expect((await write(mette, talk([refs.institutionId]))).status).toBe('applied');
  });
});
