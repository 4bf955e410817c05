/**
 * Whether a language result the daycare shared may be recorded on a visit: the shared disclosure
 * gate on the visit's date, with the explanation when not and where to register the consent.
 */

import { type Consent, type ConsentRefusal, consentStatus } from '../../../shared/caseload/consent.ts';
import { disclosureGate } from '../../../shared/caseload/disclosure.ts';
import { LANGUAGE_RESULT_DISCLOSURE } from '../../../shared/daycare/daycare-fields.ts';
import type { TFunction } from '../../i18n/text-keys.ts';
import { formatDate } from '../../ui/dates.ts';

export function daycareSharing(
  t: TFunction,
  language: string,
  consents: readonly Consent[],
  date: string,
  consentHref: string,
) {
  const gate = disclosureGate(consents, LANGUAGE_RESULT_DISCLOSURE, {}, [date]);
  if (gate.ok) return { ok: true, message: '', consentHref };
  const reason = gate.reason as ConsentRefusal;
  const current = consentStatus(consents, LANGUAGE_RESULT_DISCLOSURE.consent, date).current;
  const when = reason === 'consent-withdrawn' ? current?.withdrawnAt : current?.validUntil;
  return {
    ok: false,
    message: t(`daycare.basis.stop.${reason}`, {
      type: t(`caseload.consent.types.${LANGUAGE_RESULT_DISCLOSURE.consent}`).toLocaleLowerCase(language),
      date: formatDate(when ?? '', language),
    }),
    consentHref,
  };
}
