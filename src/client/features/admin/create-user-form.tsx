/**
 * Creating a user: username, display name, role (a leader cannot create admins), the team chosen
 * from the list the server gives (never typed, so a typo cannot make a second team) and a first
 * password that the server checks against its policy.
 */
import { useId, useState } from 'react';
import type { AdminTeam, AdminUser } from '../../../shared/admin/views.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { adminApi } from './admin-api.ts';

import { adminErrorText } from './admin-errors.ts';

const allRoles = ['nurse', 'leader', 'admin'] as const;

export function CreateUserForm({
  teams,
  actorRole,
  onCreated,
}: {
  teams: AdminTeam[];
  actorRole: string;
  onCreated: (user: AdminUser) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [form, setForm] = useState({
    username: '',
    displayName: '',
    role: 'nurse',
    teamId: teams.length === 1 ? (teams[0]?.id ?? '') : '',
    password: '',
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const roles = actorRole === 'admin' ? allRoles : allRoles.filter((r) => r !== 'admin');
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { user } = await adminApi.createUser(form);
      onCreated(user);
    } catch (e) {
      setError(adminErrorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  const field = (key: 'username' | 'displayName' | 'password', type = 'text', autoComplete = 'off') => (
    <div className="field">
      <label className="field__label" htmlFor={`${id}-${key}`}>
        {t(`admin.create.${key}`)}
      </label>
      <input
        id={`${id}-${key}`}
        type={type}
        value={form[key]}
        onChange={set(key)}
        autoComplete={autoComplete}
        autoCapitalize="none"
        required
      />
    </div>
  );

  return (
    <form className="card form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('admin.create.title')}</h2>
      {field('username')}
      {field('displayName')}
      <div className="field">
        <label className="field__label" htmlFor={`${id}-role`}>
          {t('admin.create.role')}
        </label>
        <select id={`${id}-role`} value={form.role} onChange={set('role')}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`admin.roles.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-team`}>
          {t('admin.create.team')}
        </label>
        <select id={`${id}-team`} value={form.teamId} onChange={set('teamId')} required>
          <option value="">{t('admin.create.chooseTeam')}</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </div>
      {field('password', 'password', 'new-password')}
      <p className="muted">{t('admin.create.passwordHint')}</p>
      <p role="alert" className="error-text">
        {error}
      </p>
      <div className="row-actions">
        <button type="submit" className="button button--primary" disabled={busy || !form.teamId}>
          {busy ? t('admin.create.creating') : t('admin.create.submit')}
        </button>
      </div>
    </form>
  );
}
