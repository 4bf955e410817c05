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
