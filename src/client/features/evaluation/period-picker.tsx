/**
 * The period and scope of the overview: a quarter from the presets (the current one and the four
 * before it) or a custom range, and the whole team or one nurse. An invalid custom range keeps the
 * last valid period and says why inline.
 */
import { useId, useState } from 'react';
import { type Period, recentQuarters, validPeriod } from '../../../shared/evaluation/period.ts';
import { useEvalT } from './labels.ts';

type Props = {
  today: string;
  period: Period;
  onPeriod: (period: Period) => void;
  nurses: string[];
  nurse: string | undefined;
  onNurse: (nurse: string | undefined) => void;
};

const TEAM = '__team__';

export function PeriodPicker({ today, period, onPeriod, nurses, nurse, onNurse }: Props) {
  const { t } = useEvalT();
  const id = useId();
  const quarters = recentQuarters(today);
  const preset = quarters.find((q) => q.from === period.from && q.to === period.to);
  const [custom, setCustom] = useState(!preset);
  const [draft, setDraft] = useState(period);
  const invalid = custom && !validPeriod(draft);
  const setEnd = (end: 'from' | 'to', value: string) => {
    const next = { ...draft, [end]: value };
    setDraft(next);
    if (validPeriod(next)) onPeriod(next);
  };
  return (
    <fieldset className="eval-picker no-print">
      <legend className="visually-hidden">{t('evaluation.period.legend')}</legend>
      <label className="field field--inline">
        <span className="field__label">{t('evaluation.period.preset')}</span>
        <select
          value={custom ? 'custom' : (preset?.from ?? 'custom')}
          onChange={(e) => {
            const q = quarters.find((x) => x.from === e.target.value);
            setCustom(!q);
            if (q) {
              setDraft(q);
              onPeriod({ from: q.from, to: q.to });
            }
          }}
        >
          {quarters.map((q) => (
            <option key={q.from} value={q.from}>
              {t('evaluation.period.quarter', { quarter: String(q.quarter), year: String(q.year) })}
            </option>
          ))}
          <option value="custom">{t('evaluation.period.custom')}</option>
        </select>
      </label>
      {custom ? (
        <>
          <label className="field field--inline">
            <span className="field__label">{t('evaluation.period.from')}</span>
            <input
              type="date"
              value={draft.from}
              aria-invalid={invalid}
              aria-describedby={invalid ? `${id}-error` : undefined}
              onChange={(e) => setEnd('from', e.target.value)}
            />
          </label>
          <label className="field field--inline">
            <span className="field__label">{t('evaluation.period.to')}</span>
            <input
              type="date"
              value={draft.to}
              aria-invalid={invalid}
              aria-describedby={invalid ? `${id}-error` : undefined}
              onChange={(e) => setEnd('to', e.target.value)}
            />
          </label>
        </>
      ) : null}
      <label className="field field--inline">
        <span className="field__label">{t('evaluation.scope.label')}</span>
        <select value={nurse ?? TEAM} onChange={(e) => onNurse(e.target.value === TEAM ? undefined : e.target.value)}>
          <option value={TEAM}>{t('evaluation.scope.team')}</option>
          {nurses.map((n) => (
            <option key={n} value={n}>
              {n === '' ? t('evaluation.scope.none') : n}
            </option>
          ))}
        </select>
      </label>
      {invalid ? (
        <p id={`${id}-error`} className="field__error" role="alert">
          {t('evaluation.period.invalid')}
        </p>
      ) : null}
    </fieldset>
  );
}
