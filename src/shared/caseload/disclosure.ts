/**
 * The legal basis of a disclosure (domain.md §5): health information leaves the health visitor only
 * with the parents' consent of the right type that is active on the day — or, where the law allows
 * it, under an exception with a written justification (sundhedsloven § 43, stk. 2; the one-off
 * exchange at a meeting in early preventive cooperation, barnets lov). Instrument scores go only with
 * a consent that covers them. `disclosureGate` is the one gate every disclosure asks: the handover,
 * the interdisciplinary meeting, a language result shared by the daycare and COS-P enrolment; the
 * server asks it too (sync/write-rules.ts), so a device cannot skip it.
 */
import { optionalChoice, optionalId, optionalText } from '../schemas/fields.ts';
import { type ConsentFacts, type ConsentRefusal, type ConsentType, requireConsent } from './consent.ts';

export const legalBases = ['samtykke', 'undtagelse'] as const;
export type LegalBasis = (typeof legalBases)[number];

/**
 * The exceptions that allow a disclosure without consent (domain.md §5; unverified wording, the
 * justification says why it applies). The duty to notify (underretning) is not a disclosure to
 * daycare and is not recorded here.
 */
export const disclosureExceptions = [
  /** Sundhedsloven § 43, stk. 2: e.g. necessary to protect vital interests of the child. */
  'sundhedsloven-43-stk-2',
  /** Barnets lov (formerly servicelovens § 49 a): one-off exchange at a meeting in early preventive cooperation. */
  'barnets-lov-tidlig-forebyggelse',
] as const;
export type DisclosureException = (typeof disclosureExceptions)[number];

/** The legal-basis fields a disclosing record carries (handover, meeting). */
export const legalBasisShape = {
  /** '' while a draft has not chosen yet. */
  legalBasis: optionalChoice(legalBases),
  /** The consent relied on (for the record; the gate decides from the family's consents). */
  consentId: optionalId,
  exception: optionalChoice(disclosureExceptions),
  /** Why the exception applies: required with an exception. */
  justification: optionalText(2000),
};

export type LegalBasisFields = {
  legalBasis: LegalBasis | '';
  consentId: string;
  exception: DisclosureException | '';
  justification: string;
};

export type DisclosureRule = {
  /** The consent type that allows this disclosure. */
  consent: ConsentType;
  /** The exceptions allowed instead of consent; [] when only consent will do. */
  exceptions: readonly string[];
};

export type DisclosureRefusal =
  | ConsentRefusal
  /** No legal basis was chosen. */
  | 'basis-missing'
  /** An exception this disclosure does not allow (or none named). */
  | 'exception-not-allowed'
  /** An exception without a written justification. */
  | 'justification-missing'
  /** Instrument scores without a consent that covers them (never under an exception). */
  | 'scores-not-consented';

export type DisclosureCheck<T> =
  | { ok: true; basis: 'samtykke'; consent: T }
  | { ok: true; basis: 'undtagelse'; exception: DisclosureException }
  | { ok: false; reason: DisclosureRefusal };

export type DisclosureRequest = {
  /** The basis claimed; a record without basis fields (a shared language result) claims consent. */
  legalBasis?: string;
  exception?: string;
  justification?: string;
  /** Instrument scores are disclosed too. */
  scores?: boolean;
};

/**
 * May the disclosure happen on every one of `onDates` (the day it is dated and the day it is
 * signed: a withdrawal blocks new disclosures from its own day)? With consent: the family's
 * consent of the rule's type must be active on each date (requireConsent: the latest consent on or
 * before the date decides), and cover scores when scores are shared. With an exception: one the rule
 * allows, with a justification. Pass only the family's own consents.
 */
export function disclosureGate<T extends ConsentFacts & { instrumentScores?: boolean }>(
  consents: readonly T[],
  rule: DisclosureRule,
  request: DisclosureRequest,
  onDates: readonly string[],
): DisclosureCheck<T> {
  const basis = request.legalBasis ?? 'samtykke';
  if (basis === 'undtagelse') {
    const exception = request.exception ?? '';
    if (!rule.exceptions.includes(exception) || !isException(exception))
      return { ok: false, reason: 'exception-not-allowed' };
    if ((request.justification ?? '').trim() === '') return { ok: false, reason: 'justification-missing' };
    if (request.scores) return { ok: false, reason: 'scores-not-consented' };
    return { ok: true, basis: 'undtagelse', exception };
  }
  if (basis !== 'samtykke') return { ok: false, reason: 'basis-missing' };
  let first: T | null = null;
  for (const date of onDates.length > 0 ? onDates : ['']) {
    const check = requireConsent(consents, rule.consent, date);
    if (!check.ok) return check;
    if (request.scores && check.consent.instrumentScores !== true) return { ok: false, reason: 'scores-not-consented' };
    first ??= check.consent;
  }
  return { ok: true, basis: 'samtykke', consent: first as T };
}

const isException = (value: string): value is DisclosureException =>
  (disclosureExceptions as readonly string[]).includes(value);

/** The gate's answer for a record's own legal-basis fields (what the form and the actions ask). */
export function recordGate<T extends ConsentFacts & { instrumentScores?: boolean }>(
  consents: readonly T[],
  rule: DisclosureRule,
  fields: LegalBasisFields & { scores?: boolean },
  onDates: readonly string[],
): DisclosureCheck<T> {
  if (fields.legalBasis === '') return { ok: false, reason: 'basis-missing' };
  return disclosureGate(consents, rule, fields, onDates);
}

/** Cross-field rule of a record with a legal basis: an exception is named and justified. */
export function checkLegalBasis(
  ctx: { addIssue: (issue: { code: 'custom'; input: unknown; path: PropertyKey[]; message: string }) => void },
  fields: LegalBasisFields,
  messages: { required: string; notApplicable: string },
  final: boolean,
): void {
  const add = (path: string, input: unknown, message: string) =>
    ctx.addIssue({ code: 'custom', input, path: [path], message });
  if (final && fields.legalBasis === '') add('legalBasis', '', messages.required);
  if (fields.legalBasis === 'undtagelse') {
    if (final && fields.exception === '') add('exception', '', messages.required);
    if (final && fields.justification === '') add('justification', '', messages.required);
  } else {
    if (fields.exception !== '') add('exception', fields.exception, messages.notApplicable);
    if (fields.justification !== '') add('justification', fields.justification, messages.notApplicable);
  }
  if (fields.legalBasis !== 'samtykke' && fields.consentId !== '')
    add('consentId', fields.consentId, messages.notApplicable);
}
