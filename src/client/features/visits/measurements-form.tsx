/**
 * Measurements at the visit: weight in whole grams, length or height (lying or standing) and head
 * circumference in cm with one decimal (a decimal comma or point accepted), or the reason a value
 * was not collected. The percentile is computed against WHO 2006 as each value is typed (the
 * reference tables load on demand) with soft plausibility warnings; nothing computed is stored.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { type GrowthReferences, loadGrowthReferences } from '../../../shared/growth/reference.ts';
import type { Signer } from '../../../shared/journal/signature.ts';
import type { Child } from '../../../shared/schemas/child.ts';
import { notCollectedReasons } from '../../../shared/visits/common.ts';
import { observationDraftKey } from '../../../shared/visits/draft.ts';
import { type MeasurementSummary, measurementSummary } from '../../../shared/visits/measurement-summary.ts';
import { lengthPositions, type MeasurementsValues, observationSchema } from '../../../shared/visits/observation.ts';
import { writer } from '../../db/write-store.ts';
import { useFocusProblemAfterRender } from '../../forms/focus-problem.ts';
import { useSaveAttempt } from '../../forms/save-attempt.tsx';
import { useDraft, useKeepOnChange } from '../../forms/use-draft.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { formatLocaleNumber, formatNumber, parseLocaleNumber, useErrorText } from '../../ui/field.tsx';
import { CorrectionBar, type SectionHistory, useCorrection } from './correction.tsx';

type Props = {
  visit: { id: string; date: string; familyId: string; childId: string; editable: boolean };
  child: Child;
  /** The visit type requires measurements (or the reasons they were not taken) before signing. */
  required: boolean;
  saved: { id: string; values: MeasurementsValues } | null;
  /** The section's record and corrections, for correcting it after the visit is signed. */
  history: SectionHistory | undefined;
  signer: Signer;
  previous: (MeasurementsValues & { date: string }) | null;
};

type Text = { weight: string; length: string; head: string };

const empty: MeasurementsValues = {
  section: 'measurements',
  weightGrams: null,
  weightReason: '',
  lengthCm: null,
  lengthPosition: '',
  lengthReason: '',
  headCircumferenceCm: null,
  headReason: '',
};

/** What is typed, kept in a draft until saved: the numbers as text (a Danish comma) and the choices. */
type Typed = { text: Text; values: MeasurementsValues };

export function MeasurementsForm(props: Props) {
  const { i18n } = useTranslation();
  const start = props.saved?.values ?? empty;
  const typed: Typed = {
    text: {
      weight: formatLocaleNumber(start.weightGrams, i18n.language),
      length: formatLocaleNumber(start.lengthCm, i18n.language),
      head: formatLocaleNumber(start.headCircumferenceCm, i18n.language),
    },
    values: start,
  };
  const draft = useDraft(observationDraftKey(props.visit.id, 'measurements'), typed, props.visit);
  if (!draft.state) return null;
  return <Measurements {...props} initial={draft.state.values} keep={draft.keep} discard={draft.discard} />;
}

