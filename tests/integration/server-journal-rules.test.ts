/**
 * The journal rules kept by the server (issue 11), tried from outside as a logged-in nurse would
 * break them, over HTTP against a real SQLite file: signed is final for visits and everything of a
 * signed visit, journal notes, COS-P reflections and every correction; a correction points to a
 * signed original of the same kind and subject; identity and times come from the server; every
 * reference lies in the writer's team; a visit is signed only with its required sections.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreEpds } from '../../src/shared/instruments/epds.ts';
import { assessmentAreas } from '../../src/shared/visits/observation.ts';
import {
  addUser,
  call,
  device,
  login,
  pullAs,
  pushAs,
  startTestServer,
  type TestServer,
} from './helpers/server-app.ts';

let server: TestServer;
type Nurse = { id: string; token: string; tablet: ReturnType<typeof device> };
let mette: Nurse;
let hanne: Nurse;
let sofie: Nurse;

const today = () => new Date().toISOString().slice(0, 10);
const soon = () => new Date().toISOString();

beforeAll(async () => {
  server = await startTestServer();
  const make = async (username: string, team: string, name: string): Promise<Nurse> => {
    const user = await addUser(server.store, { username, team, name });
    return { id: user.userId, token: await login(server, username), tablet: device() };
  };
  mette = await make('mette', 'Jammerbugt', 'Mette');
  hanne = await make('hanne', 'Jammerbugt', 'Hanne');
  sofie = await make('sofie', 'Vesthimmerland', 'Sofie');
});
afterAll(() => server.close());

type Op = { kind: string; id?: string; op?: 'create' | 'update' | 'delete'; baseRev?: number; data?: object };

/** Pushes one mutation as a nurse; returns its result. */
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

const signature = (nurse: Nurse, name: string, at = soon()) => ({ signedBy: name, signedById: nurse.id, signedAt: at });

async function caseload(nurse: Nurse) {
  const family = await write(nurse, { kind: 'family', data: { name: 'Familien Regel' } });
  const child = await write(nurse, {
    kind: 'child',
    data: { familyId: family.id, firstName: 'Alma', sex: 'pige', birthDate: '2025-03-14' },
  });
  const caregiver = await write(nurse, {
    kind: 'caregiver',
    data: { familyId: family.id, name: 'Maja', relation: 'mor' },
  });
  return { familyId: family.id, childId: child.id, caregiverId: caregiver.id };
}

const sections = {
  measurements: {
    section: 'measurements',
    weightGrams: 10800,
    lengthCm: null,
    lengthReason: 'ikke-maalt',
    headCircumferenceCm: null,
    headReason: 'ikke-maalt',
  },
  assessments: {
    section: 'assessments',
    areas: Object.fromEntries(assessmentAreas.map((a) => [a, { level: 'normal' }])),
  },
  feeding: { section: 'feeding', category: 'udelukkende-familiens-mad' },
  tobacco: { section: 'tobacco', exposed: false },
} as const;

/** A 1½-year visit with its required sections and an EPDS, signed by `nurse`. */
async function signedVisit(nurse: Nurse, name: string) {
  const refs = await caseload(nurse);
  const visit = await write(nurse, {
    kind: 'visit',
    data: { familyId: refs.familyId, childId: refs.childId, type: 'besoeg-1-5-aar', date: today() },
  });
  const observations: Record<string, string> = {};
  for (const [section, values] of Object.entries(sections)) {
    const o = await write(nurse, {
      kind: 'observation',
      data: { visitId: visit.id, childId: refs.childId, familyId: refs.familyId, values },
    });
    expect(o.status).toBe('applied');
    observations[section] = o.id;
  }
  const epds = scoreEpds({ role: 'mor', answers: [1, 1, 2, 1, 2, 2, 2, 3, 3, 3] }).response;
  expect(epds.total).toBe(7);
  const instrument = await write(nurse, {
    kind: 'instrumentResponse',
    data: {
      visitId: visit.id,
      childId: refs.childId,
      familyId: refs.familyId,
      caregiverId: refs.caregiverId,
      response: epds,
    },
  });
  expect(instrument).toMatchObject({ status: 'applied' });
  const signed = await write(nurse, {
    kind: 'visit',
    id: visit.id,
    op: 'update',
    baseRev: 1,
    data: { status: 'underskrevet', startTime: '09:00', endTime: '10:00', ...signature(nurse, name) },
  });
  expect(signed).toMatchObject({ status: 'applied' });
  return { ...refs, visitId: visit.id, observations, instrumentId: instrument.id, epds };
}

