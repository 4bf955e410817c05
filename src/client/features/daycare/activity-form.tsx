/**
 * A talk in daycare (oplæg) or a competence-forum meeting: date, duration, institutions, topic,
 * participants (count and professions), who gave it or took part, notes — no personal data. While
 * the nurse types, names of the caseload's children and parents and CPR-like numbers raise a
 * warning (the rule of COS-P's group note); it is a reminder, not a filter.
 */
import type { ReactNode } from 'react';
import {
  type Activity,
  activityPersonalDataHints,
  activitySchema,
  activityTopics,
  activityTypes,
} from '../../../shared/daycare/activity.ts';
import { professions } from '../../../shared/daycare/daycare-fields.ts';
import type { Institution } from '../../../shared/daycare/institution.ts';
import { FormActions } from '../../forms/form-chrome.tsx';
import { useRecordForm } from '../../forms/use-record-form.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { Field, parseLocaleNumber } from '../../ui/field.tsx';

type Props = {
  id?: string;
  initial: Activity;
  institutions: { id: string; data: Institution }[];
  /** Names of the caseload's children and caregivers, for the personal-data warning. */
  caseloadNames: string[];
  onSaved: (id: string) => void;
  onCancel: () => void;
};

export function ActivityForm({ id, initial, institutions, caseloadNames, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const { form, submit, status } = useRecordForm(activitySchema, {
    kind: 'daycareActivity',
    ...(id ? { id } : {}),
    defaultValues: initial,
    onSaved,
  });
  const { register, formState, watch, setValue } = form;
  const { errors } = formState;
  const values = watch();
  const hints = activityPersonalDataHints(
    { notes: values.notes ?? '', topicOther: values.topicOther ?? '', institutionOther: values.institutionOther ?? '' },
    caseloadNames,
  );
  const toggle = (name: 'institutionIds' | 'topics' | 'professions', value: string, on: boolean) => {
    const list = (values[name] ?? []) as string[];
    setValue(name, (on ? [...list, value] : list.filter((v) => v !== value)) as never, {
      shouldDirty: true,
      shouldValidate: formState.isSubmitted,
    });
  };
  const checks = (name: 'institutionIds' | 'topics' | 'professions', options: { value: string; label: string }[]) => (
    <div className="check-grid span-2">
      {options.map((o) => (
        <label key={o.value} className="checkbox">
          <input
            type="checkbox"
            checked={((values[name] ?? []) as string[]).includes(o.value)}
            onChange={(e) => toggle(name, o.value, e.target.checked)}
          />
          {o.label}
        </label>
      ))}
    </div>
  );
  const group = (legend: string, error: string | undefined, children: ReactNode) => (
    <fieldset className={`field-group span-2${error ? ' field--invalid' : ''}`}>
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
  const numberField = (name: 'durationMinutes' | 'participantsCount') =>
    register(name, { setValueAs: parseLocaleNumber });

  return (
    <form className="form" onSubmit={submit} noValidate>
      <p className="notice">{t('daycare.activity.noPersonalData')}</p>
      <fieldset className="form__section">
        <legend>{t(`daycare.activity.types.${values.type ?? 'oplaeg'}`)}</legend>
        <Field label={t('daycare.activity.type')} error={errors.type?.message}>
          {(c) => (
            <select {...c} {...register('type')}>
              {activityTypes.map((type) => (
                <option key={type} value={type}>
                  {t(`daycare.activity.types.${type}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('daycare.activity.date')} error={errors.date?.message} required>
          {(c) => <input {...c} type="date" {...register('date')} />}
        </Field>
        <Field label={t('daycare.activity.duration')} error={errors.durationMinutes?.message}>
          {(c) => <input {...c} inputMode="numeric" {...numberField('durationMinutes')} />}
        </Field>
        <Field label={t('daycare.activity.participantsCount')} error={errors.participantsCount?.message}>
          {(c) => <input {...c} inputMode="numeric" {...numberField('participantsCount')} />}
        </Field>
        {group(
          t('daycare.activity.institutions'),
          errors.institutionIds?.message,
          checks(
            'institutionIds',
            institutions.map((i) => ({ value: i.id, label: i.data.name })),
          ),
        )}
        <Field
          label={t('daycare.activity.institutionOther')}
          error={errors.institutionOther?.message}
          className="span-2"
        >
          {(c) => <input {...c} {...register('institutionOther')} autoComplete="off" />}
        </Field>
        {group(
          t('daycare.activity.topics'),
          errors.topics?.message,
          <>
            {checks(
              'topics',
              activityTopics.map((k) => ({ value: k, label: t(`daycare.activity.topicsList.${k}`) })),
            )}
            {errors.topics?.message ? <p className="field__error">{t('validation.required')}</p> : null}
          </>,
        )}
        <Field label={t('daycare.activity.topicOther')} error={errors.topicOther?.message} className="span-2">
          {(c) => <input {...c} {...register('topicOther')} autoComplete="off" />}
        </Field>
        {group(
          t('daycare.activity.professions'),
          errors.professions?.message,
          checks(
            'professions',
            professions.map((p) => ({ value: p, label: t(`daycare.professions.${p}`) })),
          ),
        )}
        <Field label={t('daycare.activity.staff')} error={errors.staff?.message} className="span-2">
          {(c) => <input {...c} {...register('staff')} autoComplete="off" />}
        </Field>
        <Field label={t('daycare.activity.notes')} error={errors.notes?.message} className="span-2">
          {(c) => <textarea {...c} rows={4} {...register('notes')} />}
        </Field>
        {hints.length > 0 ? (
          <p className="alert span-2" role="alert">
            {t('daycare.activity.personalDataWarning', { matches: hints.map((h) => h.match).join(', ') })}
          </p>
        ) : null}
      </fieldset>
      <FormActions errors={errors} status={status} submitting={formState.isSubmitting} onCancel={onCancel} />
    </form>
  );
}
