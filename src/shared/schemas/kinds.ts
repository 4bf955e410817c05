/**
 * The registry of synced record kinds: each kind's data schema, its base object (for partial
 * updates) and whether concurrent edits to different fields may be merged. Every feature's records
 * are listed here, and only here, so the server, the schema endpoint and the client agree.
 */
import type * as z from 'zod/mini';
import { caregiverSchema } from '../caseload/caregiver.ts';
import { consentBaseSchema, consentSchema } from '../caseload/consent.ts';
import { contactBaseSchema, contactSchema } from '../caseload/contact.ts';
import { settingsSchema } from '../caseload/settings.ts';
import { cospKinds } from '../cosp/cosp-kinds.ts';
import { draftSchema } from '../visits/draft.ts';
import { instrumentRecordBaseSchema, instrumentRecordSchema } from '../visits/instrument-record.ts';
import { journalNoteBaseSchema, journalNoteSchema } from '../visits/journal.ts';
import { observationBaseSchema, observationSchema } from '../visits/observation.ts';
import { visitBaseSchema, visitSchema } from '../visits/visit.ts';
import { childBaseSchema, childSchema } from './child.ts';
import { conflictSchema } from './conflict.ts';
import { familySchema } from './family.ts';

type KindSpec = {
  /** Full validation of a document (with cross-field rules). */
  schema: z.ZodMiniType;
  /** The plain object schema, for validating an update's changed top-level fields. */
  base: z.ZodMiniObject;
  /** Field-level merge allowed when two devices edit different fields of the same record. */
  mergeable: boolean;
  /** Created only by the server (clients may update, never create or delete). */
  serverCreated?: boolean;
};

export const kinds = {
  family: { schema: familySchema, base: familySchema, mergeable: true },
  child: { schema: childSchema, base: childBaseSchema, mergeable: true },
  caregiver: { schema: caregiverSchema, base: caregiverSchema, mergeable: true },
  consent: { schema: consentSchema, base: consentBaseSchema, mergeable: true },
  contact: { schema: contactSchema, base: contactBaseSchema, mergeable: true },
  settings: { schema: settingsSchema, base: settingsSchema, mergeable: true },
  // Signed records never merge: a signature must cover exactly what the signer saw.
  visit: { schema: visitSchema, base: visitBaseSchema, mergeable: false },
  observation: { schema: observationSchema, base: observationBaseSchema, mergeable: false },
  instrumentResponse: { schema: instrumentRecordSchema, base: instrumentRecordBaseSchema, mergeable: false },
  journalNote: { schema: journalNoteSchema, base: journalNoteBaseSchema, mergeable: false },
  draft: { schema: draftSchema, base: draftSchema, mergeable: false },
  ...cospKinds,
  conflict: { schema: conflictSchema, base: conflictSchema, mergeable: true, serverCreated: true },
} satisfies Record<string, KindSpec>;

export type RecordKind = keyof typeof kinds;
export const recordKinds = Object.keys(kinds) as RecordKind[];

export type KindData = { [K in RecordKind]: z.output<(typeof kinds)[K]['schema']> };

export function isRecordKind(value: unknown): value is RecordKind {
  return typeof value === 'string' && Object.hasOwn(kinds, value);
}
