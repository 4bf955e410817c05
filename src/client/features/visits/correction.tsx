/**
 * Corrections of a section of a signed visit: the section stays read-only until the nurse chooses
 * "Ret afsnittet"; she then edits a copy and signs it with a reason. The correction is a new record
 * pointing to the original (shared amendObservation); the original is never changed and stays in
 * the visit's history and the print summary. Who corrected, when and why is listed under the section.
 */

import { useState } from 'react';
import { type Signer, type Stored, signedTimeOf } from '../../../shared/journal/signature.ts';
import {
  amendObservation,
  type Observation,
  type ObservationValuesInput,
  observationSchema,
} from '../../../shared/visits/observation.ts';
import { writer } from '../../db/write-store.ts';
import { useSaveAttempt } from '../../forms/save-attempt.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { askBeforeSigning } from '../../sync/lock-state.ts';
import { formatWhen } from '../../ui/dates.ts';

/** What a section of a signed visit knows of its record and its corrections. */
export type SectionHistory = { original: Stored<Observation>; amendments: Stored<Observation>[] };

type Saved = { ok: true } | { ok: false; errors: Record<string, string> };

/** Saves a correction of a section; on invalid values returns the errors by field path (after `values.`). */
async function saveCorrection(
  history: SectionHistory,
  values: ObservationValuesInput,
  reason: string,
  signer: Signer,
): Promise<Saved> {
  const data = amendObservation(
    { status: 'underskrevet' },
    history.original,
    values,
    reason.trim(),
    signer,
    new Date(),
  );
  const parsed = observationSchema.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      errors: Object.fromEntries(
        parsed.error.issues.map((i) => [
          i.path[0] === 'values' ? i.path.slice(1).join('.') : String(i.path[0]),
          i.message,
        ]),
      ),
    };
  }
  await writer.create('observation', parsed.data);
  return { ok: true };
}

/**
 * The correction flow of a section form: `amending` enables its inputs; signing saves the current
 * values as a correction (invalid ones go to `onInvalid`), cancelling restores the saved values;
 * either way the section's draft is discarded. `bar` is what CorrectionBar needs.
 */
export function useCorrection(options: {
  history: SectionHistory | undefined;
  signer: Signer;
  values: () => ObservationValuesInput;
  discard: () => Promise<void>;
  onInvalid: (errors: Record<string, string>) => void;
  onSaved: () => void;
  reset: () => void;
}) {
  const [amending, setAmending] = useState(false);
  const { history, signer, values, discard, onInvalid, onSaved, reset } = options;
  const onSign = async (reason: string) => {
    if (!history) return;
    if (!(await askBeforeSigning())) return;
    const result = await saveCorrection(history, values(), reason, signer);
    if (!result.ok) {
      onInvalid(result.errors);
      return;
    }
    setAmending(false);
    await discard();
    onSaved();
  };
  const onAmending = (on: boolean) => {
    setAmending(on);
    if (!on) {
      reset();
      void discard();
    }
  };
  return { amending, bar: { history, amending, onAmending, onSign } };
}

/**
 * Under a section of a signed visit: its corrections, and the controls to make one. While
 * `amending`, the section's inputs are enabled and `onSign(reason)` saves the correction.
 */
export function CorrectionBar(props: {
  id: string;
  history: SectionHistory | undefined;
  amending: boolean;
  onAmending: (amending: boolean) => void;
  onSign: (reason: string) => Promise<void>;
  reasonError?: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const [reason, setReason] = useState('');
  const { attempt, message: saveFailure } = useSaveAttempt();
  if (!props.history) return null;
  return (
    <div className="correction">
      {props.history.amendments.length > 0 ? (
        <ul className="correction__list">
          {props.history.amendments.map((a) => (
            <li key={a.id}>
              {t('visits.correctedBy', {
                who: a.data.signedBy,
                when: formatWhen(signedTimeOf(a.data), i18n.language),
                reason: a.data.amendmentReason,
              })}
            </li>
          ))}
          <li className="muted">{t('visits.originalInSummary')}</li>
        </ul>
      ) : null}
      {props.amending ? (
        <div className="correction__form">
          <div className={`field${props.reasonError ? ' field--invalid' : ''}`}>
            <label className="field__label" htmlFor={`${props.id}-reason`}>
              {t('visits.amendReason')}
            </label>
            <input id={`${props.id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} />
            {props.reasonError ? <p className="field__error">{props.reasonError}</p> : null}
          </div>
          <div className="inline-form__actions">
            <button type="button" className="button" onClick={() => props.onAmending(false)}>
              {t('common.cancel')}
            </button>
            <button type="button" className="button button--primary" onClick={attempt(() => props.onSign(reason))}>
              {t('visits.signCorrection')}
            </button>
          </div>
          {saveFailure}
        </div>
      ) : (
        <div className="inline-form__actions">
          <button type="button" className="button" onClick={() => props.onAmending(true)}>
            {t('visits.correctSection')}
          </button>
        </div>
      )}
    </div>
  );
}
