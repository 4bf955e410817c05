/** Create or edit a caregiver (omsorgsperson) of a family. */

import { type Caregiver, caregiverRelations, caregiverSchema } from '../../../shared/caseload/caregiver.ts';
import { FormActions } from '../../forms/form-chrome.tsx';
import { useRecordForm } from '../../forms/use-record-form.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { Field } from '../../ui/field.tsx';

type Props = {
  familyId: string;
  id?: string;
  initial?: Caregiver;
  onSaved: (id: string) => void;
  onCancel: () => void;
};

export function CaregiverForm({ familyId, id, initial, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const defaults: Caregiver = initial ?? {
    familyId,
    name: '',
    relation: 'mor',
    parentalResponsibility: true,
    language: 'dansk',
    interpreterNeeded: false,
    phone: '',
    email: '',
    notes: '',
  };
  const { form, submit, status } = useRecordForm(caregiverSchema, {
    kind: 'caregiver',
    ...(id ? { id } : {}),
    defaultValues: defaults,
    onSaved,
  });
  const { register, formState } = form;
  const { errors } = formState;
  const label = (key: keyof Caregiver) => t(`caseload.caregiver.${key}` as 'caseload.caregiver.name');

  return (
    <form className="form" onSubmit={submit} noValidate>
      <fieldset className="form__section">
        <legend>{t('caseload.caregivers')}</legend>
        <Field label={label('name')} error={errors.name?.message} required>
          {(c) => <input {...c} {...register('name')} autoComplete="off" />}
        </Field>
        <Field label={label('relation')} error={errors.relation?.message}>
          {(c) => (
            <select {...c} {...register('relation')}>
              {caregiverRelations.map((r) => (
                <option key={r} value={r}>
                  {t(`caseload.caregiver.relations.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <label className="checkbox">
          <input type="checkbox" {...register('parentalResponsibility')} />
          {label('parentalResponsibility')}
        </label>
        <label className="checkbox">
          <input type="checkbox" {...register('interpreterNeeded')} />
          {label('interpreterNeeded')}
        </label>
        <Field label={label('language')} error={errors.language?.message}>
          {(c) => <input {...c} {...register('language')} autoComplete="off" />}
        </Field>
        <Field label={label('phone')} error={errors.phone?.message}>
          {(c) => <input {...c} type="tel" {...register('phone')} autoComplete="off" />}
        </Field>
        <Field label={label('email')} error={errors.email?.message}>
          {(c) => <input {...c} type="email" {...register('email')} autoComplete="off" />}
        </Field>
        <Field label={label('notes')} error={errors.notes?.message} className="span-2">
          {(c) => <textarea {...c} rows={3} {...register('notes')} />}
        </Field>
      </fieldset>
      <FormActions errors={errors} status={status} submitting={formState.isSubmitting} onCancel={onCancel} />
    </form>
  );
}
