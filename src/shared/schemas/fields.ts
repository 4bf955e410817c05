/**
 * Field building blocks shared by every record schema. Error messages are i18n keys
 * (see src/client/i18n/catalogue/*.ts, section "validation"), so shared code stays free of UI text
 * and the server can return the same keys in its error details.
 */
import { z } from 'zod';

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
} as const;
export type MessageKey = (typeof msg)[keyof typeof msg];

/** A calendar date as YYYY-MM-DD that exists in the calendar (rejects 2023-02-29). */
export const isoDate = z.iso.date({ error: msg.invalidDate });

/** Required free text, trimmed. */
export const requiredText = (max: number) =>
  z.string({ error: msg.required }).trim().min(1, { error: msg.required }).max(max, { error: msg.tooLong });

/** Optional free text: the empty string means "not filled in" (what a cleared input gives). */
export const optionalText = (max: number) => z.string().trim().max(max, { error: msg.tooLong }).default('');

/** An optional date: a valid ISO date or the empty string. */
export const optionalDate = z.union([isoDate, z.literal('')], { error: msg.invalidDate }).default('');

export const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: msg.invalidChoice });

/** An optional measured number in a plausible range; null when not recorded. */
export const optionalNumber = (min: number, max: number, opts: { integer?: boolean; decimals?: number } = {}) => {
  let n = z.number({ error: msg.notANumber }).min(min, { error: msg.outOfRange }).max(max, { error: msg.outOfRange });
  if (opts.integer) n = n.int({ error: msg.wholeNumber });
  const decimals = opts.decimals;
  const checked =
    decimals === undefined
      ? n
      : n.refine((v) => Math.abs(v * 10 ** decimals - Math.round(v * 10 ** decimals)) < 1e-9, {
          error: msg.oneDecimal,
        });
  return checked.nullable().default(null);
};
