/**
 * What the visit, observation and journal modules share: their validation message keys, field
 * helpers (time of day, optional id, unique lists, not-collected reasons), the signature fields of
 * a record that becomes final when signed, and the commit order of stored records. Order follows
 * the server's commit sequence, never a device clock (sync-protocol.md guarantee 8).
 */
import * as z from 'zod/mini';
import { journalMsg } from '../journal/signature.ts';
import { msg, optionalChoice } from '../schemas/fields.ts';

/** i18n keys (section "validation") added by the visits domain. */
export const visitsMsg = {
  /** Neither a value nor the reason it was not collected. */
  valueOrReason: 'validation.valueOrReason',
  /** A not-collected reason together with a value. */
  reasonWithValue: 'validation.reasonWithValue',
  notApplicable: journalMsg.notApplicable,
  /** The same choice twice in a list. */
  duplicateChoice: 'validation.duplicateChoice',
  signedReadOnly: journalMsg.signedReadOnly,
} as const;

/** Why a required observation was not collected (KL's FBU standard, domain.md §2). */
export const notCollectedReasons = [
  'ukendt',
  'ikke-maalt',
  'barnet-ikke-til-stede',
  'foraeldre-oenskede-ikke',
] as const;
export type NotCollectedReason = (typeof notCollectedReasons)[number];

/** A not-collected reason, or '' when the value was collected. */
export const reasonField = optionalChoice(notCollectedReasons);

/** A list of choices, each at most once; empty by default. */
export const choiceList = <const T extends readonly [string, ...string[]]>(values: T, max = values.length) =>
  z._default(
    z.array(z.enum(values, { error: msg.invalidChoice })).check(
      z.maxLength(max, { error: msg.tooLong }),
      z.refine((list) => new Set(list).size === list.length, { error: visitsMsg.duplicateChoice }),
    ),
    [],
  );

type Ctx = { addIssue: (issue: { code: 'custom'; input: unknown; path: PropertyKey[]; message: string }) => void };

/** Adds an issue at `path`. */
export const issue = (ctx: Ctx, path: PropertyKey[], message: string, input: unknown = undefined) =>
  ctx.addIssue({ code: 'custom', input, path, message });

/**
 * The value-or-reason rule of the standard: an observation has a value or says why it has none,
 * never both. `hasValue` tells whether the value field is filled in.
 */
export function checkValueOrReason(ctx: Ctx, hasValue: boolean, reason: string, valuePath: PropertyKey[]): void {
  if (!hasValue && reason === '') issue(ctx, valuePath, visitsMsg.valueOrReason);
  if (hasValue && reason !== '') issue(ctx, valuePath, visitsMsg.reasonWithValue);
}
