/**
 * The registry of synced record kinds: every fact about a kind in one entry (style.md habit 13) —
 * its schema (loaded on demand, so the first screen carries only the kinds it shows), whether
 * concurrent edits of different fields merge, who may create, update and delete it, the records it
 * refers to, its journal rule (when it is final, what a correction must point to, who its author
 * is), the device's indexes, and how it is named and titled in lists and the conflict
 * view. The server's write rules (registry/write-rules.ts), the schema endpoint, the device's
 * store, its indexes and reader types are derived from here: adding a kind is one entry plus its
 * schema file (docs/decisions/0012-record-kind-registry.md).
 */
import type * as z from 'zod/mini';

export type Role = 'nurse' | 'leader' | 'admin';

/** The id fields a device indexes (opaque ids, never personal data) and a kind may refer by. */
export const indexNames = ['familyId', 'childId', 'recordId', 'visitId', 'courseId', 'sessionId', 'formKey'] as const;
export type IndexName = (typeof indexNames)[number];

/**
 * How a kind takes part in the journal (journalføringsbekendtgørelsen, domain.md §6):
 * - signed: the record has `status` kladde/underskrevet and signature fields; final once signed.
 *   `author` says who its author is: the `authorId`/`author` fields, or the user who created it.
 * - partOfVisit: the record belongs to the visit named by `visitId` and is final when that visit
 *   is signed (observations, instrument responses).
 * corrections: a correction is a new record with `amendsId` (pointing to a signed original of the
 * same kind and subject) and `amendmentReason`, signed when made and final from then on.
 */
export type JournalRule =
  | { mode: 'signed'; author: 'fields' | 'creator'; corrections: boolean; signRequiresSections?: boolean }
  | { mode: 'partOfVisit'; corrections: boolean; sameSection?: boolean };

type Schemas = { schema: z.ZodMiniType; base: z.ZodMiniObject };
type Doc = Record<string, unknown>;

/**
 * A kind whose records disclose health information (domain.md §5): the server writes one only with
 * a legal basis — the family's consent of `consent` active on the record's date (its `date` field,
 * else the date of the visit its `visitId` names) and on the day it is signed, or one of
 * `exceptions` with a written justification (caseload/disclosure.ts, the same gate the device asks).
 * The record's own `legalBasis`, `exception` and `justification` fields say which; a kind without
 * them claims consent.
 * - on: when a record discloses — 'sign' (a draft discloses nothing), 'create' (e.g. an enrolment;
 *   later edits such as its outcome are no new disclosure) or 'write' (every create and update).
 * - corrections: whether a signed correction is a new disclosure (a handover's addition goes to the
 *   recipient) or only the journal's own correction (false).
 * - when: only records for which it holds disclose (e.g. a language result shared by the daycare).
 * - scoresField: a list field whose entries are instrument scores, shared only with a consent
 *   that covers scores.
 * - dateField: the field holding the disclosure's date (default `date`; a record without one takes
 *   the date of its visit).
 */
export type ConsentGateRule = {
  consent: string;
  exceptions: readonly string[];
  on: 'sign' | 'create' | 'write';
  corrections: boolean;
  when?: (data: Doc) => boolean;
  scoresField?: string;
  dateField?: string;
};

export type KindSpec = {
  /** The kind's schemas: full validation (cross-field rules) and the plain object for updates. */
  load: () => Promise<Schemas>;
  /** Field-level merge allowed when two devices edit different fields of the same record. */
  mergeable: boolean;
  /** Roles allowed per operation; absent means every role. */
  roles?: Partial<Record<'create' | 'update' | 'delete', readonly Role[]>>;
  /** Created only by the server (clients may only mark it resolved). */
  serverCreated?: boolean;
  /** Never changed or deleted once created (audit events). */
  appendOnly?: boolean;
  /** The user id field the server checks against the login (audit events). */
  userField?: string;
  /** Fields that name another record, and the kinds they may name; '' means none. */
  /** Fields that name another record of the team, and the kinds they may name (checked by a test). */
  refs?: Readonly<Record<string, readonly string[]>>;
  journal?: JournalRule;
  /** The legal basis a disclosure needs (server-enforced); absent for kinds that disclose nothing. */
  consentGate?: ConsentGateRule;
  /** The id fields the device indexes (in memory, after unlock). */
  indexes: readonly IndexName[];
  /** The kind's table in the plain store of earlier versions, read once when a device upgrades. */
  legacyTable?: string;
  /** The catalogue key of the kind's name (section "kinds"). */
  labelKey: string;
  /** A short title from the data, for lists that mix kinds (conflicts, rejected changes). */
  title: (data: Doc) => string;
};

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const snippet = (value: unknown) => {
  const s = text(value).replace(/\s+/g, ' ').trim();
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
};
const leaders = ['leader', 'admin'] as const;
const values = (d: Doc) => (d.values ?? {}) as Doc;
/** The exceptions of sundhedsloven § 43 and barnets lov (caseload/disclosure.ts; equal by a test). */
const allExceptions = ['sundhedsloven-43-stk-2', 'barnets-lov-tidlig-forebyggelse'] as const;

