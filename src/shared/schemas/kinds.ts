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
  conflict: { schema: conflictSchema, base: conflictSchema, mergeable: true, serverCreated: true },
} satisfies Record<string, KindSpec>;

export type RecordKind = keyof typeof kinds;
export const recordKinds = Object.keys(kinds) as RecordKind[];

export type KindData = {
  family: z.output<typeof kinds.family.schema>;
  child: z.output<typeof kinds.child.schema>;
  caregiver: z.output<typeof kinds.caregiver.schema>;
  consent: z.output<typeof kinds.consent.schema>;
  contact: z.output<typeof kinds.contact.schema>;
  settings: z.output<typeof kinds.settings.schema>;
  conflict: z.output<typeof kinds.conflict.schema>;
};

export function isRecordKind(value: unknown): value is RecordKind {
  return typeof value === 'string' && Object.hasOwn(kinds, value);
}
