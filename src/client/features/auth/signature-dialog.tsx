/**
 * "Bekræft din underskrift": when a visit, a journal note or a correction is signed and the last
 * unlock is older than the team's setting, the signature waits for her PIN (or her password, when
 * she has no usable PIN), so a signature is her own act and not that of whoever holds the tablet.
 * A modal dialog over the form (which keeps what was typed); cancelling leaves it unsigned.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { type DeviceUser, deviceUser } from '../../db/device-users.ts';
import { currentStore, hasCurrentStore } from '../../db/store.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { confirmWithPassword, confirmWithPin, pinUsable } from '../../sync/login.ts';
import { PinField } from './pin-field.tsx';

export function SignatureDialog({ name, onDone }: { name: string; onDone: (confirmed: boolean) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [entry, setEntry] = useState<DeviceUser | null | undefined>(undefined);
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    dialog.current?.showModal();
    if (hasCurrentStore())
      void deviceUser(currentStore().userId).then(
        (found) => setEntry(found ?? null),
        () => setEntry(null),
      );
  }, []);

  const pinMode = entry ? pinUsable(entry) : false;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    if (pinMode) {
      const outcome = await confirmWithPin(secret);
      setBusy(false);
      setSecret('');
      if (outcome.outcome === 'ok') return onDone(true);
      if (outcome.outcome === 'wrong') return setMessage(t('auth.pinWrong', { count: outcome.left }));
      return onDone(false);
    }
    const outcome = await confirmWithPassword(secret);
    setBusy(false);
    setSecret('');
    if (outcome === 'ok') return onDone(true);
    if (outcome === 'wrong') return setMessage(t('signature.wrongPassword'));
    return onDone(false);
  };

  return (
    <dialog
      ref={dialog}
      className="signature-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-intro`}
      onCancel={(e) => {
        e.preventDefault();
        onDone(false);
      }}
    >
      <form className="login" onSubmit={submit}>
        <h2 id={`${id}-title`}>{t('signature.title')}</h2>
        <p id={`${id}-intro`}>{t(pinMode ? 'signature.introPin' : 'signature.introPassword', { name })}</p>
        {entry === undefined ? null : pinMode ? (
          <PinField id={`${id}-pin`} label={t('auth.pin')} value={secret} onChange={setSecret} autoFocus />
        ) : (
          <div className="field">
            <label className="field__label" htmlFor={`${id}-password`}>
              {t('auth.password')}
            </label>
            <input
              id={`${id}-password`}
              type="password"
              value={secret}
              onChange={(e) => setSecret(e.target.value)}
              autoComplete="current-password"
              required
            />
          </div>
        )}
        <p role="alert" className="error-text">
          {message}
        </p>
        <div className="signature-dialog__actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={busy || (pinMode ? secret.length !== 6 : !secret)}
          >
            {t('signature.confirm')}
          </button>
          <button type="button" className="button" onClick={() => onDone(false)}>
            {t('signature.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
