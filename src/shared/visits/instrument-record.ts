/**
 * An instrument response given at a visit, as a record: EPDS per parent (caregiverId) or ADBB for
 * the child. The response is stored as scored by instruments/{epds,adbb}.ts and its schema
 * recomputes the scores, so a total can never be typed. Many per visit (one EPDS per parent), each
 * a record of its own, so two devices never overwrite each other's response.
 */
import * as z from 'zod/mini';
import { adbbResponseSchema } from '../instruments/adbb.ts';
import { epdsResponseSchema } from '../instruments/epds.ts';
import { recordedShape } from '../journal/signature.ts';
import { msg, optionalId } from '../schemas/fields.ts';
import { issue, visitsMsg } from './common.ts';
import { canEditVisit, type Visit } from './visit.ts';

export const visitInstruments = ['EPDS', 'ADBB'] as const;
export type VisitInstrument = (typeof visitInstruments)[number];

export const instrumentRecordBaseSchema = z.object({
  visitId: z.uuid(),
  childId: z.uuid(),
  familyId: z.uuid(),
  /** The parent who answered (a caregiver record's id) for EPDS; '' for the child's ADBB. */
  caregiverId: optionalId,
  response: z.discriminatedUnion('instrument', [epdsResponseSchema, adbbResponseSchema], {
    error: msg.invalidChoice,
  }),
  ...recordedShape,
});

/** Cross-field rule: an EPDS names its parent; an ADBB is about the child and names none. */
export const instrumentRecordSchema = instrumentRecordBaseSchema.check(
  z.superRefine((record, ctx) => {
    const parentInstrument = record.response.instrument === 'EPDS';
    if (parentInstrument && record.caregiverId === '') issue(ctx, ['caregiverId'], msg.required);
    if (!parentInstrument && record.caregiverId !== '')
      issue(ctx, ['caregiverId'], visitsMsg.notApplicable, record.caregiverId);
  }),
);

export type InstrumentRecord = z.output<typeof instrumentRecordSchema>;
export type InstrumentRecordInput = z.input<typeof instrumentRecordSchema>;

/** For the server: a signed visit's responses are final (nothing added, changed or deleted). */
export function instrumentWriteProblem(visit: Pick<Visit, 'status'>): string | null {
  return canEditVisit(visit) ? null : visitsMsg.signedReadOnly;
}
