/** The bottom of every record form: the error summary and save/cancel buttons with a live save state. */
import type { FieldErrors } from 'react-hook-form';
import { useTranslation } from '../i18n/use-translation.ts';
import type { SaveStatus } from './use-record-form.ts';

type Props = { errors: FieldErrors; status: SaveStatus; submitting: boolean; onCancel: () => void };

export function FormActions({ errors, status, submitting, onCancel }: Props) {
  const { t } = useTranslation();
  const errorCount = Object.keys(errors).length;

  return (
    <div className="form-actions">
      <div className="form-actions__status" role="status" aria-live="polite">
        {errorCount > 0 ? <span className="error-text">{t('common.fixErrors', { count: errorCount })}</span> : null}
        {status.state === 'error' ? (
          <span className="error-text">{t('common.saveFailed', { reason: status.error ?? '' })}</span>
        ) : null}
        {submitting ? t('common.saving') : null}
      </div>
      <button type="button" className="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
      <button type="submit" className="button button--primary" disabled={submitting}>
        {t('common.save')}
      </button>
    </div>
  );
}