const code = (result: { status: string; error?: { code: string } }) =>
  result.status === 'rejected' ? result.error?.code : result.status;

describe('everything of a signed visit is final', () => {
  it('refuses to change, delete or add an original observation or EPDS after signing; a correction is added', async () => {
    const v = await signedVisit(mette, 'Mette');
    const measurementId = v.observations.measurements as string;
    expect(
      code(
        await write(mette, {
          kind: 'observation',
          id: measurementId,
          op: 'update',
          baseRev: 1,
          data: { amendmentReason: '' },
        }),
      ),
    ).toBe('final_record');
    expect(code(await write(mette, { kind: 'observation', id: measurementId, op: 'delete', baseRev: 1 }))).toBe(
      'final_record',
    );
    // The EPDS total 7 changed to 29 after signing (the case from the issue).
    const worse = scoreEpds({ role: 'mor', answers: [3, 3, 0, 3, 0, 0, 0, 0, 0, 1] }).response;
    expect(worse.total).toBe(29);
    expect(
      code(
        await write(mette, {
          kind: 'instrumentResponse',
          id: v.instrumentId,
          op: 'update',
          baseRev: 1,
          data: { response: worse },
        }),
      ),
    ).toBe('final_record');
    expect(code(await write(mette, { kind: 'instrumentResponse', id: v.instrumentId, op: 'delete', baseRev: 1 }))).toBe(
      'final_record',
    );
    const refs = { visitId: v.visitId, childId: v.childId, familyId: v.familyId };
    expect(
      code(
        await write(mette, {
          kind: 'instrumentResponse',
          data: { ...refs, caregiverId: v.caregiverId, response: worse },
        }),
      ),
    ).toBe('final_record');
    expect(code(await write(mette, { kind: 'observation', data: { ...refs, values: sections.feeding } }))).toBe(
      'final_record',
    );

    const correction = await write(mette, {
      kind: 'observation',
      data: {
        ...refs,
        values: { ...sections.measurements, weightGrams: 10850 },
        amendsId: measurementId,
        amendmentReason: 'Tastefejl',
        ...signature(mette, 'Mette'),
      },
    });
    expect(correction).toMatchObject({ status: 'applied' });
    expect(correction.record?.data).toMatchObject({ signedBy: 'Mette', amendsId: measurementId });
    // A correction is final once it exists.
    expect(
      code(
        await write(mette, {
          kind: 'observation',
          id: correction.id,
          op: 'update',
          baseRev: 1,
          data: { amendmentReason: 'Andet' },
        }),
      ),
    ).toBe('final_record');
    expect(code(await write(mette, { kind: 'observation', id: correction.id, op: 'delete', baseRev: 1 }))).toBe(
      'final_record',
    );
  });

  it('a correction names an existing original of the same visit and section, and is signed', async () => {
    const v = await signedVisit(mette, 'Mette');
    const refs = { visitId: v.visitId, childId: v.childId, familyId: v.familyId };
    const base = { ...refs, amendmentReason: 'Tastefejl', ...signature(mette, 'Mette') };
    const values = { ...sections.measurements, weightGrams: 10850 };
    expect(
      code(await write(mette, { kind: 'observation', data: { ...base, values, amendsId: crypto.randomUUID() } })),
    ).toBe('reference_missing');
    // Another section's original.
    expect(
      code(await write(mette, { kind: 'observation', data: { ...base, values, amendsId: v.observations.feeding } })),
    ).toBe('invalid_correction');
    // Another visit's original.
    const other = await signedVisit(mette, 'Mette');
    expect(
      code(
        await write(mette, {
          kind: 'observation',
          data: { ...base, values, amendsId: other.observations.measurements },
        }),
      ),
    ).toBe('reference_mismatch');
  });

  it('only the author edits or signs a draft visit, and its sections', async () => {
    const refs = await caseload(mette);
    const visit = await write(mette, {
      kind: 'visit',
      data: { familyId: refs.familyId, childId: refs.childId, type: 'behovsbesoeg', date: today() },
    });
    const visitRefs = { visitId: visit.id, childId: refs.childId, familyId: refs.familyId };
    expect(code(await write(hanne, { kind: 'observation', data: { ...visitRefs, values: sections.feeding } }))).toBe(
      'not_author',
    );
    // A teammate signing a draft in the author's name.
    expect(
      code(
        await write(hanne, {
          kind: 'visit',
          id: visit.id,
          op: 'update',
          baseRev: 1,
          data: { status: 'underskrevet', startTime: '09:00', endTime: '10:00', ...signature(mette, 'Mette') },
        }),
      ),
    ).toBe('not_author');
    expect(code(await write(hanne, { kind: 'visit', id: visit.id, op: 'delete', baseRev: 1 }))).toBe('not_author');
    // The author herself may discard her draft.
    expect(code(await write(mette, { kind: 'visit', id: visit.id, op: 'delete', baseRev: 1 }))).toBe('applied');
  });

  it('a visit is signed only when its required sections are there', async () => {
    const refs = await caseload(mette);
    const visit = await write(mette, {
      kind: 'visit',
      data: { familyId: refs.familyId, childId: refs.childId, type: 'besoeg-1-5-aar', date: today() },
    });
    const result = await write(mette, {
      kind: 'visit',
      id: visit.id,
      op: 'update',
      baseRev: 1,
      data: { status: 'underskrevet', startTime: '09:00', endTime: '10:00', ...signature(mette, 'Mette') },
    });
    expect(result).toMatchObject({ status: 'rejected', error: { code: 'sign_incomplete' } });
    expect(result.error?.details).toContainEqual({ section: 'measurements', problem: 'missing' });
  });
});

