/**
 * Edit a contact of the plan (agreed date, status, done date, nurse, note) or add a need-based
 * visit by hand. Schedule-derived fields (type, window) of a plan contact are not edited here.
 */

import { type Contact, contactSchema, contactStatuses, contactTypes } from '../../../shared/caseload/contact.ts';
import { FormActions } from '../../forms/form-chrome.tsx';
import { useRecordForm } from '../../forms/use-record-form.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { Field } from '../../ui/field.tsx';

type Props = { id?: string; initial: Contact; onSaved: (id: string) => void; onCancel: () => void };

const manualTypes = contactTypes.filter((type) =>
  ['behovsbesoeg', 'tvaerfagligt-hjemmebesoeg', 'moede-i-dagtilbud'].includes(type),
);

export function ContactForm({ id, initial, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const { form, submit, status } = useRecordForm(contactSchema, {
    kind: 'contact',
    ...(id ? { id } : {}),
    defaultValues: initial,
    onSaved,
  });
  const { register, formState, watch } = form;
  const { errors } = formState;
  const manual = initial.source === 'manual';
  const isDone = watch('status') === 'gennemfoert';

  return (
    <form className="form" onSubmit={submit} noValidate>
      <fieldset className="form__section">
        <legend>{t(`caseload.plan.types.${initial.type}`)}</legend>
        {manual ? (
          <>
            <Field label={t('caseload.plan.type')} error={errors.type?.message}>
              {(c) => (
                <select {...c} {...register('type')}>
                  {manualTypes.map((type) => (
                    <option key={type} value={type}>
                      {t(`caseload.plan.types.${type}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('caseload.plan.target')} error={errors.targetDate?.message} required>
              {(c) => <input type="date" {...c} {...register('targetDate')} />}
            </Field>
            <Field label={t('caseload.settings.windowFrom')} error={errors.windowFrom?.message} required>
              {(c) => <input type="date" {...c} {...register('windowFrom')} />}
            </Field>
            <Field label={t('caseload.settings.windowTo')} error={errors.windowTo?.message} required>
              {(c) => <input type="date" {...c} {...register('windowTo')} />}
            </Field>
          </>
        ) : null}
        <Field label={t('caseload.plan.plannedDate')} error={errors.plannedDate?.message}>
          {(c) => <input type="date" {...c} {...register('plannedDate')} />}
        </Field>
        <Field label={t('caseload.plan.status')} error={errors.status?.message}>
          {(c) => (
            <select {...c} {...register('status')}>
              {contactStatuses.map((s) => (
                <option key={s} value={s}>
                  {t(`caseload.plan.statuses.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {isDone ? (
          <Field label={t('caseload.plan.doneDate')} error={errors.doneDate?.message} required>
            {(c) => <input type="date" {...c} {...register('doneDate')} />}
          </Field>
        ) : null}
        <Field label={t('caseload.plan.nurse')} error={errors.nurse?.message}>
          {(c) => <input {...c} {...register('nurse')} autoComplete="off" />}
        </Field>
        <Field label={t('caseload.plan.note')} error={errors.note?.message} className="span-2">
          {(c) => <textarea {...c} rows={3} {...register('note')} />}
        </Field>
      </fieldset>
      <FormActions errors={errors} status={status} submitting={formState.isSubmitting} onCancel={onCancel} />
    </form>
  );
}
