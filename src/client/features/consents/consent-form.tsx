/** Register a consent (type, who gave it, oral or written, date, scope). */

import { type Consent, consentForms, consentSchema, consentTypes } from '../../../shared/caseload/consent.ts';
import { localToday } from '../../../shared/domain/age.ts';
import { FormActions } from '../../forms/form-chrome.tsx';
import { useRecordForm } from '../../forms/use-record-form.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { Field } from '../../ui/field.tsx';

type Props = { familyId: string; caregiverNames: string[]; onSaved: (id: string) => void; onCancel: () => void };

export function ConsentForm({ familyId, caregiverNames, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const defaults: Consent = {
    familyId,
    type: 'sundhedsplejens-ydelser',
    givenBy: caregiverNames[0] ?? '',
    form: 'mundtlig',
    date: localToday(),
    scope: '',
    withdrawnAt: '',
    withdrawnNote: '',
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
      </fieldset>
      <FormActions errors={errors} status={status} submitting={formState.isSubmitting} onCancel={onCancel} />
    </form>
  );
}
