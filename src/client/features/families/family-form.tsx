/** Create or edit a family: the shared family schema validates, errors show inline in Danish. */

import {
  declineReasons,
  emptyLost,
  emptyOffer,
  type Family,
  familySchema,
  familyStatuses,
  inclusionReasons,
  lostReasons,
  offerAnswers,
} from '../../../shared/schemas/family.ts';
import { FormActions } from '../../forms/form-chrome.tsx';
import { useRecordForm } from '../../forms/use-record-form.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
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
  extraVisitsOffer: { ...emptyOffer },
  lostToFollowUp: { ...emptyLost },
};

export function FamilyForm({ id, initial, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const { form, submit, status } = useRecordForm(familySchema, {
    kind: 'family',
    ...(id ? { id } : {}),
    defaultValues: initial ?? empty,
    onSaved,
  });
  const { register, formState, watch } = form;
  const { errors } = formState;
  const declined = watch('extraVisitsOffer.answer') === 'afslaaet';

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
      <fieldset className="form__section">
        <legend>{t('family.offer.legend')}</legend>
        <p className="field__hint span-2">{t('family.offer.hint')}</p>
        <Field label={t('family.offer.offeredOn')} error={errors.extraVisitsOffer?.offeredOn?.message}>
          {(control) => <input type="date" {...control} {...register('extraVisitsOffer.offeredOn')} />}
        </Field>
        <Field label={t('family.offer.answer')} error={errors.extraVisitsOffer?.answer?.message}>
          {(control) => (
            <select
              {...control}
              {...register('extraVisitsOffer.answer', {
                // Only a refusal has a reason: changing the answer clears it.
                onChange: (e) => {
                  if (e.target.value !== 'afslaaet') form.setValue('extraVisitsOffer.declineReason', '');
                },
              })}
            >
              {(['', ...offerAnswers] as const).map((a) => (
                <option key={a} value={a}>
                  {t(`family.offer.answers.${a}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {declined ? (
          <Field
            label={t('family.offer.declineReason')}
            error={errors.extraVisitsOffer?.declineReason?.message}
            required
          >
            {(control) => (
              <select {...control} {...register('extraVisitsOffer.declineReason')}>
                {(['', ...declineReasons] as const).map((r) => (
                  <option key={r} value={r}>
                    {t(`family.offer.declineReasons.${r}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <Field label={t('family.lost.reason')} error={errors.lostToFollowUp?.reason?.message}>
          {(control) => (
            <select {...control} {...register('lostToFollowUp.reason')}>
              {(['', ...lostReasons] as const).map((r) => (
                <option key={r} value={r}>
                  {t(`family.lost.reasons.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('family.lost.date')} error={errors.lostToFollowUp?.date?.message}>
          {(control) => <input type="date" {...control} {...register('lostToFollowUp.date')} />}
        </Field>
      </fieldset>
      <FormActions errors={errors} status={status} submitting={formState.isSubmitting} onCancel={onCancel} />
    </form>
  );
}
