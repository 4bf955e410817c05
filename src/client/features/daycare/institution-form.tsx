/** Add or edit one of the team's childcare institutions (name, kind, address, contact, phone, e-mail). */

import { type Institution, institutionKinds, institutionSchema } from '../../../shared/daycare/institution.ts';
import { FormActions } from '../../forms/form-chrome.tsx';
import { useRecordForm } from '../../forms/use-record-form.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { Field } from '../../ui/field.tsx';

type Props = { id?: string; initial?: Institution; onSaved: (id: string) => void; onCancel: () => void };

const empty: Institution = {
  name: '',
  kind: 'daginstitution',
  address: '',
  contactPerson: '',
  phone: '',
  email: '',
  note: '',
  archivedAt: '',
};

export function InstitutionForm({ id, initial = empty, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const { form, submit, status } = useRecordForm(institutionSchema, {
    kind: 'institution',
    ...(id ? { id } : {}),
    defaultValues: initial,
    onSaved,
  });
  const { register, formState } = form;
  const { errors } = formState;
  return (
    <form className="form" onSubmit={submit} noValidate>
      <fieldset className="form__section">
        <legend>{t(id ? 'daycare.editInstitutionTitle' : 'daycare.newInstitutionTitle')}</legend>
        <Field label={t('daycare.institution.name')} error={errors.name?.message} required>
          {(c) => <input {...c} {...register('name')} autoComplete="off" />}
        </Field>
        <Field label={t('daycare.institution.kind')} error={errors.kind?.message}>
          {(c) => (
            <select {...c} {...register('kind')}>
              {institutionKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`daycare.institution.kinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('daycare.institution.address')} error={errors.address?.message} className="span-2">
          {(c) => <input {...c} {...register('address')} autoComplete="off" />}
        </Field>
        <Field label={t('daycare.institution.contactPerson')} error={errors.contactPerson?.message}>
          {(c) => <input {...c} {...register('contactPerson')} autoComplete="off" />}
        </Field>
        <Field label={t('daycare.institution.phone')} error={errors.phone?.message}>
          {(c) => <input {...c} type="tel" {...register('phone')} autoComplete="off" />}
        </Field>
        <Field label={t('daycare.institution.email')} error={errors.email?.message}>
          {(c) => <input {...c} type="email" {...register('email')} autoComplete="off" />}
        </Field>
        <Field label={t('daycare.institution.note')} error={errors.note?.message} className="span-2">
          {(c) => <textarea {...c} rows={2} {...register('note')} />}
        </Field>
      </fieldset>
      <FormActions errors={errors} status={status} submitting={formState.isSubmitting} onCancel={onCancel} />
    </form>
  );
}
