/** Enrol a caregiver from the caseload (with focus child) after checking the COS-P consent. */
import { useState } from 'react';
import { useSaveAttempt } from '../../forms/save-attempt.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { type EnrolOutcome, enrol } from './cosp-actions.ts';

export type EnrolFamily = {
  id: string;
  name: string;
  caregivers: { id: string; name: string }[];
  children: { id: string; name: string }[];
};

export function EnrolPanel({ courseId, families }: { courseId: string; families: EnrolFamily[] }) {
  const { t } = useTranslation();
  const { attempt, message: saveFailure } = useSaveAttempt();
  const [familyId, setFamilyId] = useState('');
  const [caregiverId, setCaregiverId] = useState('');
  const [focusChildId, setFocusChildId] = useState('');
  const [result, setResult] = useState<EnrolOutcome | null>(null);
  const family = families.find((f) => f.id === familyId);

  const submit = async () => {
    const submitted = caregiverId;
    setResult(await enrol(courseId, { familyId, caregiverId, focusChildId }));
    // Cleared for the next one, unless the next one was already chosen while this was saved.
    setCaregiverId((current) => (current === submitted ? '' : current));
  };
  const reasons = {
    'consent-missing': t('cosp.enroll.consentMissing'),
    'consent-withdrawn': t('cosp.enroll.consentWithdrawn'),
    'consent-expired': t('cosp.enroll.consentExpired'),
    already: t('cosp.enroll.already'),
  };

  return (
    <fieldset className="inline-form">
      <legend>{t('cosp.enroll.title')}</legend>
      <div className="enrol-grid">
        <label className="field">
          <span className="field__label">{t('cosp.enroll.family')}</span>
          <select
            value={familyId}
            onChange={(e) => {
              setFamilyId(e.target.value);
              setCaregiverId('');
              setFocusChildId('');
              setResult(null);
            }}
          >
            <option value="">{t('cosp.enroll.none')}</option>
            {families.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('cosp.enroll.caregiver')}</span>
          <select value={caregiverId} onChange={(e) => setCaregiverId(e.target.value)} disabled={!family}>
            <option value="">{t('cosp.enroll.none')}</option>
            {family?.caregivers.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('cosp.enroll.focusChild')}</span>
          <select value={focusChildId} onChange={(e) => setFocusChildId(e.target.value)} disabled={!family}>
            <option value="">{t('cosp.enroll.none')}</option>
            {family?.children.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p role="alert" className="error-text">
        {result && !result.ok ? reasons[result.reason] : null}
      </p>
      <div className="inline-form__actions">
        <button type="button" className="button button--primary" disabled={!caregiverId} onClick={attempt(submit)}>
          {t('cosp.enroll.submit')}
        </button>
      </div>
      {saveFailure}
    </fieldset>
  );
}
