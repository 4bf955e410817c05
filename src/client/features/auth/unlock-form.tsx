/**
 * The lock screen: the tablet's users (each with her own encrypted store) and a password field that
 * opens the chosen user's store offline. Too many wrong passwords in a row leave only an online
 * login. Shows no personal data: only the names of the tablet's users.
 */
import { useId, useState } from 'react';
import type { DeviceUser } from '../../db/device-users.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { type UnlockOutcome, unlock } from '../../sync/login.ts';

export function UnlockForm({ users, onOtherUser }: { users: DeviceUser[]; onOtherUser: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [userId, setUserId] = useState(users[0]?.userId ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<UnlockOutcome | null>(null);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setOutcome(null);
    const result = await unlock(userId, password);
    setBusy(false);
    setPassword('');
    if (result !== 'ok') setOutcome(result);
  };

  return (
    <form className="login" onSubmit={submit} aria-describedby={`${id}-intro`}>
      <p id={`${id}-intro`} className="muted">
        {t('auth.unlockIntro')}
      </p>
      {users.length > 1 ? (
        <fieldset className="unlock-users">
          <legend className="field__label">{t('auth.chooseUser')}</legend>
          {users.map((u) => (
            <label key={u.userId} className={`toggle${u.userId === userId ? ' toggle--on' : ''}`}>
              <input
                type="radio"
                name={`${id}-user`}
                value={u.userId}
                checked={u.userId === userId}
                onChange={() => setUserId(u.userId)}
              />
              {u.displayName}
            </label>
          ))}
        </fieldset>
      ) : (
        <p className="unlock-user">
          <span className="field__label">{t('auth.user')}</span> {users[0]?.displayName}
        </p>
      )}
      {/* For password managers and accessibility: the account the password belongs to. */}
      <input
        type="text"
        className="visually-hidden"
        autoComplete="username"
        value={users.find((u) => u.userId === userId)?.username ?? ''}
        readOnly
        tabIndex={-1}
        aria-hidden="true"
      />
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
        {outcome === 'wrong' ? t('auth.unlockWrong') : null}
        {outcome === 'online-required' ? t('auth.unlockOnlineRequired') : null}
      </p>
      <button type="submit" className="button button--primary" disabled={busy || !password || !userId}>
        {busy ? t('auth.unlocking') : t('auth.unlockSubmit')}
      </button>
      <button type="button" className="button button--link" onClick={onOtherUser}>
        {t('auth.otherUserLogin')}
      </button>
    </form>
  );
}
