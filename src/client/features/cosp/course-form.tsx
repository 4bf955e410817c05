/** Create or edit a COS-P course (form, facilitators, venue, planned sessions, start, status). */

import { defaultChapterTitles } from '../../../shared/cosp/cosp-fields.ts';
import { type Course, courseForms, courseSchema, courseStatuses } from '../../../shared/cosp/course.ts';
import { FormActions } from '../../forms/form-chrome.tsx';
import { useRecordForm } from '../../forms/use-record-form.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { Field } from '../../ui/field.tsx';

type Props = { id?: string; initial: Course; onSaved: (id: string) => void; onCancel: () => void };

/** Facilitators are typed one per line. */
const lines = (value: unknown) =>
  Array.isArray(value)
    ? value
    : String(value ?? '')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);

/** Co-facilitators are typed one per line as "Name – role". */
const coFacilitators = (value: unknown) =>
  Array.isArray(value)
    ? value
    : String(value ?? '')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line) => {
          const [name = '', ...role] = line.split(/\s+[–-]\s+|,\s*/);
          return { name: name.trim(), role: role.join(' ').trim() || 'pædagog' };
        });

export function CourseForm({ id, initial, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const { form, submit, status } = useRecordForm(courseSchema, {
    kind: 'cospCourse',
    ...(id ? { id } : {}),
    defaultValues: {
      ...initial,
      facilitators: initial.facilitators.join('\n') as never,
      coFacilitators: initial.coFacilitators.map((c) => `${c.name} – ${c.role}`).join('\n') as never,
      chapterTitles: initial.chapterTitles.length === 8 ? initial.chapterTitles : [...defaultChapterTitles],
    },
    onSaved,
  });
  const { register, formState } = form;
  const { errors } = formState;
  return (
    <form className="form" onSubmit={submit} noValidate>
      <fieldset className="form__section">
        <legend>{t('cosp.title')}</legend>
        <Field label={t('cosp.course.title')} error={errors.title?.message} required className="span-2">
          {(c) => <input {...c} {...register('title')} autoComplete="off" />}
        </Field>
        <Field label={t('cosp.course.form')} error={errors.form?.message}>
          {(c) => (
            <select {...c} {...register('form')}>
              {courseForms.map((f) => (
                <option key={f} value={f}>
                  {t(`cosp.course.forms.${f}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('cosp.course.status')} error={errors.status?.message}>
          {(c) => (
            <select {...c} {...register('status')}>
              {courseStatuses.map((s) => (
                <option key={s} value={s}>
                  {t(`cosp.course.statuses.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('cosp.course.startDate')} error={errors.startDate?.message} required>
          {(c) => <input type="date" {...c} {...register('startDate')} />}
        </Field>
        <Field label={t('cosp.course.plannedSessions')} error={errors.plannedSessions?.message}>
          {(c) => <input {...c} inputMode="numeric" {...register('plannedSessions', { valueAsNumber: true })} />}
        </Field>
        <Field label={t('cosp.course.venue')} error={errors.venue?.message} className="span-2">
          {(c) => <input {...c} {...register('venue')} autoComplete="off" />}
        </Field>
        <Field
          label={t('cosp.course.facilitators')}
          hint={t('cosp.course.facilitatorsHint')}
          error={errors.facilitators?.message}
          className="span-2"
        >
          {(c) => <textarea {...c} rows={3} {...register('facilitators', { setValueAs: lines })} />}
        </Field>
        <Field
          label={t('cosp.course.coFacilitators')}
          hint={t('cosp.course.coFacilitatorsHint')}
          error={errors.coFacilitators?.message}
          className="span-2"
        >
          {(c) => <textarea {...c} rows={2} {...register('coFacilitators', { setValueAs: coFacilitators })} />}
        </Field>
      </fieldset>
      <fieldset className="form__section">
        <legend>{t('cosp.course.chapterTitles')}</legend>
        <p className="field__hint span-2">{t('cosp.course.chapterTitlesHint')}</p>
        {defaultChapterTitles.map((_, i) => (
          <Field
            // biome-ignore lint/suspicious/noArrayIndexKey: the eight chapters are fixed positions
            key={i}
            label={t('cosp.course.chapterNumber', { number: i + 1 })}
            error={errors.chapterTitles?.[i]?.message}
          >
            {(c) => <input {...c} {...register(`chapterTitles.${i}`)} autoComplete="off" />}
          </Field>
        ))}
      </fieldset>
      <FormActions errors={errors} status={status} submitting={formState.isSubmitting} onCancel={onCancel} />
    </form>
  );
}