describe('one push sees its own writes', () => {
  it('a visit created, signed and then added to in one request: the records after the signature are refused', async () => {
    // The server keeps the records a push looked up for its later mutations (apply-mutation.ts):
    // the visit is looked up as a draft by its first observations, so the rules can only refuse the
    // late ones if the signature in between is seen.
    const refs = await caseload(mette);
    const visitId = crypto.randomUUID();
    const m = (kind: string, op: 'create' | 'update', data: object, id: string = crypto.randomUUID(), baseRev = 0) =>
      mette.tablet.mutation({ kind, id, op, baseRev, data: data as Record<string, unknown> });
    const ofVisit = { visitId, childId: refs.childId, familyId: refs.familyId };
    const mutations = [
      m(
        'visit',
        'create',
        { familyId: refs.familyId, childId: refs.childId, type: 'besoeg-1-5-aar', date: today() },
        visitId,
      ),
      ...Object.values(sections).map((values) => m('observation', 'create', { ...ofVisit, values })),
      m(
        'visit',
        'update',
        { status: 'underskrevet', startTime: '09:00', endTime: '10:00', ...signature(mette, 'Mette') },
        visitId,
        1,
      ),
      m('observation', 'create', { ...ofVisit, values: sections.feeding }),
      m('instrumentResponse', 'create', {
        ...ofVisit,
        caregiverId: refs.caregiverId,
        response: scoreEpds({ role: 'mor', answers: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0] }).response,
      }),
    ];
    const res = await pushAs(server, mette.token, mette.tablet.request(mutations));
    expect(res.status).toBe(200);
    const codes = res.body.results.map(code);
    const before = Object.keys(sections).length + 2;
    expect(codes.slice(0, before)).toEqual(Array(before).fill('applied'));
    expect(codes.slice(before)).toEqual(['final_record', 'final_record']);
  });
});

