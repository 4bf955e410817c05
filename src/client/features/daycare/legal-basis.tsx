/**
 * The legal basis of a disclosure, as the nurse chooses it: the parents' consent when one is in
 * force on every day of the disclosure (shown with its date), or — where the disclosure allows
 * one — an exception with a written justification. Without a consent the choice of consent is
 * closed and a clear explanation says why, with a link to register the consent. The decision is the
 * shared gate's (caseload/disclosure.ts); this file only presents it.
 */

import { Link } from 'wouter';
import { type Consent, type ConsentRefusal, consentStatus } from '../../../shared/caseload/consent.ts';
import {
  type DisclosureRule,
  disclosureExceptions,
  disclosureGate,
  type LegalBasisFields,
} from '../../../shared/caseload/disclosure.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { formatDate } from '../../ui/dates.ts';
import { useErrorText } from '../../ui/field.tsx';

type Props = {
  idPrefix: string;
  rule: DisclosureRule;
  consents: readonly (Consent & { id: string })[];
  /** The days the disclosure must be lawful on (its date, and today when it is signed). */
  days: readonly string[];
  value: LegalBasisFields;
  onChange: (patch: Partial<LegalBasisFields>) => void;
  consentHref: string;
  disabled?: boolean;
  errors?: Record<string, string>;
};

/** Whether consent is in force on every day (the shared gate, asked for consent only). */
export function consentInForce(consents: Props['consents'], rule: DisclosureRule, days: readonly string[]) {
  return disclosureGate(consents, rule, { legalBasis: 'samtykke' }, days);
}

export function LegalBasisChooser({
  idPrefix,
  rule,
  consents,
  days,
  value,
  onChange,
  consentHref,
  disabled,
  errors = {},
}: Props) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const date = (d: string) => formatDate(d, i18n.language);
  const type = t(`caseload.consent.types.${rule.consent}`).toLocaleLowerCase(i18n.language);
  const check = consentInForce(consents, rule, days);
  const allowed = disclosureExceptions.filter((e) => rule.exceptions.includes(e));
  const id = (name: string) => `${idPrefix}-${name}`;

  const stop = (reason: ConsentRefusal) => {
    // The consent that decides on the first day that fails: its withdrawal or end date.
    const failing = days.find((d) => !consentInForce(consents, rule, [d]).ok) ?? days[0] ?? '';
    const current = consentStatus(consents, rule.consent, failing).current;
    const when = reason === 'consent-withdrawn' ? current?.withdrawnAt : current?.validUntil;
    return t(`daycare.basis.stop.${reason}`, { type, date: date(when ?? '') });
  };

  return (
    <fieldset className="form__section legal-basis" disabled={disabled}>
      <legend>{t('daycare.basis.legend')}</legend>
      {check.ok && check.basis === 'samtykke' ? (
        <p className="notice notice--ok span-2">
          {t('daycare.basis.consentActive', {
            type,
            date: date(check.consent.date),
            form: t(`caseload.consent.forms.${check.consent.form}`).toLocaleLowerCase(i18n.language),
          })}
          {check.consent.instrumentScores ? ` ${t('daycare.basis.consentCoversScores')}` : ''}
        </p>
      ) : (
        <div className="alert span-2 legal-basis__stop" role="alert">
          <p>{check.ok ? null : stop(check.reason as ConsentRefusal)}</p>
          <p>{allowed.length > 0 ? t('daycare.basis.stopHow') : t('daycare.basis.stopHowConsentOnly')}</p>
          <Link href={consentHref} className="button button--small">
            {t('daycare.basis.register')}
          </Link>
        </div>
      )}
      <div className="check-grid span-2">
        <label className="checkbox">
          <input
            type="radio"
            name={id('basis')}
            checked={value.legalBasis === 'samtykke'}
            disabled={!check.ok}
            onChange={() => onChange({ legalBasis: 'samtykke', exception: '', justification: '' })}
          />
          {t('daycare.basis.consent')}
        </label>
        {allowed.length > 0 ? (
          <label className="checkbox">
            <input
              type="radio"
              name={id('basis')}
              checked={value.legalBasis === 'undtagelse'}
              onChange={() => onChange({ legalBasis: 'undtagelse', consentId: '' })}
            />
            {t('daycare.basis.exception')}
          </label>
        ) : null}
      </div>
      {errors.legalBasis ? <p className="field__error span-2">{errorText(errors.legalBasis)}</p> : null}
      {value.legalBasis === 'undtagelse' ? (
        <>
          <div className={`field span-2${errors.exception ? ' field--invalid' : ''}`}>
            <label className="field__label" htmlFor={id('exception')}>
              {t('daycare.basis.exceptionChoice')}
            </label>
            <select
              id={id('exception')}
              value={value.exception}
              onChange={(e) => onChange({ exception: e.target.value as LegalBasisFields['exception'] })}
            >
              <option value="">{t('daycare.basis.choose')}</option>
              {allowed.map((e) => (
                <option key={e} value={e}>
                  {t(`daycare.basis.exceptions.${e}`)}
                </option>
              ))}
            </select>
            {errors.exception ? <p className="field__error">{errorText(errors.exception)}</p> : null}
          </div>
          <div className={`field span-2${errors.justification ? ' field--invalid' : ''}`}>
            <label className="field__label" htmlFor={id('justification')}>
              {t('daycare.basis.justification')}
            </label>
            <p id={id('justification-hint')} className="field__hint">
              {t('daycare.basis.justificationHint')}
            </p>
            <textarea
              id={id('justification')}
              rows={3}
              aria-describedby={id('justification-hint')}
              value={value.justification}
              onChange={(e) => onChange({ justification: e.target.value })}
            />
            {errors.justification ? <p className="field__error">{errorText(errors.justification)}</p> : null}
          </div>
        </>
      ) : null}
    </fieldset>
  );
}
