/**
 * An audit event recorded on the device (domain.md §6; sundhedsloven: who looked at, printed,
 * exported or handed over a citizen's data, and when): append-only, synced like any record and final
 * on the server, which checks the user against the login and stamps its own time. It holds ids and
 * short codes only, never journal text or names (data minimisation).
 */
import * as z from 'zod/mini';
import { recordedShape } from '../journal/signature.ts';
import { choice, msg, optionalId, optionalText } from '../schemas/fields.ts';

export const auditActions = ['open', 'print', 'export', 'handover', 'write'] as const;
export type AuditAction = (typeof auditActions)[number];

/** What was opened, printed or exported: the screen or document, as a code. */
const codeField = z
  .string({ error: msg.required })
  .check(
    z.minLength(1, { error: msg.required }),
    z.maxLength(60, { error: msg.tooLong }),
    z.regex(/^[a-z0-9-]+$/, { error: msg.invalidChoice }),
  );

export const auditEventSchema = z.object({
  action: choice(auditActions),
  /** The screen or document, e.g. 'family', 'visit-summary', 'indicators-csv'. */
  what: codeField,
  /** The citizen concerned ('' for team-level events such as an aggregated export). */
  familyId: optionalId,
  childId: optionalId,
  /** The record opened, printed or handed over, when it is one record. */
  recordId: optionalId,
  /** Who: the user id, checked by the server against the login. */
  userId: optionalText(120),
  /** When, by the device's clock (the server adds its own time as recordedAt). */
  at: z.iso.datetime({ offset: true, error: msg.invalidDate }),
  ...recordedShape,
});

export type AuditEvent = z.output<typeof auditEventSchema>;
export type AuditEventInput = z.input<typeof auditEventSchema>;
