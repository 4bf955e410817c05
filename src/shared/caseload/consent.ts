/**
 * Consents (domain.md §5: sundhedsloven § 43): given orally or in writing, recorded, revocable.
 * A withdrawal is set on the same record (withdrawnAt, withdrawnNote), so the history is never
 * erased. A consent may be limited in time (validUntil) and, for a disclosure, may cover the
 * child's instrument scores (instrumentScores: "specifically consented", domain.md §5). Features
 * ask `requireConsent` (or the disclosure gate, disclosure.ts) before doing something that needs
 * consent; the state on a date is decided by the latest consent given on or before it.
 */
import * as z from 'zod/mini';
import { choice, isoDate, optionalDate, optionalText, requiredText } from '../schemas/fields.ts';
import { caseloadMsg, flag } from './caseload-fields.ts';

export const consentTypes = [
  'sundhedsplejens-ydelser',
  'videregivelse-til-dagtilbud',
  'deltagelse-i-cos-p',
  'tvaerfagligt-moede',
  'evaluering',
] as const;
export type ConsentType = (typeof consentTypes)[number];

export const consentForms = ['mundtlig', 'skriftlig'] as const;

export const consentBaseSchema = z.object({
  familyId: z.uuid(),
  type: choice(consentTypes),
  /** A caregiver's id, or the name of whoever gave it when they are not registered as a caregiver. */
  givenBy: requiredText(120),
  form: choice(consentForms),
  date: isoDate,
  scope: optionalText(2000),
  withdrawnAt: optionalDate,
  withdrawnNote: optionalText(2000),
  /** The last day the consent applies; '' for a consent until withdrawn. */
  validUntil: optionalDate,
  /** The consent covers instrument scores (TOPI, ADBB), which are otherwise never passed on. */
  instrumentScores: flag,
});

/** Cross-field rules: a consent is not withdrawn, nor does it end, before it was given. */
export const consentSchema = consentBaseSchema.check(
  z.superRefine((consent, ctx) => {
    if (consent.withdrawnAt !== '' && consent.withdrawnAt < consent.date) {
      ctx.addIssue({
        code: 'custom',
        input: consent.withdrawnAt,
        path: ['withdrawnAt'],
        message: caseloadMsg.withdrawnBeforeGiven,
      });
    }
    if (consent.validUntil !== '' && consent.validUntil < consent.date) {
      ctx.addIssue({
        code: 'custom',
        input: consent.validUntil,
        path: ['validUntil'],
        message: caseloadMsg.endsBeforeGiven,
      });
    }
  }),
);

export type Consent = z.output<typeof consentSchema>;
export type ConsentInput = z.input<typeof consentSchema>;

/**
 * The fields the rules read; callers may pass whole records (with ids) and get them back. The
 * time limit is optional: records stored before it existed have none.
 */
export type ConsentFacts = Pick<Consent, 'type' | 'date' | 'withdrawnAt'> & { validUntil?: string };
export type ConsentState = 'active' | 'withdrawn' | 'expired' | 'none';

export type ConsentStatus<T extends ConsentFacts> = {
  state: ConsentState;
  /** The record that decides the state (null when there is none). */
  current: T | null;
  /** Every consent of the type, oldest first, withdrawn ones included, the records unchanged. */
  history: T[];
};

/** All consents of one type, oldest first (a stable sort: equal dates keep their order). */
export function consentHistory<T extends ConsentFacts>(consents: readonly T[], type: ConsentType): T[] {
  return consents.filter((c) => c.type === type).toSorted((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

const withdrawnBy = (consent: ConsentFacts, onDate: string) =>
  consent.withdrawnAt !== '' && consent.withdrawnAt <= onDate;
const expiredBy = (consent: ConsentFacts, onDate: string) =>
  (consent.validUntil ?? '') !== '' && (consent.validUntil ?? '') < onDate;

/**
 * The consent state on a date. Consents given after the date do not count yet; of the rest, the
 * latest decides, and a withdrawal counts from its own date; a time-limited consent has expired
 * the day after its last day. Two consents given the same day, one of them withdrawn, read as
 * withdrawn: when in doubt, health data is not passed on.
 */
export function consentStatus<T extends ConsentFacts>(
  consents: readonly T[],
  type: ConsentType,
  onDate: string,
): ConsentStatus<T> {
  const history = consentHistory(consents, type);
  const given = history.filter((c) => c.date <= onDate);
  const latest = given.at(-1);
  if (!latest) return { state: 'none', current: null, history };
  const sameDay = given.filter((c) => c.date === latest.date);
  const withdrawn = sameDay.find((c) => withdrawnBy(c, onDate));
  if (withdrawn) return { state: 'withdrawn', current: withdrawn, history };
  const expired = sameDay.find((c) => expiredBy(c, onDate));
  if (expired) return { state: 'expired', current: expired, history };
  return { state: 'active', current: latest, history };
}

export const consentState = (consents: readonly ConsentFacts[], type: ConsentType, onDate: string): ConsentState =>
  consentStatus(consents, type, onDate).state;

export type ConsentRefusal =
  /** No consent of the type was given on or before the date: ask for it first. */
  | 'consent-missing'
  /** The consent that applies was withdrawn: respect it until a new consent is recorded. */
  | 'consent-withdrawn'
  /** The consent that applies was given for a period that has ended: ask for a new one. */
  | 'consent-expired';

export type ConsentCheck<T extends ConsentFacts> = { ok: true; consent: T } | { ok: false; reason: ConsentRefusal };

/** The gate other features call before an action that needs consent (e.g. a handover to daycare). */
export function requireConsent<T extends ConsentFacts>(
  consents: readonly T[],
  type: ConsentType,
  onDate: string,
): ConsentCheck<T> {
  const { state, current } = consentStatus(consents, type, onDate);
  if (state === 'active' && current) return { ok: true, consent: current };
  const reasons = { withdrawn: 'consent-withdrawn', expired: 'consent-expired', none: 'consent-missing' } as const;
  return { ok: false, reason: state === 'active' ? 'consent-missing' : reasons[state] };
}
