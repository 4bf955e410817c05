/**
 * One user's account: change display name and role, disable or re-enable, and reset the password
 * (the user must choose a new one at the next login, and their sessions end).
 */
import { useId, useState } from 'react';
import type { AdminUser } from '../../../shared/admin/views.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { adminApi } from './admin-api.ts';

import { adminErrorText } from './admin-errors.ts';

const allRoles = ['nurse', 'leader', 'admin'] as const;

export function UserSettings({
  user,
  actor,
  onChanged,
}: {
  user: AdminUser;
  actor: { id: string; role: string };
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState(user.displayName);
  const [role, setRole] = useState<string>(user.role);
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const self = actor.id === user.id;
  const roles = actor.role === 'admin' ? allRoles : allRoles.filter((r) => r !== 'admin');

  const act = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setMessage(null);
    try {
      await work();
      setMessage({ ok: true, text: done });
      onChanged();
    } catch (e) {
      setMessage({ ok: false, text: adminErrorText(t, e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('admin.user.account')}</h2>
      <form
        className="admin-form"
        onSubmit={(e) => {
          e.preventDefault();
          void act(
            () =>
              adminApi.updateUser(user.id, {
                ...(name !== user.displayName ? { displayName: name } : {}),
                ...(role !== user.role ? { role } : {}),
              }),
            t('admin.user.saved'),
          );
        }}
      >
        <div className="field">
          <label className="field__label" htmlFor={`${id}-name`}>
            {t('admin.create.displayName')}
          </label>
          <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} required />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-role`}>
            {t('admin.create.role')}
          </label>
          <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value)} disabled={self}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`admin.roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="row-actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={busy || (name === user.displayName && role === user.role)}
          >
            {t('common.save')}
          </button>
        </div>
      </form>

      {self ? null : (
        <>
          <h3>{t('admin.user.statusTitle')}</h3>
          <p>
            {user.status === 'disabled' ? t('admin.user.isDisabled') : t('admin.user.isActive')}{' '}
            <button
              type="button"
              className="button button--small"
              disabled={busy}
              onClick={() => {
                const disable = user.status === 'active';
                if (disable && !window.confirm(t('admin.user.disableConfirm', { name: user.displayName }))) return;
                void act(
                  () => adminApi.setDisabled(user.id, disable),
                  disable ? t('admin.user.disabled') : t('admin.user.enabled'),
                );
              }}
            >
              {user.status === 'active' ? t('admin.user.disable') : t('admin.user.enable')}
            </button>
          </p>

          <form
            className="admin-form"
            onSubmit={(e) => {
              e.preventDefault();
              void act(
                async () => {
                  await adminApi.resetPassword(user.id, password);
                  setPassword('');
                },
                t('admin.user.resetDone', { name: user.displayName }),
              );
            }}
          >
            <h3>{t('admin.user.resetTitle')}</h3>
            <p className="muted">{t('admin.user.resetIntro')}</p>
            <div className="field">
              <label className="field__label" htmlFor={`${id}-password`}>
                {t('admin.user.temporaryPassword')}
              </label>
              <input
                id={`${id}-password`}
                type="password"
                autoComplete="new-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                required
              />
            </div>
            <div className="row-actions">
              <button type="submit" className="button" disabled={busy || password === ''}>
                {t('admin.user.reset')}
              </button>
            </div>
          </form>
        </>
      )}
      <p role="status" className={message && !message.ok ? 'error-text' : 'muted'}>
        {message?.text}
      </p>
    </section>
  );
}
