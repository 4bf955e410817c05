/**
 * The save buttons of a visit's sections, the instruments and the handover flow write to the local
 * store outside a react-hook-form submit. A write that fails there (storage full, the store locked
 * in another tab) must say so, as the record forms' FormActions do, instead of being an unhandled
 * rejection the nurse never sees: the typed values and their draft stay, and she can try again.
 */
import { type ReactNode, useState } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';

/** Why a local write failed, for "Kunne ikke gemme: {reason}. …" (without a closing full stop of its own). */
export const failureReason = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).trim().replace(/\.$/, '');

export function useSaveAttempt(): { attempt: (action: () => Promise<unknown>) => () => void; message: ReactNode } {
  const { t } = useTranslation();
  const [failure, setFailure] = useState('');
  const attempt = (action: () => Promise<unknown>) => () => {
    setFailure('');
    action().catch((error: unknown) => setFailure(t('common.saveFailed', { reason: failureReason(error) })));
  };
  const message =
    failure === '' ? null : (
      <p className="field__error" role="alert">
        {failure}
      </p>
    );
  return { attempt, message };
}