describe('identity comes from the login', () => {
  it('refuses a note, a correction or a reflection that names a colleague as author or signer', async () => {
    const refs = await caseload(mette);
    const asHanne = { familyId: refs.familyId, text: 'Notat', author: 'Hanne', authorId: hanne.id };
    expect(code(await write(mette, { kind: 'journalNote', data: asHanne }))).toBe('identity_mismatch');
    const signedByHanne = {
      familyId: refs.familyId,
      text: 'Notat',
      author: 'Mette',
      authorId: mette.id,
      status: 'underskrevet',
      ...signature(hanne, 'Hanne'),
    };
    expect(code(await write(mette, { kind: 'journalNote', data: signedByHanne }))).toBe('identity_mismatch');

    const course = await write(mette, {
      kind: 'cospCourse',
      data: { title: 'Tryghedscirklen', form: 'gruppe', startDate: today() },
    });
    const session = await write(mette, {
      kind: 'cospSession',
      data: { courseId: course.id, number: 1, date: today() },
    });
    expect(session.status).toBe('applied');
    const reflection = {
      familyId: refs.familyId,
      courseId: course.id,
      sessionId: session.id,
      text: 'Mor øvede',
      author: 'Hanne',
      authorId: hanne.id,
    };
    expect(code(await write(mette, { kind: 'cospFamilyReflection', data: reflection }))).toBe('identity_mismatch');
    const own = await write(mette, {
      kind: 'cospFamilyReflection',
      data: { ...reflection, author: 'Mette', authorId: mette.id },
    });
    expect(own.status).toBe('applied');
    // A teammate may not edit or sign it.
    expect(
      code(
        await write(hanne, { kind: 'cospFamilyReflection', id: own.id, op: 'update', baseRev: 1, data: { text: 'x' } }),
      ),
    ).toBe('not_author');
  });

  it('sets names from the login: a note written as "Hanne" by Mette is stored as Mette’s', async () => {
    const refs = await caseload(mette);
    const note = await write(mette, {
      kind: 'journalNote',
      data: {
        familyId: refs.familyId,
        text: 'Notat',
        author: 'Hanne',
        authorId: mette.id,
        status: 'underskrevet',
        ...signature(mette, 'Hanne'),
      },
    });
    expect(note.status).toBe('applied');
    expect(note.record?.data).toMatchObject({ author: 'Mette', signedBy: 'Mette' });
  });

  it('an audit event is the login’s own and is never changed', async () => {
    const event = { action: 'open', what: 'family', userId: hanne.id, at: soon() };
    expect(code(await write(mette, { kind: 'auditEvent', data: event }))).toBe('identity_mismatch');
    const own = await write(mette, { kind: 'auditEvent', data: { ...event, userId: mette.id } });
    expect(own.status).toBe('applied');
    expect(
      code(await write(mette, { kind: 'auditEvent', id: own.id, op: 'update', baseRev: 1, data: { what: 'x' } })),
    ).toBe('final_record');
    expect(code(await write(mette, { kind: 'auditEvent', id: own.id, op: 'delete', baseRev: 1 }))).toBe('final_record');
  });
});

