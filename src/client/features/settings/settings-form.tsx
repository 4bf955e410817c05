/**
 * The municipality's settings: the visit programme (names, target ages, windows, which visits are
 * the extra 1½- and 3-year visits), EPDS cut-offs per parent role, the ADBB cut-off and the COS-P
 * completion threshold, the cooperation with daycare (when a handover is due, CPR in its letter),
 * and when the tablets lock and signing asks for the PIN again. Leaders and admins edit; nurses see
 * them read-only (the server enforces it).
 */

import { type MunicipalitySettings, settingsSchema } from '../../../shared/caseload/settings.ts';
import { FormActions } from '../../forms/form-chrome.tsx';
import { useRecordForm } from '../../forms/use-record-form.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { Field } from '../../ui/field.tsx';

type Props = { id: string | null; initial: MunicipalitySettings; canEdit: boolean; onSaved: () => void };

const num = { valueAsNumber: true } as const;

export function SettingsForm({ id, initial, canEdit, onSaved }: Props) {
  const { t } = useTranslation();
  const { form, submit, status } = useRecordForm(settingsSchema, {
    kind: 'settings',
    ...(id ? { id } : {}),
    defaultValues: initial,
    onSaved,
  });
  const { register, formState } = form;
  const { errors } = formState;
  const roles = ['mor', 'far', 'medmor', 'anden'] as const;

  return (
    <form className="form" onSubmit={submit} noValidate>
      {canEdit ? null : <p className="notice">{t('caseload.settings.readOnly')}</p>}
      <fieldset className="form__section form__section--wide" disabled={!canEdit}>
        <legend>{t('caseload.settings.schedule')}</legend>
        <table className="table span-2">
          <thead>
            <tr>
              <th scope="col">{t('caseload.settings.label')}</th>
              <th scope="col">{t('caseload.settings.targetAge')}</th>
              <th scope="col">{t('caseload.settings.windowFrom')}</th>
              <th scope="col">{t('caseload.settings.windowTo')}</th>
              <th scope="col">{t('caseload.settings.extraVisit')}</th>
            </tr>
          </thead>
          <tbody>
            {initial.schedule.map((entry, i) => (
              <tr key={entry.key}>
                <td>
                  <input
                    aria-label={`${t('caseload.settings.label')}: ${entry.label}`}
                    {...register(`schedule.${i}.label`)}
                  />
                </td>
                {entry.unit === 'dage' ? (
                  <>
                    <td>
                      <input
                        className="input--num"
                        inputMode="numeric"
                        aria-label={`${entry.label}: ${t('caseload.settings.targetAge')} (${t('caseload.settings.days')})`}
                        {...register(`schedule.${i}.targetAgeDays`, num)}
                      />{' '}
                      {t('caseload.settings.days')}
                    </td>
                    <td>
                      −
                      <input
                        className="input--num"
                        inputMode="numeric"
                        aria-label={`${entry.label}: ${t('caseload.settings.windowFrom')} (${t('caseload.settings.days')})`}
                        {...register(`schedule.${i}.windowBeforeDays`, num)}
                      />
                    </td>
                    <td>
                      +
                      <input
                        className="input--num"
                        inputMode="numeric"
                        aria-label={`${entry.label}: ${t('caseload.settings.windowTo')} (${t('caseload.settings.days')})`}
                        {...register(`schedule.${i}.windowAfterDays`, num)}
                      />
                    </td>
                  </>
                ) : (
                  <>
                    <td>
                      <input
                        className="input--num"
                        inputMode="numeric"
                        aria-label={`${entry.label}: ${t('caseload.settings.targetAge')} (${t('caseload.settings.months')})`}
                        {...register(`schedule.${i}.targetAgeMonths`, num)}
                      />{' '}
                      {t('caseload.settings.months')}
                    </td>
                    <td>
                      <input
                        className="input--num"
                        inputMode="numeric"
                        aria-label={`${entry.label}: ${t('caseload.settings.windowFrom')} (${t('caseload.settings.months')})`}
                        {...register(`schedule.${i}.windowFromMonths`, num)}
                      />
                    </td>
                    <td>
                      <input
                        className="input--num"
                        inputMode="numeric"
                        aria-label={`${entry.label}: ${t('caseload.settings.windowTo')} (${t('caseload.settings.months')})`}
                        {...register(`schedule.${i}.windowToMonths`, num)}
                      />
                    </td>
                  </>
                )}
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${entry.label}: ${t('caseload.settings.extraVisit')}`}
                    {...register(`schedule.${i}.extraVisit`)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
      <fieldset className="form__section" disabled={!canEdit}>
        <legend>{t('caseload.settings.epds')}</legend>
        {roles.map((role) => (
          <Field key={role} label={t(`caseload.settings.roles.${role}`)} error={errors.epdsCutoffs?.[role]?.message}>
            {(c) => <input {...c} inputMode="numeric" {...register(`epdsCutoffs.${role}`, num)} />}
          </Field>
        ))}
        <Field label={t('caseload.settings.adbbCutoff')} error={errors.adbbCutoff?.message}>
          {(c) => <input {...c} inputMode="numeric" {...register('adbbCutoff', num)} />}
        </Field>
        <Field label={t('caseload.settings.retentionYears')} error={errors.retentionYears?.message}>
          {(c) => <input {...c} inputMode="numeric" {...register('retentionYears', num)} />}
        </Field>
      </fieldset>
      <fieldset className="form__section" disabled={!canEdit}>
        <legend>{t('caseload.settings.cosp')}</legend>
        <Field label={t('caseload.settings.cospChapters')} error={errors.cospCompletion?.attendedChapters?.message}>
          {(c) => <input {...c} inputMode="numeric" {...register('cospCompletion.attendedChapters', num)} />}
        </Field>
        <Field label={t('caseload.settings.cospTotal')} error={errors.cospCompletion?.totalChapters?.message}>
          {(c) => <input {...c} inputMode="numeric" {...register('cospCompletion.totalChapters', num)} />}
        </Field>
      </fieldset>
      <fieldset className="form__section" disabled={!canEdit}>
        <legend>{t('caseload.settings.daycare')}</legend>
        <Field label={t('caseload.settings.handoverWeeksBefore')} error={errors.daycare?.handoverWeeksBefore?.message}>
          {(c) => <input {...c} inputMode="numeric" {...register('daycare.handoverWeeksBefore', num)} />}
        </Field>
        <label className="checkbox span-2">
          <input type="checkbox" {...register('daycare.letterShowsCpr')} aria-describedby="settings-cpr-hint" />
          {t('caseload.settings.letterShowsCpr')}
        </label>
        <p id="settings-cpr-hint" className="field__hint span-2">
          {t('caseload.settings.letterShowsCprHint')}
        </p>
      </fieldset>
      <fieldset className="form__section" disabled={!canEdit}>
        <legend>{t('caseload.settings.lock')}</legend>
        {(
          ['idleMinutes', 'hiddenGraceSeconds', 'signAgainMinutes', 'maxPasswordAttempts', 'wipeAfterDays'] as const
        ).map((name) => (
          <Field key={name} label={t(`caseload.settings.${name}`)} error={errors.lock?.[name]?.message}>
            {(c) => <input {...c} inputMode="numeric" {...register(`lock.${name}`, num)} />}
          </Field>
        ))}
        <p className="muted">{t('caseload.settings.wipeAfterDaysHint')}</p>
      </fieldset>
      {canEdit ? (
        <FormActions
          errors={errors}
          status={status}
          submitting={formState.isSubmitting}
          onCancel={() => form.reset()}
        />
      ) : null}
    </form>
  );
}
