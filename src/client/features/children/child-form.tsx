/**
 * Create or edit a child: identity, birth data and childcare (its kind, the institution of the
 * team's register and the start date: a handover is due before it). Numbers accept a Danish
 * decimal comma; an empty number field means "not recorded".
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'wouter';
import { localToday } from '../../../shared/domain/age.ts';
import { type Child, childcareTypes, childEntrySchema, sexes } from '../../../shared/schemas/child.ts';
import { reveal } from '../../forms/focus-problem.ts';
import { FormActions } from '../../forms/form-chrome.tsx';
import { useRecordForm } from '../../forms/use-record-form.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { Field, formatLocaleNumber, parseLocaleNumber } from '../../ui/field.tsx';

export type PossibleDuplicate = { id: string; name: string; href: string; reason: 'cpr' | 'name-and-birthdate' };

type Props = {
  familyId: string;
  id?: string;
  initial?: Child;
  onSaved: (id: string) => void;
  onCancel: () => void;
  /** For a new child: children in the team that may be the same child (CPR, or name and birth date). */
  findDuplicates?: (child: Child) => Promise<PossibleDuplicate[]>;
  /** The team's institutions a child may be linked to. */
  institutions?: { id: string; name: string; kind: 'dagpleje' | 'daginstitution' }[];
};

const numberFields = [
  'gestationalAgeWeeks',
  'gestationalAgeDays',
  'birthWeightGrams',
  'birthLengthCm',
  'birthHeadCircumferenceCm',
] as const;

