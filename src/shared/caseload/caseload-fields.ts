/**
 * Field helpers and message keys used by the caseload schemas in addition to schemas/fields.ts.
 * The new keys live in the same i18n section ("validation"); they are listed here until the shared
 * `msg` table takes them over.
 */
import * as z from 'zod/mini';
import { msg } from '../schemas/fields.ts';

export const caseloadMsg = {
  phoneFormat: 'validation.phoneFormat',
  emailFormat: 'validation.emailFormat',
  keyFormat: 'validation.keyFormat',
  duplicateKey: 'validation.duplicateKey',
  targetOutsideWindow: 'validation.targetOutsideWindow',
  withdrawnBeforeGiven: 'validation.withdrawnBeforeGiven',
  endsBeforeGiven: 'validation.endsBeforeGiven',
} as const;

/** A yes/no answer; a checkbox always gives one, so it defaults to no. */
export const flag = z._default(z.boolean({ error: msg.invalidChoice }), false);

/** A whole number in a range (settings: cut-offs, ages, windows). */
export const intInRange = (min: number, max: number) =>
  z.int({ error: msg.wholeNumber }).check(z.gte(min, { error: msg.outOfRange }), z.lte(max, { error: msg.outOfRange }));

/** A stable machine key such as "besoeg-2-md": lower-case letters and digits joined by single dashes. */
export const keyField = z
  .string({ error: msg.required })
  .check(
    z.trim(),
    z.minLength(1, { error: msg.required }),
    z.maxLength(60, { error: msg.tooLong }),
    z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: caseloadMsg.keyFormat }),
  );

/** A schedule key or '' (a manual contact has none). */
export const optionalKeyField = z._default(
  z
    .string({ error: caseloadMsg.keyFormat })
    .check(
      z.trim(),
      z.maxLength(60, { error: msg.tooLong }),
      z.regex(/^([a-z0-9]+(-[a-z0-9]+)*)?$/, { error: caseloadMsg.keyFormat }),
    ),
  '',
);

// Loose on purpose: foreign numbers, extensions and spacing vary; we only reject obvious non-numbers.
const PHONE = /^\+?[\d\s().-]{6,30}$/;
// Loose on purpose: one @, no spaces, a dot in the domain. Deliverability is not ours to judge.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const looseText = (max: number, pattern: RegExp, error: string) =>
  z._default(
    z.string({ error: msg.tooLong }).check(
      z.trim(),
      z.maxLength(max, { error: msg.tooLong }),
      z.refine((value) => value === '' || pattern.test(value), { error }),
    ),
    '',
  );

/** An optional phone number ('' when not known). */
export const optionalPhone = looseText(30, PHONE, caseloadMsg.phoneFormat);

/** An optional e-mail address ('' when not known). */
export const optionalEmail = looseText(254, EMAIL, caseloadMsg.emailFormat);