export const registry = {
  family: {
    load: async () => {
      const m = await import('./family.ts');
      return { schema: m.familySchema, base: m.familySchema };
    },
    mergeable: true,
    legacyTable: 'families',
    indexes: [],
    labelKey: 'kinds.family',
    title: (d) => text(d.name),
  },
  child: {
    load: async () => {
      const m = await import('./child.ts');
      return { schema: m.childSchema, base: m.childBaseSchema };
    },
    mergeable: true,
    refs: { familyId: ['family'], institutionId: ['institution'] },
    legacyTable: 'children',
    indexes: ['familyId'],
    labelKey: 'kinds.child',
    title: (d) => `${text(d.firstName)} ${text(d.lastName)}`.trim(),
  },
  caregiver: {
    load: async () => {
      const m = await import('../caseload/caregiver.ts');
      return { schema: m.caregiverSchema, base: m.caregiverSchema };
    },
    mergeable: true,
    refs: { familyId: ['family'] },
    legacyTable: 'caregivers',
    indexes: ['familyId'],
    labelKey: 'kinds.caregiver',
    title: (d) => text(d.name),
  },
  consent: {
    load: async () => {
      const m = await import('../caseload/consent.ts');
      return { schema: m.consentSchema, base: m.consentBaseSchema };
    },
    mergeable: true,
    refs: { familyId: ['family'] },
    legacyTable: 'consents',
    indexes: ['familyId'],
    labelKey: 'kinds.consent',
    title: (d) => text(d.type),
  },
  contact: {
    load: async () => {
      const m = await import('../caseload/contact.ts');
      return { schema: m.contactSchema, base: m.contactBaseSchema };
    },
    mergeable: true,
    refs: { familyId: ['family'], childId: ['child'] },
    legacyTable: 'contacts',
    indexes: ['familyId', 'childId'],
    labelKey: 'kinds.contact',
    title: (d) => text(d.plannedDate) || text(d.targetDate),
  },
  settings: {
    load: async () => {
      const m = await import('../caseload/settings.ts');
      return { schema: m.settingsSchema, base: m.settingsSchema };
    },
    mergeable: true,
    // Municipality settings are kept by team leaders and admins; nurses read them.
    roles: { create: leaders, update: leaders, delete: leaders },
    legacyTable: 'settings',
    indexes: [],
    labelKey: 'kinds.settings',
    title: () => '',
  },
  // Signed records never merge: a signature must cover exactly what the signer saw.
  visit: {
    load: async () => {
      const m = await import('../visits/visit.ts');
      return { schema: m.visitSchema, base: m.visitBaseSchema };
    },
    mergeable: false,
    refs: { familyId: ['family'], childId: ['child'], contactId: ['contact'] },
    journal: { mode: 'signed', author: 'fields', corrections: false, signRequiresSections: true },
    legacyTable: 'visits',
    indexes: ['familyId', 'childId'],
    labelKey: 'kinds.visit',
    title: (d) => text(d.date),
  },
  observation: {
    load: async () => {
      const m = await import('../visits/observation.ts');
      return { schema: m.observationSchema, base: m.observationBaseSchema };
    },
    mergeable: false,
    refs: { visitId: ['visit'], familyId: ['family'], childId: ['child'], amendsId: ['observation'] },
    journal: { mode: 'partOfVisit', corrections: true, sameSection: true },
    // A language result the daycare shared is recorded only with the parents' consent to the exchange.
    consentGate: {
      consent: 'videregivelse-til-dagtilbud',
      exceptions: [],
      on: 'write',
      corrections: true,
      when: (d) => values(d).section === 'language' && values(d).source === 'dagtilbud-med-samtykke',
    },
    legacyTable: 'observations',
    indexes: ['visitId', 'childId'],
    labelKey: 'kinds.observation',
    title: (d) => text((d.values as Doc | undefined)?.section),
  },
  instrumentResponse: {
    load: async () => {
      const m = await import('../visits/instrument-record.ts');
      return { schema: m.instrumentRecordSchema, base: m.instrumentRecordBaseSchema };
    },
    mergeable: false,
    refs: { visitId: ['visit'], familyId: ['family'], childId: ['child'], caregiverId: ['caregiver'] },
    journal: { mode: 'partOfVisit', corrections: false },
    legacyTable: 'instrumentResponses',
    indexes: ['visitId', 'childId'],
    labelKey: 'kinds.instrumentResponse',
    title: (d) => text((d.response as Doc | undefined)?.instrument),
  },
  journalNote: {
    load: async () => {
      const m = await import('../visits/journal.ts');
      return { schema: m.journalNoteSchema, base: m.journalNoteBaseSchema };
    },
    mergeable: false,
    refs: { familyId: ['family'], childId: ['child'], visitId: ['visit'], amendsId: ['journalNote'] },
    journal: { mode: 'signed', author: 'fields', corrections: true },
    legacyTable: 'journalNotes',
    indexes: ['familyId', 'childId', 'visitId'],
    labelKey: 'kinds.journalNote',
    title: (d) => snippet(d.text),
  },
  draft: {
    load: async () => {
      const m = await import('../visits/draft.ts');
      return { schema: m.draftSchema, base: m.draftSchema };
    },
    mergeable: false,
    refs: { familyId: ['family'], childId: ['child'] },
    legacyTable: 'drafts',
    indexes: ['formKey'],
    labelKey: 'kinds.draft',
    title: (d) => text(d.formKey),
  },
  cospCourse: {
    load: async () => {
      const m = await import('../cosp/course.ts');
      return { schema: m.courseSchema, base: m.courseBaseSchema };
    },
    mergeable: true,
    legacyTable: 'cospCourses',
    indexes: [],
    labelKey: 'kinds.cospCourse',
    title: (d) => text(d.title),
  },
  cospEnrollment: {
    load: async () => {
      const m = await import('../cosp/enrollment.ts');
      return { schema: m.enrollmentSchema, base: m.enrollmentBaseSchema };
    },
    mergeable: true,
    refs: { courseId: ['cospCourse'], familyId: ['family'], caregiverId: ['caregiver'], focusChildId: ['child'] },
    // Enrolment shares the family's participation with the course's facilitators (enrolmentGate).
    consentGate: {
      consent: 'deltagelse-i-cos-p',
      exceptions: [],
      on: 'create',
      corrections: false,
      dateField: 'enrolledOn',
    },
    legacyTable: 'cospEnrollments',
    indexes: ['courseId', 'familyId'],
    labelKey: 'kinds.cospEnrollment',
    title: () => '',
  },
  cospSession: {
    load: async () => {
      const m = await import('../cosp/session.ts');
      return { schema: m.sessionSchema, base: m.sessionBaseSchema };
    },
    mergeable: true,
    refs: { courseId: ['cospCourse'] },
    legacyTable: 'cospSessions',
    indexes: ['courseId'],
    labelKey: 'kinds.cospSession',
    title: (d) => (typeof d.number === 'number' ? String(d.number) : ''),
  },
  cospAttendance: {
    load: async () => {
      const m = await import('../cosp/attendance.ts');
      return { schema: m.attendanceSchema, base: m.attendanceSchema };
    },
    mergeable: true,
    refs: { sessionId: ['cospSession'], enrollmentId: ['cospEnrollment'] },
    legacyTable: 'cospAttendance',
    indexes: ['sessionId'],
    labelKey: 'kinds.cospAttendance',
    title: (d) => text(d.status),
  },
  cospGroupNote: {
    load: async () => {
      const m = await import('../cosp/group-note.ts');
      return { schema: m.groupNoteSchema, base: m.groupNoteSchema };
    },
    mergeable: true,
    refs: { sessionId: ['cospSession'] },
    legacyTable: 'cospGroupNotes',
    indexes: ['sessionId'],
    labelKey: 'kinds.cospGroupNote',
    title: (d) => snippet(d.text),
  },
  cospFamilyReflection: {
    load: async () => {
      const m = await import('../cosp/family-reflection.ts');
      return { schema: m.familyReflectionSchema, base: m.familyReflectionBaseSchema };
    },
    mergeable: false,
    refs: {
      familyId: ['family'],
      courseId: ['cospCourse'],
      sessionId: ['cospSession'],
      amendsId: ['cospFamilyReflection'],
    },
    journal: { mode: 'signed', author: 'fields', corrections: true },
    legacyTable: 'cospFamilyReflections',
    indexes: ['sessionId', 'familyId'],
    labelKey: 'kinds.cospFamilyReflection',
    title: (d) => snippet(d.text),
  },
  // Cooperation with daycare (domain.md §1, §5): the team's institutions, handovers, interdisciplinary
  // meetings, and talks / competence-forum meetings without personal data.
  institution: {
    load: async () => {
      const m = await import('../daycare/institution.ts');
      return { schema: m.institutionSchema, base: m.institutionSchema };
    },
    mergeable: true,
    // Archived, never deleted: handovers made to an institution keep naming it.
    roles: { delete: [] },
    indexes: [],
    labelKey: 'kinds.institution',
    title: (d) => text(d.name),
  },
  handover: {
    load: async () => {
      const m = await import('../daycare/handover.ts');
      return { schema: m.handoverSchema, base: m.handoverBaseSchema };
    },
    mergeable: false,
    refs: {
      familyId: ['family'],
      childId: ['child'],
      institutionId: ['institution'],
      consentId: ['consent'],
      amendsId: ['handover'],
    },
    journal: { mode: 'signed', author: 'fields', corrections: true },
    consentGate: {
      consent: 'videregivelse-til-dagtilbud',
      exceptions: allExceptions,
      on: 'sign',
      corrections: true,
      scoresField: 'scores',
    },
    indexes: ['familyId', 'childId'],
    labelKey: 'kinds.handover',
    title: (d) => text(d.date),
  },
  cooperationMeeting: {
    load: async () => {
      const m = await import('../daycare/meeting.ts');
      return { schema: m.meetingSchema, base: m.meetingBaseSchema };
    },
    mergeable: false,
    refs: {
      familyId: ['family'],
      childId: ['child'],
      contactId: ['contact'],
      institutionId: ['institution'],
      consentId: ['consent'],
      amendsId: ['cooperationMeeting'],
    },
    journal: { mode: 'signed', author: 'fields', corrections: true },
    // An addition corrects the nurse's own journal; nothing more leaves her.
    consentGate: {
      consent: 'tvaerfagligt-moede',
      exceptions: ['barnets-lov-tidlig-forebyggelse'],
      on: 'sign',
      corrections: false,
    },
    indexes: ['familyId', 'childId'],
    labelKey: 'kinds.cooperationMeeting',
    title: (d) => text(d.date),
  },
  daycareActivity: {
    load: async () => {
      const m = await import('../daycare/activity.ts');
      return { schema: m.activitySchema, base: m.activitySchema };
    },
    mergeable: true,
    refs: { institutionIds: ['institution'] },
    indexes: [],
    labelKey: 'kinds.daycareActivity',
    title: (d) => text(d.date),
  },
  auditEvent: {
    load: async () => {
      const m = await import('../audit/audit-event.ts');
      return { schema: m.auditEventSchema, base: m.auditEventSchema };
    },
    mergeable: false,
    appendOnly: true,
    userField: 'userId',
    refs: { familyId: ['family'], childId: ['child'] },
    legacyTable: 'auditEvents',
    indexes: ['familyId'],
    labelKey: 'kinds.auditEvent',
    title: (d) => text(d.what),
  },
  conflict: {
    load: async () => {
      const m = await import('./conflict.ts');
      return { schema: m.conflictSchema, base: m.conflictSchema };
    },
    mergeable: true,
    serverCreated: true,
    legacyTable: 'conflicts',
    indexes: ['recordId'],
    labelKey: 'kinds.conflict',
    title: (d) => text(d.recordKind),
  },
} as const satisfies Record<string, KindSpec>;

