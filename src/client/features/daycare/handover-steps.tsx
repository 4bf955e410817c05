/**
 * The four steps of the handover flow (handover-flow.tsx holds their state and the navigation):
 * the recipient, the legal basis, the content shared and the parents' confirmation with a preview
 * of exactly what will be passed on. Presentation and input only; nothing is written here.
 */

import { Link } from 'wouter';
import type { Consent } from '../../../shared/caseload/consent.ts';
import { HANDOVER_DISCLOSURE } from '../../../shared/daycare/daycare-fields.ts';
import {
  type Handover,
  handoverForms,
  handoverSections,
  type SharedScore,
  sectionsInOrder,
} from '../../../shared/daycare/handover.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { formatDate } from '../../ui/dates.ts';
import { useErrorText } from '../../ui/field.tsx';
import type { FlowInstitution } from './handover-flow.tsx';
import { LegalBasisChooser } from './legal-basis.tsx';

type StepProps = { values: Handover; set: (patch: Partial<Handover>) => void };

export function RecipientStep({
  values,
  set,
  institutions,
  newInstitutionHref,
}: StepProps & { institutions: FlowInstitution[]; newInstitutionHref: string }) {
  const { t } = useTranslation();
  return (
    <fieldset className="form__section">
      <legend>{t('daycare.handover.steps.recipient')}</legend>
      <div className="field">
        <label className="field__label" htmlFor="handover-institution">
          {t('daycare.handover.institution')}
        </label>
        <select
          id="handover-institution"
          value={values.institutionId}
          onChange={(e) => {
            const chosen = institutions.find((i) => i.id === e.target.value);
            set({
              institutionId: e.target.value,
              recipientName: values.recipientName || (chosen?.data.contactPerson ?? ''),
            });
          }}
        >
          <option value="">{t('daycare.handover.noInstitution')}</option>
          {institutions.map((i) => (
            <option key={i.id} value={i.id}>
              {i.data.name} ({t(`daycare.institution.kinds.${i.data.kind}`)})
            </option>
          ))}
        </select>
        {institutions.length === 0 ? (
          <p className="field__hint">
            {t('daycare.handover.noInstitutionsYet')}{' '}
            <Link href={newInstitutionHref}>{t('daycare.addInstitution')}</Link>
          </p>
        ) : null}
      </div>
      <div className="field">
        <label className="field__label" htmlFor="handover-recipient">
          {t('daycare.handover.recipientName')}
        </label>
        <input
          id="handover-recipient"
          value={values.recipientName}
          autoComplete="off"
          onChange={(e) => set({ recipientName: e.target.value })}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="handover-form">
          {t('daycare.handover.form')}
        </label>
        <select
          id="handover-form"
          value={values.form}
          onChange={(e) => set({ form: e.target.value as Handover['form'] })}
        >
          <option value="">{t('daycare.handover.chooseForm')}</option>
          {handoverForms.map((f) => (
            <option key={f} value={f}>
              {t(`daycare.forms.${f}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="handover-date">
          {t('daycare.handover.date')}
        </label>
        <input id="handover-date" type="date" value={values.date} onChange={(e) => set({ date: e.target.value })} />
      </div>
    </fieldset>
  );
}

export function BasisStep({
  values,
  set,
  consents,
  days,
  consentHref,
}: StepProps & { consents: (Consent & { id: string })[]; days: string[]; consentHref: string }) {
  return (
    <LegalBasisChooser
      idPrefix="handover"
      rule={HANDOVER_DISCLOSURE}
      consents={consents}
      days={days}
      value={values}
      onChange={(patch) => set(patch)}
      consentHref={consentHref}
    />
  );
}

export function ContentStep({
  values,
  set,
  availableScores,
  scoresAllowed,
}: StepProps & { availableScores: SharedScore[]; scoresAllowed: boolean }) {
  const { t, i18n } = useTranslation();
  const chosen = new Map(values.sections.map((s) => [s.section, s.text]));
  const toggle = (section: (typeof handoverSections)[number], on: boolean) =>
    set({
      sections: on
        ? sectionsInOrder([...values.sections, { section, text: '' }])
        : values.sections.filter((s) => s.section !== section),
    });
  const setText = (section: string, text: string) =>
    set({ sections: values.sections.map((s) => (s.section === section ? { ...s, text } : s)) });
  const scoreKey = (s: SharedScore) => `${s.instrument}:${s.sourceId}:${s.date}`;
  const sharedScores = new Set(values.scores.map(scoreKey));
  return (
    <>
      <fieldset className="form__section">
        <legend>{t('daycare.handover.sectionsLegend')}</legend>
        <p className="field__hint span-2">{t('daycare.handover.sectionsHint')}</p>
        {handoverSections.map((section) => {
          const label = t(`daycare.sections.${section}`);
          const on = chosen.has(section);
          return (
            <div key={section} className={`span-2 shared-section${on ? ' shared-section--on' : ''}`}>
              <label className="checkbox">
                <input type="checkbox" checked={on} onChange={(e) => toggle(section, e.target.checked)} />
                {label}
              </label>
              {on ? (
                <textarea
                  aria-label={t('daycare.handover.sectionText', { section: label })}
                  rows={3}
                  value={chosen.get(section) ?? ''}
                  onChange={(e) => setText(section, e.target.value)}
                />
              ) : null}
            </div>
          );
        })}
      </fieldset>
      <fieldset className="form__section">
        <legend>{t('daycare.handover.scoresLegend')}</legend>
        {!scoresAllowed ? (
          <p className="field__hint span-2">{t('daycare.handover.scoresNotConsented')}</p>
        ) : availableScores.length === 0 ? (
          <p className="field__hint span-2">{t('daycare.handover.scoresNone')}</p>
        ) : (
          <div className="check-grid span-2">
            {availableScores.map((score) => (
              <label key={scoreKey(score)} className="checkbox">
                <input
                  type="checkbox"
                  checked={sharedScores.has(scoreKey(score))}
                  onChange={(e) =>
                    set({
                      scores: e.target.checked
                        ? [...values.scores, score]
                        : values.scores.filter((s) => scoreKey(s) !== scoreKey(score)),
                    })
                  }
                />
                {t('daycare.handover.scoreLabel', {
                  instrument: score.instrument,
                  date: formatDate(score.date, i18n.language),
                  result: score.result,
                })}
              </label>
            ))}
          </div>
        )}
        <div className="field span-2">
          <label className="field__label" htmlFor="handover-note">
            {t('daycare.handover.note')}
          </label>
          <textarea id="handover-note" rows={3} value={values.text} onChange={(e) => set({ text: e.target.value })} />
        </div>
      </fieldset>
    </>
  );
}

export function ConfirmStep({
  values,
  set,
  institutions,
  consent,
  caregiverNames,
  problems,
}: StepProps & {
  institutions: FlowInstitution[];
  /** The consent the gate relies on, when the basis is consent. */
  consent: Consent | null;
  caregiverNames: string[];
  problems: Record<string, string>;
}) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const institution = institutions.find((i) => i.id === values.institutionId);
  const fieldProblems = Object.keys(problems).filter((f) => f in problemKeys);
  return (
    <>
      <section className="card handover-preview" aria-labelledby="handover-preview">
        <h2 id="handover-preview">{t('daycare.handover.preview')}</h2>
        <dl className="details">
          <div>
            <dt>{t('daycare.handover.to')}</dt>
            <dd>{[institution?.data.name, values.recipientName].filter(Boolean).join(', ') || '–'}</dd>
          </div>
          <div>
            <dt>{t('daycare.handover.form')}</dt>
            <dd>
              {values.form ? t(`daycare.forms.${values.form}`) : '–'} · {formatDate(values.date, i18n.language)}
            </dd>
          </div>
          <div>
            <dt>{t('daycare.basis.legend')}</dt>
            <dd>
              {values.legalBasis === 'undtagelse' && values.exception
                ? `${t('daycare.basis.summaryException', { exception: t(`daycare.basis.exceptionsShort.${values.exception}`) })} – ${values.justification}`
                : values.legalBasis === 'samtykke'
                  ? t('daycare.basis.summaryConsent', { date: formatDate(consent?.date ?? '', i18n.language) })
                  : '–'}
            </dd>
          </div>
          {sectionsInOrder(values.sections).map((s) => (
            <div key={s.section}>
              <dt>{t(`daycare.sections.${s.section}`)}</dt>
              <dd className="prewrap">{s.text}</dd>
            </div>
          ))}
          {values.scores.map((s) => (
            <div key={`${s.instrument}-${s.sourceId}-${s.date}`}>
              <dt>{s.instrument}</dt>
              <dd>
                {formatDate(s.date, i18n.language)}: {s.result}
              </dd>
            </div>
          ))}
          {values.text ? (
            <div>
              <dt>{t('daycare.handover.note')}</dt>
              <dd className="prewrap">{values.text}</dd>
            </div>
          ) : null}
        </dl>
      </section>
      <fieldset className="form__section">
        <legend>{t('daycare.handover.confirmLegend')}</legend>
        <label className="checkbox span-2">
          <input
            type="checkbox"
            checked={values.parentsConfirmed}
            onChange={(e) => set({ parentsConfirmed: e.target.checked })}
          />
          {t('daycare.handover.parentsConfirmed')}
        </label>
        <div className={`field${problems.confirmedBy ? ' field--invalid' : ''}`}>
          <label className="field__label" htmlFor="handover-confirmed-by">
            {t('daycare.handover.confirmedBy')}
          </label>
          <input
            id="handover-confirmed-by"
            list="handover-caregivers"
            autoComplete="off"
            value={values.confirmedBy}
            onChange={(e) => set({ confirmedBy: e.target.value })}
          />
          <datalist id="handover-caregivers">
            {caregiverNames.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
          {problems.confirmedBy ? <p className="field__error">{errorText(problems.confirmedBy)}</p> : null}
        </div>
      </fieldset>
      {fieldProblems.length > 0 ? (
        <div className="alert" role="alert">
          <p>{t('daycare.handover.blocked')}</p>
          <ul>
            {fieldProblems.map((f) => (
              <li key={f}>{t(`daycare.handover.problems.${f as keyof typeof problemKeys}`)}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}

const problemKeys = { institutionId: 1, form: 1, sections: 1, parentsConfirmed: 1, confirmedBy: 1 } as const;