function Measurements({
  visit,
  child,
  required,
  saved,
  history,
  signer,
  previous,
  initial,
  keep,
  discard,
}: Props & { initial: Typed; keep: (typed: Record<string, unknown>) => void; discard: () => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const [text, setText] = useState<Text>(initial.text);
  const [values, setValues] = useState<MeasurementsValues>(initial.values);
  const typed = useMemo(() => ({ text, values }), [text, values]);
  useKeepOnChange(typed, keep);
  const [refs, setRefs] = useState<GrowthReferences | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState('');
  const sectionRef = useRef<HTMLElement>(null);
  const focusProblem = useFocusProblemAfterRender();
  const refuse = (found: Record<string, string>) => {
    setErrors(found);
    setStatus('');
    focusProblem(sectionRef.current);
  };

  useEffect(() => {
    void loadGrowthReferences().then(setRefs);
  }, []);

  const current: MeasurementsValues = {
    ...values,
    weightGrams: parseLocaleNumber(text.weight),
    lengthCm: parseLocaleNumber(text.length),
    headCircumferenceCm: parseLocaleNumber(text.head),
  };
  const summary: MeasurementSummary | null =
    refs &&
    [current.weightGrams, current.lengthCm, current.headCircumferenceCm].every((v) => v === null || Number.isFinite(v))
      ? measurementSummary(child, { ...current, date: visit.date }, refs, { previous })
      : null;

  const { attempt, message: saveFailure } = useSaveAttempt();
  const save = async () => {
    const data = {
      visitId: visit.id,
      childId: visit.childId,
      familyId: visit.familyId,
      values: current,
      amendsId: '',
      amendmentReason: '',
    };
    const parsed = observationSchema.safeParse(data);
    if (!parsed.success) {
      refuse(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path.at(-1)), i.message])));
      return;
    }
    setErrors({});
    if (saved) await writer.update('observation', saved.id, parsed.data);
    else await writer.create('observation', parsed.data);
    await discard();
    setStatus(t('visits.measurementsSaved'));
  };

  const correction = useCorrection({
    history,
    signer,
    values: () => current,
    discard,
    onInvalid: refuse,
    onSaved: () => {
      setErrors({});
      setStatus(t('visits.correctionSaved'));
    },
    reset: () => {
      setErrors({});
      const start = saved?.values ?? empty;
      setText({
        weight: formatLocaleNumber(start.weightGrams, i18n.language),
        length: formatLocaleNumber(start.lengthCm, i18n.language),
        head: formatLocaleNumber(start.headCircumferenceCm, i18n.language),
      });
      setValues(start);
    },
  });
  const editable = visit.editable || correction.amending;

  const measureRow = (
    key: 'weight' | 'length' | 'head',
    label: string,
    field: 'weightGrams' | 'lengthCm' | 'headCircumferenceCm',
    reasonField: 'weightReason' | 'lengthReason' | 'headReason',
  ) => {
    const m = summary?.[key];
    const error = errorText(errors[field]);
    return (
      <div className="measure">
        <div className={`field${error ? ' field--invalid' : ''}`}>
          <label className="field__label" htmlFor={`m-${key}`}>
            {label}
          </label>
          <input
            id={`m-${key}`}
            inputMode={key === 'weight' ? 'numeric' : 'decimal'}
            value={text[key]}
            disabled={!editable}
            aria-invalid={Boolean(error)}
            aria-describedby={error ? `m-${key}-error m-${key}-result` : `m-${key}-result`}
            onChange={(e) => setText((s) => ({ ...s, [key]: e.target.value }))}
          />
          {error ? (
            <p id={`m-${key}-error`} className="field__error">
              {error}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`m-${key}-reason`}>
            {t('visits.notMeasured')}
          </label>
          <select
            id={`m-${key}-reason`}
            value={values[reasonField]}
            disabled={!editable}
            onChange={(e) => setValues((v) => ({ ...v, [reasonField]: e.target.value }))}
          >
            {(['', ...notCollectedReasons] as const).map((r) => (
              <option key={r} value={r}>
                {r === '' ? t('visits.measured') : t(`visits.notCollected.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <p id={`m-${key}-result`} className="measure__result" aria-live="polite">
          {m?.percentile != null && m.z != null
            ? t('visits.percentile', {
                p: formatNumber(m.percentile, i18n.language, { maximumFractionDigits: 0 }),
                z: formatNumber(m.z, i18n.language, { maximumFractionDigits: 2, minimumFractionDigits: 2 }),
              })
            : null}
          {m?.warnings.map((w) => (
            <span key={w} className="measure__warning">
              {' '}
              {t(`visits.plausibility.${w}`)}
            </span>
          ))}
        </p>
      </div>
    );
  };

  return (
    <section className="card" id="section-measurements" aria-labelledby="measurements-heading" ref={sectionRef}>
      <h2 id="measurements-heading">
        {t('visits.measurements')}
        {required ? <span className="field__required"> ({t('common.required')})</span> : null}
      </h2>
      {summary?.age.useCorrected ? <p className="muted">{t('visits.correctedAge')}</p> : null}
      {measureRow('weight', t('visits.weightGrams'), 'weightGrams', 'weightReason')}
      {measureRow('length', t('visits.lengthCm'), 'lengthCm', 'lengthReason')}
      <div className="field field--inline">
        <label className="field__label" htmlFor="m-position">
          {t('visits.lengthPositionLabel')}
        </label>
        <select
          id="m-position"
          aria-invalid={Boolean(errors.lengthPosition)}
          value={values.lengthPosition}
          disabled={!editable}
          onChange={(e) =>
            setValues((v) => ({ ...v, lengthPosition: e.target.value as MeasurementsValues['lengthPosition'] }))
          }
        >
          {(['', ...lengthPositions] as const).map((p) => (
            <option key={p} value={p}>
              {p === '' ? t('visits.choose') : t(`visits.lengthPosition.${p}`)}
            </option>
          ))}
        </select>
        {errors.lengthPosition ? <span className="field__error">{errorText(errors.lengthPosition)}</span> : null}
      </div>
      {measureRow('head', t('visits.headCm'), 'headCircumferenceCm', 'headReason')}
      <div className="inline-form__actions">
        <span role="status" className="ok-text">
          {status}
        </span>
        {visit.editable ? (
          <button type="button" className="button button--primary" onClick={attempt(save)}>
            {t('visits.saveMeasurements')}
          </button>
        ) : null}
      </div>
      {saveFailure}
      {visit.editable ? null : (
        <CorrectionBar
          id="measurements-correction"
          {...correction.bar}
          reasonError={errorText(errors.amendmentReason)}
        />
      )}
    </section>
  );
}