describe('times come from the server', () => {
  const signedNote = (familyId: string, signedAt: string) => ({
    familyId,
    text: 'Notat',
    author: 'Mette',
    authorId: mette.id,
    status: 'underskrevet',
    ...signature(mette, 'Mette', signedAt),
  });

  it('refuses a time of signing in 2099 or in 1999, and stamps its own', async () => {
    const refs = await caseload(mette);
    const future = await write(mette, {
      kind: 'journalNote',
      data: signedNote(refs.familyId, '2099-01-01T10:00:00.000Z'),
    });
    expect(future).toMatchObject({ status: 'rejected', error: { code: 'signed_at_invalid' } });
    const past = await write(mette, {
      kind: 'journalNote',
      data: signedNote(refs.familyId, '1999-01-01T10:00:00.000Z'),
    });
    expect(past).toMatchObject({ status: 'rejected', error: { code: 'signed_at_invalid' } });

    // Signed offline six hours ago: kept as the device's time, with the server's beside it.
    const offline = new Date(Date.now() - 6 * 3600_000).toISOString();
    const before = Date.now();
    const ok = await write(mette, {
      kind: 'journalNote',
      data: { ...signedNote(refs.familyId, offline), serverSignedAt: '2000-01-01T00:00:00.000Z' },
    });
    expect(ok.status).toBe('applied');
    const data = ok.record?.data as Record<string, string>;
    expect(data.signedAt).toBe(offline);
    expect(Date.parse(data.serverSignedAt as string)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(data.recordedAt as string)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('refuses a signature before the draft existed on the server, or before the visit’s day', async () => {
    const refs = await caseload(mette);
    const draft = await write(mette, {
      kind: 'journalNote',
      data: { familyId: refs.familyId, text: 'Kladde', author: 'Mette', authorId: mette.id },
    });
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    const early = await write(mette, {
      kind: 'journalNote',
      id: draft.id,
      op: 'update',
      baseRev: 1,
      data: { status: 'underskrevet', ...signature(mette, 'Mette', yesterday) },
    });
    expect(early).toMatchObject({ status: 'rejected', error: { code: 'signed_at_invalid' } });
    const visit = await write(mette, {
      kind: 'visit',
      data: { familyId: refs.familyId, childId: refs.childId, type: 'behovsbesoeg', date: today() },
    });
    const beforeVisit = await write(mette, {
      kind: 'journalNote',
      data: { ...signedNote(refs.familyId, new Date(Date.now() - 3 * 86_400_000).toISOString()), visitId: visit.id },
    });
    expect(beforeVisit).toMatchObject({ status: 'rejected', error: { code: 'signed_at_invalid' } });
  });
});

describe('journal notes and reflections: signed is final, corrections are additions', () => {
  it('refuses to change or delete a signed note or correction; a correction names a signed original', async () => {
    const refs = await caseload(mette);
    const note = { familyId: refs.familyId, text: 'Udkast', author: 'Mette', authorId: mette.id };
    const draft = await write(mette, { kind: 'journalNote', data: note });
    expect(
      code(
        await write(mette, { kind: 'journalNote', id: draft.id, op: 'update', baseRev: 1, data: { text: 'Rettet' } }),
      ),
    ).toBe('applied');
    // A correction of a draft is refused: a draft is edited, not corrected.
    const correctionOf = (amendsId: string) => ({
      ...note,
      text: 'Tilføjelse',
      status: 'underskrevet',
      amendsId,
      amendmentReason: 'Præcisering',
      ...signature(mette, 'Mette'),
    });
    expect(code(await write(mette, { kind: 'journalNote', data: correctionOf(draft.id) }))).toBe('invalid_correction');
    expect(
      code(
        await write(mette, {
          kind: 'journalNote',
          id: draft.id,
          op: 'update',
          baseRev: 2,
          data: { status: 'underskrevet', ...signature(mette, 'Mette') },
        }),
      ),
    ).toBe('applied');
    expect(
      code(await write(mette, { kind: 'journalNote', id: draft.id, op: 'update', baseRev: 3, data: { text: 'Ny' } })),
    ).toBe('final_record');
    expect(code(await write(mette, { kind: 'journalNote', id: draft.id, op: 'delete', baseRev: 3 }))).toBe(
      'final_record',
    );
    expect(code(await write(mette, { kind: 'journalNote', data: correctionOf(crypto.randomUUID()) }))).toBe(
      'reference_missing',
    );
    // An unsigned correction, and one without a reason.
    expect(
      code(await write(mette, { kind: 'journalNote', data: { ...note, amendsId: draft.id, amendmentReason: 'x' } })),
    ).toBe('invalid_correction');
    expect(
      code(await write(mette, { kind: 'journalNote', data: { ...correctionOf(draft.id), amendmentReason: '' } })),
    ).toBe('invalid_correction');
    // A colleague adds a correction of her own: an addition that names her.
    const hannes = await write(hanne, {
      kind: 'journalNote',
      data: { ...correctionOf(draft.id), author: 'Hanne', authorId: hanne.id, ...signature(hanne, 'Hanne') },
    });
    expect(hannes.status).toBe('applied');
    expect(
      code(
        await write(hanne, { kind: 'journalNote', id: hannes.id, op: 'update', baseRev: 1, data: { text: 'Ændret' } }),
      ),
    ).toBe('final_record');
  });
});

describe('every reference lies in the writer’s team', () => {
  it('refuses records whose family, visit or original is another team’s', async () => {
    const theirs = await signedVisit(sofie, 'Sofie');
    const mine = await caseload(mette);
    expect(
      code(
        await write(mette, {
          kind: 'child',
          data: { familyId: theirs.familyId, firstName: 'X', sex: 'pige', birthDate: '2025-03-14' },
        }),
      ),
    ).toBe('reference_missing');
    expect(
      code(
        await write(mette, {
          kind: 'journalNote',
          data: { familyId: theirs.familyId, text: 'x', author: 'Mette', authorId: mette.id },
        }),
      ),
    ).toBe('reference_missing');
    expect(
      code(
        await write(mette, {
          kind: 'observation',
          data: { visitId: theirs.visitId, childId: mine.childId, familyId: mine.familyId, values: sections.feeding },
        }),
      ),
    ).toBe('reference_missing');
    expect(
      code(
        await write(mette, {
          kind: 'observation',
          data: {
            visitId: theirs.visitId,
            childId: theirs.childId,
            familyId: theirs.familyId,
            values: sections.measurements,
            amendsId: theirs.observations.measurements,
            amendmentReason: 'x',
            ...signature(mette, 'Mette'),
          },
        }),
      ),
    ).toBe('reference_missing');
  });

  it('refuses a record whose child belongs to another family than it says', async () => {
    const a = await caseload(mette);
    const b = await caseload(mette);
    expect(code(await write(mette, { kind: 'contact', data: contactOf(a.familyId, b.childId) }))).toBe(
      'reference_mismatch',
    );
    expect(code(await write(mette, { kind: 'contact', data: contactOf(a.familyId, a.childId) }))).toBe('applied');
  });
});

function contactOf(familyId: string, childId: string) {
  return {
    familyId,
    childId,
    type: 'behovsbesoeg',
    targetDate: today(),
    windowFrom: today(),
    windowTo: today(),
  };
}

describe('records written before these rules still load', () => {
  it('a reflection signed without ids or a reason, stored earlier, pulls and parses', async () => {
    const refs = await caseload(mette);
    const row = server.store.db.prepare(`SELECT team_id, updated_by FROM records WHERE id = ?`).get(refs.familyId) as {
      team_id: string;
      updated_by: string;
    };
    const id = crypto.randomUUID();
    const legacy = {
      familyId: refs.familyId,
      courseId: crypto.randomUUID(),
      sessionId: crypto.randomUUID(),
      author: 'Mette',
      text: 'Gammel refleksion',
      status: 'underskrevet',
      signedBy: 'Mette',
      signedAt: '2025-09-04T11:02:00+02:00',
      amendsId: '',
    };
    const seq = (
      server.store.db.prepare(`UPDATE counters SET value = value + 1 WHERE name = 'seq' RETURNING value`).get() as {
        value: number;
      }
    ).value;
    server.store.db
      .prepare(
        `INSERT INTO records (id, team_id, kind, rev, seq, deleted, data, field_meta, updated_at, updated_by, created_by, created_at)
         VALUES (?, ?, 'cospFamilyReflection', 1, ?, 0, ?, '{}', ?, ?, ?, ?)`,
      )
      .run(id, row.team_id, seq, JSON.stringify(legacy), soon(), row.updated_by, row.updated_by, soon());
    const pulled = await pullAs(server, mette.token, `?since=${seq - 1}`);
    const found = pulled.body.changes.find((c) => c.id === id);
    expect(found?.data).toMatchObject({ text: 'Gammel refleksion' });
    const { familyReflectionSchema } = await import('../../src/shared/cosp/family-reflection.ts');
    expect(familyReflectionSchema.safeParse(found?.data).success).toBe(true);
    // And it is final like any signed note.
    expect(
      code(await write(mette, { kind: 'cospFamilyReflection', id, op: 'update', baseRev: 1, data: { text: 'x' } })),
    ).toBe('final_record');
    const schema = await call(`${server.url}/api/schema`, { token: mette.token });
    expect(schema.status).toBe(200);
  });
});
