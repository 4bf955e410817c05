/**
 * Login: the nurse's own account. Used as the first screen on a new device and, keeping all local
 * work, when an expired login must be renewed before the next sync. On a server without accounts
 * it shows the command that creates the first one.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation.ts';
import { type LoginOutcome, login } from '../../sync/login.ts';

type Setup = { hasUsers: boolean; createUserCommand: string };

const reasonKey = {
  invalid: 'auth.invalid',
  'rate-limited': 'auth.rateLimited',
  offline: 'auth.offline',
  disabled: 'auth.disabled',
  revoked: 'auth.revoked',
  'no-key': 'auth.noKey',
  error: 'auth.error',
} as const;

export function LoginForm({ username: fixedUsername, onLoggedIn }: { username?: string; onLoggedIn?: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [username, setUsername] = useState(fixedUsername ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Exclude<LoginOutcome, { ok: true }>['reason'] | null>(null);
  const [setup, setSetup] = useState<Setup | null>(null);

  useEffect(() => {
    fetch('/api/setup')
      .then((r) => (r.ok ? (r.json() as Promise<Setup>) : null))
      .then(setSetup)
      .catch(() => setSetup(null));
  }, []);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    const outcome = await login(username.trim(), password);
    setBusy(false);
    if (outcome.ok) {
      setPassword('');
      onLoggedIn?.();
    } else setFailure(outcome.reason);
  };

  return (
    <form className="login" onSubmit={submit} aria-describedby={`${id}-intro`}>
      <p id={`${id}-intro`} className="muted">
        {t('auth.intro')}
      </p>
      {setup && !setup.hasUsers ? (
        <section className="notice" aria-labelledby={`${id}-setup`}>
          <h2 id={`${id}-setup`}>{t('auth.noUsersTitle')}</h2>
          <p>{t('auth.noUsersBody')}</p>
          <code className="command">{setup.createUserCommand}</code>
        </section>
      ) : null}
      <div className="field">
        <label className="field__label" htmlFor={`${id}-username`}>
          {t('auth.username')}
        </label>
        <input
          id={`${id}-username`}
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          autoComplete="username"
          autoCapitalize="none"
          required
          readOnly={Boolean(fixedUsername)}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-password`}>
          {t('auth.password')}
        </label>
        <input
          id={`${id}-password`}
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="current-password"
          required
        />
      </div>
      <p role="alert" className="error-text">
        {failure ? t(reasonKey[failure]) : null}
      </p>
      <button type="submit" className="button button--primary" disabled={busy || !username || !password}>
        {busy ? t('auth.submitting') : t('auth.submit')}
      </button>
    </form>
  );
}
