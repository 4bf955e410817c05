/**
 * Small hooks the pages share for daycare cooperation: a child's result as the text a handover
 * shares, and whether a language result shared by the daycare may be recorded on a visit.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { type Consent, type ConsentRefusal, consentStatus } from '../../../shared/caseload/consent.ts';
import { disclosureGate } from '../../../shared/caseload/disclosure.ts';
import { LANGUAGE_RESULT_DISCLOSURE } from '../../../shared/daycare/daycare-fields.ts';
import type { SharedScore } from '../../../shared/daycare/handover.ts';
import { ADBB_MAX_TOTAL } from '../../../shared/instruments/adbb.ts';
import { formatDate } from '../../ui/dates.ts';
import type { ScoreFact } from './daycare-loaders.ts';

/**
 * The result as the text shared (kept in the snapshot exactly as shared): always in Danish,
 * whatever the UI language, since the letter goes to a Danish daycare.
 */
export function useScoreText(): (fact: ScoreFact) => SharedScore {
  const { i18n } = useTranslation();
  const da = i18n.getFixedT('da');
  return (fact) => ({
    instrument: fact.instrument,
    date: fact.date,
    sourceId: fact.sourceId,
    result:
      fact.instrument === 'TOPI'
        ? da(`instruments.topi.${fact.judgement}`)
        : `${fact.total} af ${ADBB_MAX_TOTAL} (grænse ${fact.cutoff})`,
  });
}

/**
 * Whether the daycare's language result may be recorded as shared with consent on `date` (the
 * shared disclosure gate), with the explanation when not and where to register the consent.
 */
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