export type RecordKind = keyof typeof registry;
export const recordKinds = Object.keys(registry) as RecordKind[];

export function isRecordKind(value: unknown): value is RecordKind {
  return typeof value === 'string' && Object.hasOwn(registry, value);
}

export const specOf = (kind: RecordKind): KindSpec => registry[kind];

type LoadedSchemas<K extends RecordKind> = Awaited<ReturnType<(typeof registry)[K]['load']>>;
export type KindData = { [K in RecordKind]: z.output<LoadedSchemas<K>['schema']> };

/** The index fields of a kind, as declared in its entry. */
export type IndexOf<K extends RecordKind> = (typeof registry)[K]['indexes'][number];

const loaded = new Map<RecordKind, Promise<Schemas>>();

/** A kind's schemas, loaded once (a failed chunk load, e.g. offline before precaching, is retried). */
export function schemasOf(kind: RecordKind): Promise<Schemas> {
  let schemas = loaded.get(kind);
  if (!schemas) {
    schemas = registry[kind].load();
    schemas.catch(() => loaded.delete(kind));
    loaded.set(kind, schemas);
  }
  return schemas;
}

/** Every kind's schemas, for the server and the writer, which validate any kind. */
export async function loadAllSchemas(): Promise<{ [K in RecordKind]: KindSpec & LoadedSchemas<K> }> {
  const entries = await Promise.all(
    recordKinds.map(async (kind) => [kind, { ...registry[kind], ...(await schemasOf(kind)) }] as const),
  );
  return Object.fromEntries(entries) as unknown as { [K in RecordKind]: KindSpec & LoadedSchemas<K> };
}
