/**
 * The registry of synced record kinds: each kind's data schema, its base object (for partial
 * updates) and whether concurrent edits to different fields may be merged. Every feature's records
 * are listed here, and only here, so the server, the schema endpoint and the client agree.
 */
import type * as z from 'zod/mini';
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
  conflict: { schema: conflictSchema, base: conflictSchema, mergeable: true, serverCreated: true },
} satisfies Record<string, KindSpec>;

export type RecordKind = keyof typeof kinds;
export const recordKinds = Object.keys(kinds) as RecordKind[];

export type KindData = {
  family: z.output<typeof kinds.family.schema>;
  child: z.output<typeof kinds.child.schema>;
  conflict: z.output<typeof kinds.conflict.schema>;
};

export function isRecordKind(value: unknown): value is RecordKind {
  return typeof value === 'string' && Object.hasOwn(kinds, value);
}
