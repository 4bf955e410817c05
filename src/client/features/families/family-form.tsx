/** Create or edit a family: the shared family schema validates, errors show inline in Danish. */
import { useTranslation } from 'react-i18next';
import { type Family, familySchema, familyStatuses, inclusionReasons } from '../../../shared/schemas/family.ts';
import { FormActions } from '../../forms/form-chrome.tsx';
import { useRecordForm } from '../../forms/use-record-form.ts';
import { Field } from '../../ui/field.tsx';

type Props = { id?: string; initial?: Family; onSaved: (id: string) => void; onCancel: () => void };

const empty: Family = {
  name: '',
  status: 'aktiv',
  inclusionDate: '',
  inclusionReason: '',
  tovholder: '',
  address: '',
  notes: '',
};

export function FamilyForm({ id, initial, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const { form, submit, status } = useRecordForm(familySchema, {
    kind: 'family',
    ...(id ? { id } : {}),
    defaultValues: initial ?? empty,
    onSaved,
  });
  const { register, formState } = form;
  const { errors } = formState;

  return (
    <form className="form" onSubmit={submit} noValidate>
      <fieldset className="form__section">
        <legend>{t('family.details')}</legend>
        <Field
          label={t('family.name')}
          hint={t('family.nameHint')}
          error={errors.name?.message}
          required
          className="span-2"
        >
          {(control) => <input {...control} {...register('name')} autoComplete="off" />}
        </Field>
        <Field label={t('family.status')} error={errors.status?.message}>
          {(control) => (
            <select {...control} {...register('status')}>
              {familyStatuses.map((s) => (
                <option key={s} value={s}>
                  {t(`family.statuses.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('family.tovholder')} hint={t('family.tovholderHint')} error={errors.tovholder?.message}>
          {(control) => <input {...control} {...register('tovholder')} autoComplete="off" />}
        </Field>
        <Field label={t('family.inclusionDate')} error={errors.inclusionDate?.message}>
          {(control) => <input type="date" {...control} {...register('inclusionDate')} />}
        </Field>
        <Field label={t('family.inclusionReason')} error={errors.inclusionReason?.message}>
          {(control) => (
            <select {...control} {...register('inclusionReason')}>
              {(['', ...inclusionReasons] as const).map((r) => (
                <option key={r} value={r}>
                  {t(`family.inclusionReasons.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('family.address')} error={errors.address?.message} className="span-2">
          {(control) => <input {...control} {...register('address')} autoComplete="off" />}
        </Field>
        <Field label={t('family.notes')} hint={t('family.notesHint')} error={errors.notes?.message} className="span-2">
          {(control) => <textarea {...control} rows={4} {...register('notes')} />}
        </Field>
      </fieldset>
      <FormActions errors={errors} status={status} submitting={formState.isSubmitting} onCancel={onCancel} />
    </form>
  );
}
