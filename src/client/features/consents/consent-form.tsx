/** Register a consent (type, who gave it, oral or written, date, scope). */
import {
  type Consent,
  type ConsentType,
  consentForms,
  consentSchema,
  consentTypes,
} from '../../../shared/caseload/consent.ts';
import { localToday } from '../../../shared/domain/age.ts';
import { FormActions } from '../../forms/form-chrome.tsx';
import { useRecordForm } from '../../forms/use-record-form.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { Field } from '../../ui/field.tsx';

type Props = {
  familyId: string;
  caregiverNames: string[];
  /** The type a flow asked for (e.g. a handover stopped for want of it). */
  initialType?: ConsentType;
  onSaved: (id: string) => void;
  onCancel: () => void;
};

export function ConsentForm({ familyId, caregiverNames, initialType, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const defaults: Consent = {
    familyId,
    type: initialType ?? 'sundhedsplejens-ydelser',
    givenBy: caregiverNames[0] ?? '',
    form: 'mundtlig',
    date: localToday(),
    scope: '',
    withdrawnAt: '',
    withdrawnNote: '',
    validUntil: '',
    instrumentScores: false,
  };
  const { form, submit, status } = useRecordForm(consentSchema, { kind: 'consent', defaultValues: defaults, onSaved });
  const { register, formState } = form;
  const { errors } = formState;
  return (
    <form className="form" onSubmit={submit} noValidate>
      <fieldset className="form__section">
        <legend>{t('caseload.newConsentTitle')}</legend>
        <Field label={t('caseload.consent.type')} error={errors.type?.message} className="span-2">
          {(c) => (
            <select {...c} {...register('type')}>
              {consentTypes.map((type) => (
                <option key={type} value={type}>
                  {t(`caseload.consent.types.${type}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('caseload.consent.givenBy')} error={errors.givenBy?.message} required>
          {(c) => <input {...c} {...register('givenBy')} list="consent-givers" autoComplete="off" />}
        </Field>
        <datalist id="consent-givers">
          {caregiverNames.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <Field label={t('caseload.consent.form')} error={errors.form?.message}>
          {(c) => (
            <select {...c} {...register('form')}>
              {consentForms.map((f) => (
                <option key={f} value={f}>
                  {t(`caseload.consent.forms.${f}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('caseload.consent.date')} error={errors.date?.message} required>
          {(c) => <input type="date" {...c} {...register('date')} />}
        </Field>
        <Field label={t('caseload.consent.scope')} error={errors.scope?.message} className="span-2">
          {(c) => <textarea {...c} rows={2} {...register('scope')} />}
        </Field>
        <Field
          label={t('caseload.consent.validUntil')}
          hint={t('caseload.consent.validUntilHint')}
          error={errors.validUntil?.message}
        >
          {(c) => <input type="date" {...c} {...register('validUntil')} />}
        </Field>
        <label className="checkbox span-2">
          <input type="checkbox" {...register('instrumentScores')} aria-describedby="consent-scores-hint" />
          {t('caseload.consent.instrumentScores')}
        </label>
        <p id="consent-scores-hint" className="field__hint span-2">
          {t('caseload.consent.instrumentScoresHint')}
        </p>
      </fieldset>
      <FormActions errors={errors} status={status} submitting={formState.isSubmitting} onCancel={onCancel} />
    </form>
  );
}
