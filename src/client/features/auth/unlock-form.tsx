/**
 * The lock screen: the tablet's users (each with her own encrypted store and key) and the PIN, or
 * the password, that opens the chosen user's store offline. The PIN is offered while she has one
 * and the tablet is not stale; 5 wrong PINs leave the password, and too many wrong passwords (the
 * team's setting) only an online login. Shows no personal data: only the names of the tablet's users.
 */
import { useId, useState } from 'react';
import type { DeviceUser } from '../../db/device-users.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { isStale, type PinOutcome, pinUsable, type UnlockOutcome, unlock, unlockPin } from '../../sync/login.ts';
import { PinField } from './pin-field.tsx';

type Notice =
  | { kind: 'password'; outcome: UnlockOutcome }
  | { kind: 'pin'; outcome: PinOutcome }
  | { kind: 'stale'; days: number }
  | null;

export function UnlockForm({
  users,
  onOtherUser,
  onUsersChanged,
}: {
  users: DeviceUser[];
  onOtherUser: () => void;
  onUsersChanged: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [userId, setUserId] = useState(users[0]?.userId ?? '');
  const user = users.find((u) => u.userId === userId);
  const [passwordChosen, setPasswordChosen] = useState(false);
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const pinMode = Boolean(user && pinUsable(user) && !passwordChosen);
  const staleDays = user && isStale(user) ? (user.staleAfterDays ?? 0) : 0;

  const choose = (next: string) => {
    setUserId(next);
    setPasswordChosen(false);
    setSecret('');
    setNotice(null);
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setNotice(null);
    if (pinMode) {
      const outcome = await unlockPin(userId, secret);
      setBusy(false);
      setSecret('');
      if (outcome.outcome === 'ok') return;
      setNotice({ kind: 'pin', outcome });
      if (outcome.outcome === 'password-required') {
        if (outcome.reason === 'stale') setNotice({ kind: 'stale', days: user?.staleAfterDays ?? 0 });
        onUsersChanged();
      }
      return;
    }
    const result = await unlock(userId, secret);
    setBusy(false);
    setSecret('');
    if (result !== 'ok') setNotice({ kind: 'password', outcome: result });
  };

  const message = (() => {
    if (notice?.kind === 'stale' || (!notice && staleDays > 0))
      return t('auth.pinStale', { count: notice?.kind === 'stale' ? notice.days : staleDays });
    if (notice?.kind === 'password' && notice.outcome === 'wrong') return t('auth.unlockWrong');
    if (notice?.kind === 'password' && notice.outcome === 'online-required') return t('auth.unlockOnlineRequired');
    if (notice?.kind === 'pin' && notice.outcome.outcome === 'wrong')
      return t('auth.pinWrong', { count: notice.outcome.left });
    if (notice?.kind === 'pin' && notice.outcome.outcome === 'password-required') return t('auth.pinTooMany');
    return null;
  })();

  return (
    <form className="login" onSubmit={submit} aria-describedby={`${id}-intro`}>
      <p id={`${id}-intro`} className="muted">
        {pinMode ? t('auth.pinUnlockIntro') : t('auth.unlockIntro')}
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
                onChange={() => choose(u.userId)}
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
      {pinMode ? (
        <PinField
          key={`pin-${userId}`}
          id={`${id}-pin`}
          label={t('auth.pin')}
          value={secret}
          onChange={setSecret}
          invalid={notice?.kind === 'pin'}
          describedBy={message ? `${id}-message` : undefined}
          autoFocus
        />
      ) : (
        <>
          {/* For password managers and accessibility: the account the password belongs to. */}
          <input
            type="text"
            className="visually-hidden"
            autoComplete="username"
            value={user?.username ?? ''}
            readOnly
            tabIndex={-1}
            aria-hidden="true"
          />
          <div className="field">
            <label className="field__label" htmlFor={`${id}-password`}>
              {t('auth.password')}
            </label>
            <input
              key={`password-${userId}`}
              id={`${id}-password`}
              type="password"
              value={secret}
              onChange={(e) => setSecret(e.target.value)}
              autoComplete="current-password"
              aria-describedby={message ? `${id}-message` : undefined}
              required
            />
          </div>
        </>
      )}
      <p id={`${id}-message`} role="alert" className="error-text">
        {message}
      </p>
      <button
        type="submit"
        className="button button--primary"
        disabled={busy || !userId || (pinMode ? secret.length !== 6 : !secret)}
      >
        {busy ? t('auth.unlocking') : t('auth.unlockSubmit')}
      </button>
      {user && pinUsable(user) ? (
        <button
          type="button"
          className="button button--link"
          onClick={() => {
            setPasswordChosen(!passwordChosen);
            setSecret('');
            setNotice(null);
          }}
        >
          {pinMode ? t('auth.usePassword') : t('auth.usePin')}
        </button>
      ) : null}
      <button type="button" className="button button--link" onClick={onOtherUser}>
        {t('auth.otherUserLogin')}
      </button>
    </form>
  );
}
