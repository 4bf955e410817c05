/**
 * What the visit, observation and journal modules share: their validation message keys, field
 * helpers (time of day, optional id, unique lists, not-collected reasons), the signature fields of
 * a record that becomes final when signed, and the commit order of stored records. Order follows
 * the server's commit sequence, never a device clock (sync-protocol.md guarantee 8).
 */
import * as z from 'zod/mini';
import { msg, optionalChoice, optionalText } from '../schemas/fields.ts';

/** i18n keys (section "validation") added by the visits domain. */
export const visitsMsg = {
  /** A time of day is not HH:MM. */
  invalidTime: 'validation.invalidTime',
  /** An end (time, period) lies before its start. */
  endBeforeStart: 'validation.endBeforeStart',
  /** Neither a value nor the reason it was not collected. */
  valueOrReason: 'validation.valueOrReason',
  /** A not-collected reason together with a value. */
  reasonWithValue: 'validation.reasonWithValue',
  /** A field that must stay empty with the other answers (e.g. a signature on a draft). */
  notApplicable: 'validation.notApplicable',
  /** The same choice twice in a list. */
  duplicateChoice: 'validation.duplicateChoice',
  /** A change to a signed record (or to the content of a signed visit): make an amendment. */
  signedReadOnly: 'validation.signedReadOnly',
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

/** A record id, or '' when there is none (an ad hoc visit has no contact). */
export const optionalId = z._default(
  z.union([z.uuid({ error: msg.invalidChoice }), z.literal('')], { error: msg.invalidChoice }),
  '',
);

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A time of day as HH:MM (24 hours), or '' when not yet known. */
export const optionalTime = z._default(
  z.string({ error: visitsMsg.invalidTime }).check(
    z.trim(),
    z.refine((value) => value === '' || TIME.test(value), { error: visitsMsg.invalidTime }),
  ),
  '',
);

/** An instant with its offset (as the device recorded it), or ''. */
export const optionalDateTime = z._default(
  z.union([z.iso.datetime({ offset: true, error: msg.invalidDate }), z.literal('')], { error: msg.invalidDate }),
  '',
);

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

/** Who signs: the logged-in user (each user's own login, domain.md §6). */
export type Signer = { id: string; displayName: string };

/** Who signed and when; all '' until the record is signed. */
export const signatureShape = {
  /** The signer's name as shown when signing (the journal shows it as written). */
  signedBy: optionalText(120),
  /** The signer's user id, for the server to check against the login. */
  signedById: optionalText(120),
  /** When, by the signing device's clock: shown, never used to order or decide. */
  signedAt: optionalDateTime,
};

export type Signature = { signedBy: string; signedById: string; signedAt: string };

/** A signed record names its signer and time; an unsigned one has none. */
export function checkSignature(ctx: Ctx, doc: Signature, signed: boolean): void {
  for (const field of ['signedBy', 'signedById', 'signedAt'] as const) {
    if (signed && doc[field] === '') issue(ctx, [field], msg.required);
    if (!signed && doc[field] !== '') issue(ctx, [field], visitsMsg.notApplicable, doc[field]);
  }
}

export const signatureOf = (signer: Signer, now: Date): Signature => ({
  signedBy: signer.displayName,
  signedById: signer.id,
  signedAt: now.toISOString(),
});

/** Thrown when a rule is asked to change a final record (a caller's bug: the UI never offers it). */
export class FinalRecordError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FinalRecordError';
  }
}

/** A record as stored: its id, the server's commit sequence when known, and its data. */
export type Stored<T> = { id: string; seq?: number | null; data: T };

/**
 * Commit order: records the server has acknowledged by their `seq`, then records not yet synced in
 * the order given (the local outbox order). Stable, and independent of any clock.
 */
export function inCommitOrder<T>(records: readonly Stored<T>[]): Stored<T>[] {
  const rank = (r: Stored<T>) => (typeof r.seq === 'number' ? r.seq : Number.POSITIVE_INFINITY);
  return records.toSorted((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    return ra === rb ? 0 : ra < rb ? -1 : 1;
  });
}