export function ChildForm({ familyId, id, initial, onSaved, onCancel, findDuplicates, institutions = [] }: Props) {
  const { t, i18n } = useTranslation();
  const start = initial ?? {
    familyId,
    firstName: '',
    lastName: '',
    cpr: '',
    sex: undefined,
    birthDate: '',
    gestationalAgeWeeks: null,
    gestationalAgeDays: null,
    birthWeightGrams: null,
    birthLengthCm: null,
    birthHeadCircumferenceCm: null,
    childcareType: 'ingen',
    childcarePlace: '',
    institutionId: '',
    childcareStart: '',
  };
  // Number inputs hold text (Danish comma); setValueAs turns it into a number or null.
  const defaultValues = {
    ...start,
    ...Object.fromEntries(numberFields.map((f) => [f, formatLocaleNumber(start[f], i18n.language)])),
  } as never;
  const [duplicates, setDuplicates] = useState<PossibleDuplicate[]>([]);
  // A ref, not state: the resubmit after "Opret alligevel" must see it at once.
  const confirmed = useRef(false);
  // What may be typed today: no birth date in the future or from before the programme.
  const schema = useMemo(() => childEntrySchema(localToday(), initial?.birthDate), [initial?.birthDate]);
  const { form, submit, status } = useRecordForm(schema, {
    kind: 'child',
    ...(id ? { id } : {}),
    defaultValues,
    onSaved,
    beforeSave: async (values) => {
      if (id || confirmed.current || !findDuplicates) return true;
      const found = await findDuplicates(values as Child);
      setDuplicates(found);
      return found.length === 0;
    },
  });
  const { register, formState } = form;
  // The warning appears below the fields: take the nurse to it, clear of the sticky save bar.
  const warning = useRef<HTMLElement>(null);
  useEffect(() => {
    if (duplicates.length > 0) reveal(warning.current);
  }, [duplicates]);
  const { errors } = formState;
  const numberInput = (name: (typeof numberFields)[number]) => register(name, { setValueAs: parseLocaleNumber });

  return (
    <form className="form" onSubmit={submit} noValidate>
      <fieldset className="form__section">
        <legend>{t('child.identity')}</legend>
        <Field label={t('child.firstName')} error={errors.firstName?.message} required>
          {(c) => <input {...c} {...register('firstName')} autoComplete="off" />}
        </Field>
        <Field label={t('child.lastName')} error={errors.lastName?.message}>
          {(c) => <input {...c} {...register('lastName')} autoComplete="off" />}
        </Field>
        <Field label={t('child.birthDate')} error={errors.birthDate?.message} required>
          {(c) => <input type="date" {...c} {...register('birthDate')} max={localToday()} />}
        </Field>
        <Field label={t('child.cpr')} hint={t('child.cprHint')} error={errors.cpr?.message}>
          {(c) => <input {...c} {...register('cpr')} inputMode="numeric" autoComplete="off" maxLength={11} />}
        </Field>
        <fieldset className="field radio-group" aria-invalid={Boolean(errors.sex)}>
          <legend className="field__label">
            {t('child.sex')} <span className="field__required">({t('common.required')})</span>
          </legend>
          <div className="radio-group__options">
            {sexes.map((sex) => (
              <label key={sex} className="radio">
                <input type="radio" value={sex} {...register('sex')} />
                {t(`child.sexes.${sex}`)}
              </label>
            ))}
          </div>
          {errors.sex ? <p className="field__error">{t('validation.invalidChoice')}</p> : null}
        </fieldset>
      </fieldset>

      <fieldset className="form__section">
        <legend>{t('child.birth')}</legend>
        <fieldset className="field-group" aria-describedby="gestational-age-hint">
          <legend>{t('child.gestationalAge')}</legend>
          <p id="gestational-age-hint" className="field__hint">
            {t('child.gestationalAgeHint')}
          </p>
          <div className="field-group__fields">
            <Field label={t('child.gestationalAgeWeeks')} error={errors.gestationalAgeWeeks?.message}>
              {(c) => <input {...c} {...numberInput('gestationalAgeWeeks')} inputMode="numeric" />}
            </Field>
            <Field label={t('child.gestationalAgeDays')} error={errors.gestationalAgeDays?.message}>
              {(c) => <input {...c} {...numberInput('gestationalAgeDays')} inputMode="numeric" />}
            </Field>
          </div>
        </fieldset>
        <Field label={t('child.birthWeightGrams')} error={errors.birthWeightGrams?.message}>
          {(c) => <input {...c} {...numberInput('birthWeightGrams')} inputMode="numeric" />}
        </Field>
        <Field label={t('child.birthLengthCm')} error={errors.birthLengthCm?.message}>
          {(c) => <input {...c} {...numberInput('birthLengthCm')} inputMode="decimal" />}
        </Field>
        <Field label={t('child.birthHeadCircumferenceCm')} error={errors.birthHeadCircumferenceCm?.message}>
          {(c) => <input {...c} {...numberInput('birthHeadCircumferenceCm')} inputMode="decimal" />}
        </Field>
      </fieldset>

      <fieldset className="form__section">
        <legend>{t('child.childcare')}</legend>
        <Field label={t('child.childcareType')} error={errors.childcareType?.message}>
          {(c) => (
            <select {...c} {...register('childcareType')}>
              {childcareTypes.map((type) => (
                <option key={type} value={type}>
                  {t(`child.childcareTypes.${type}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('child.childcarePlace')} error={errors.childcarePlace?.message}>
          {(c) => <input {...c} {...register('childcarePlace')} autoComplete="off" />}
        </Field>
        <Field label={t('daycare.childcare.institution')} error={errors.institutionId?.message}>
          {(c) => (
            <select
              {...c}
              {...register('institutionId', {
                // Linking fills in the place (and a childminder's kind) when they were not given.
                onChange: (e: { target: { value: string } }) => {
                  const chosen = institutions.find((i) => i.id === e.target.value);
                  if (!chosen) return;
                  if (form.getValues('childcarePlace') === '') form.setValue('childcarePlace', chosen.name);
                  if (form.getValues('childcareType') === 'ingen' && chosen.kind === 'dagpleje')
                    form.setValue('childcareType', 'dagpleje');
                },
              })}
            >
              <option value="">{t('daycare.childcare.none')}</option>
              {institutions.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label={t('daycare.childcare.start')}
          hint={t('daycare.childcare.startHint')}
          error={errors.childcareStart?.message}
        >
          {(c) => <input {...c} type="date" {...register('childcareStart')} />}
        </Field>
      </fieldset>
      {duplicates.length > 0 ? (
        <section className="notice" role="alert" aria-labelledby="duplicate-heading" ref={warning} tabIndex={-1}>
          <h2 id="duplicate-heading">{t('caseload.duplicate.title')}</h2>
          <ul>
            {duplicates.map((d) => (
              <li key={d.id}>
                {d.reason === 'cpr' ? t('caseload.duplicate.cpr') : t('caseload.duplicate.nameAndBirthdate')}{' '}
                <Link href={d.href}>{d.name}</Link>
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="button"
            onClick={() => {
              confirmed.current = true;
              setDuplicates([]);
              void submit();
            }}
          >
            {t('caseload.duplicate.createAnyway')}
          </button>
        </section>
      ) : null}
      <FormActions errors={errors} status={status} submitting={formState.isSubmitting} onCancel={onCancel} />
    </form>
  );
}
