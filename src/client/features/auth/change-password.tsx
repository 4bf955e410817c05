/**
 * "Skift adgangskode", shown after login when an admin has reset the password: nothing else works
 * on the server (403 password_change_required) until the user has chosen a new one. Online only;
 * the server checks the new password against its policy and returns a reason code. Afterwards the
 * tablet's key is wrapped for the new password.
 */
import { useId, useState } from 'react';
import * as z from 'zod/mini';
import { useTranslation } from '../../i18n/use-translation.ts';
import { requestJson } from '../../sync/http.ts';
import { rewrapAfterPasswordChange } from '../../sync/login.ts';
import { getSession } from '../../sync/session.ts';

export function ChangePasswordForm({ token, onChanged }: { token: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (next !== repeat) {
      setError(t('changePassword.mismatch'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await requestJson(
        async (input, init) => {
          const response = await fetch(input, init);
          // 204 has no body: answer {} so the shared helper can parse it.
          return response.status === 204 ? new Response('{}', { status: 200 }) : response;
        },
        '/api/auth/change-password',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ currentPassword: current, newPassword: next }),
        },
        z.object({}),
      );
      // The tablet's key is wrapped again for the new password, so it also opens offline.
      const session = await getSession();
      if (session) await rewrapAfterPasswordChange(session.user.id, current, next);
      onChanged();
    } catch (e) {
      const err = e as { kind?: string; code?: string };
      setError(
        err.kind === 'network'
          ? t('changePassword.offline')
          : err.code === 'weak_password'
            ? t('changePassword.weak')
            : err.code === 'invalid_credentials'
              ? t('changePassword.wrongCurrent')
              : t('changePassword.error'),
      );
    } finally {
      setBusy(false);
    }
  };

  const input = (key: 'current' | 'new' | 'repeat', value: string, set: (v: string) => void, autoComplete: string) => (
    <div className="field">
      <label className="field__label" htmlFor={`${id}-${key}`}>
        {t(`changePassword.${key}`)}
      </label>
      <input
        id={`${id}-${key}`}
        type="password"
        value={value}
        onChange={(e) => set(e.target.value)}
        autoComplete={autoComplete}
        required
      />
    </div>
  );

  return (
    <form className="login" onSubmit={submit}>
      <p className="muted">{t('changePassword.intro')}</p>
      {input('current', current, setCurrent, 'current-password')}
      {input('new', next, setNext, 'new-password')}
      {input('repeat', repeat, setRepeat, 'new-password')}
      <p className="muted">{t('changePassword.hint')}</p>
      <p role="alert" className="error-text">
        {error}
      </p>
      <button type="submit" className="button button--primary" disabled={busy || !current || !next || !repeat}>
        {busy ? t('changePassword.saving') : t('changePassword.submit')}
      </button>
    </form>
  );
}
