/**
 * Field building blocks shared by every record schema, written with zod/mini (tree-shakable: it
 * keeps the first screen inside the JavaScript budget; see docs/decisions/0001-stack.md). Error
 * messages are i18n keys (src/client/i18n/catalogue, section "validation"), so shared code stays
 * free of UI text and the server returns the same keys in its error details.
 */
import * as z from 'zod/mini';

export const msg = {
  required: 'validation.required',
  tooLong: 'validation.tooLong',
  invalidDate: 'validation.invalidDate',
  futureDate: 'validation.futureDate',
  invalidChoice: 'validation.invalidChoice',
  notANumber: 'validation.notANumber',
  outOfRange: 'validation.outOfRange',
  wholeNumber: 'validation.wholeNumber',
  oneDecimal: 'validation.oneDecimal',
  cprFormat: 'validation.cprFormat',
  cprDate: 'validation.cprDate',
  cprBirthDateMismatch: 'validation.cprBirthDateMismatch',
  /** A time of day is not HH:MM. */
  invalidTime: 'validation.timeFormat',
  /** An end (time, period, next contact) lies before its start. */
  endBeforeStart: 'validation.endBeforeStart',
  /** A child's birth date after today (the app records born children; see childEntrySchema). */
  birthDateFuture: 'validation.birthDateFuture',
  /** A birth date too long ago for a child in the 0–6 year programme (a typo in the year). */
  birthDateTooOld: 'validation.birthDateTooOld',
  /** A field that must stay empty with the other answers (e.g. a decline reason on an acceptance). */
  notApplicable: 'validation.notApplicable',
} as const;
export type MessageKey = (typeof msg)[keyof typeof msg];

/** A calendar date as YYYY-MM-DD that exists in the calendar (rejects 2023-02-29). */
export const isoDate = z.iso.date({ error: msg.invalidDate });

/** Required free text, trimmed. */
export const requiredText = (max: number) =>
  z
    .string({ error: msg.required })
    .check(z.trim(), z.minLength(1, { error: msg.required }), z.maxLength(max, { error: msg.tooLong }));

/** Optional free text: the empty string means "not filled in" (what a cleared input gives). */
export const optionalText = (max: number) =>
  z._default(z.string({ error: msg.tooLong }).check(z.trim(), z.maxLength(max, { error: msg.tooLong })), '');

/** An optional date: a valid ISO date or the empty string. */
export const optionalDate = z._default(z.union([isoDate, z.literal('')], { error: msg.invalidDate }), '');

export const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: msg.invalidChoice });

/** An optional choice: one of the values or '' for "not stated". */
export const optionalChoice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z._default(z.union([z.enum(values), z.literal('')], { error: msg.invalidChoice }), '');

const hasAtMostDecimals = (value: number, decimals: number) =>
  Math.abs(value * 10 ** decimals - Math.round(value * 10 ** decimals)) < 1e-9;

/** An optional measured number in a plausible range; null when not recorded. */
export const optionalNumber = (min: number, max: number, opts: { integer?: boolean; decimals?: number } = {}) => {
  const decimals = opts.integer ? 0 : opts.decimals;
  const checks = [
    z.gte(min, { error: msg.outOfRange }),
    z.lte(max, { error: msg.outOfRange }),
    ...(decimals === undefined
      ? []
      : [
          z.refine<number>((v) => hasAtMostDecimals(v, decimals), {
            error: decimals === 0 ? msg.wholeNumber : msg.oneDecimal,
          }),
        ]),
  ];
  return z._default(z.nullable(z.number({ error: msg.notANumber }).check(...checks)), null);
};

/** A record id, or '' when there is none (an ad hoc visit has no contact). */
export const optionalId = z._default(
  z.union([z.uuid({ error: msg.invalidChoice }), z.literal('')], { error: msg.invalidChoice }),
  '',
);

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A time of day as HH:MM (24 hours), or '' when not recorded. */
export const optionalTime = z._default(
  z.string({ error: msg.invalidTime }).check(
    z.trim(),
    z.refine((value) => value === '' || TIME.test(value), { error: msg.invalidTime }),
  ),
  '',
);

/** An instant with its offset (as a device or the server recorded it), or ''. */
export const optionalDateTime = z._default(
  z.union([z.iso.datetime({ offset: true, error: msg.invalidDate }), z.literal('')], { error: msg.invalidDate }),
  '',
);
