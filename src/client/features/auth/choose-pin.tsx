/**
 * "Vælg en pinkode": shown after she opened the store with her password and has no PIN (her first
 * login on this tablet, after 5 wrong PINs, after a password reset). The PIN wraps her data key;
 * obvious PINs are refused inline (shared/auth/pin-rules.ts). Nothing personal is shown here.
 */
import { useId, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation.ts';
import { type ChoosePinOutcome, choosePin } from '../../sync/login.ts';
import { PinField } from './pin-field.tsx';

const messages = {
  format: 'auth.pinFormat',
  obvious: 'auth.pinObvious',
  mismatch: 'auth.pinMismatch',
  locked: 'auth.pinLocked',
} as const;

export function ChoosePin() {
  const { t } = useTranslation();
  const id = useId();
  const [pin, setPin] = useState('');
  const [repeated, setRepeated] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Exclude<ChoosePinOutcome, 'ok'> | null>(null);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const outcome = await choosePin(pin, repeated);
    setBusy(false);
    if (outcome !== 'ok') {
      setProblem(outcome);
      if (outcome !== 'mismatch') setPin('');
      setRepeated('');
    }
  };

  const error = problem ? t(messages[problem]) : null;
  return (
    <main id="main" className="login-screen">
      <div className="login-card">
        <h1>{t('auth.choosePinTitle')}</h1>
        <form className="login" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
          <p id={`${id}-title`} className="muted">
            {t('auth.choosePinIntro')}
          </p>
          <PinField
            id={`${id}-pin`}
            label={t('auth.newPin')}
            value={pin}
            onChange={setPin}
            invalid={problem !== null && problem !== 'mismatch'}
            describedBy={error ? `${id}-error` : undefined}
            autoFocus
          />
          <PinField
            id={`${id}-repeat`}
            label={t('auth.repeatPin')}
            value={repeated}
            onChange={setRepeated}
            invalid={problem === 'mismatch'}
            describedBy={error ? `${id}-error` : undefined}
          />
          <p id={`${id}-error`} role="alert" className="error-text">
            {error}
          </p>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('auth.savingPin') : t('auth.savePin')}
          </button>
        </form>
      </div>
    </main>
  );
}
