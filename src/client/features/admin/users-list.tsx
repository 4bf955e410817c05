/**
 * The users an admin (all teams) or leader (own team) administers: name, username, role, team and
 * status, each linking to that user's page; alerts (a user over the dead-letter quota) on top.
 */

import { Link } from 'wouter';
import type { AdminAlert, AdminUser } from '../../../shared/admin/views.ts';
import { useTranslation } from '../../i18n/use-translation.ts';

export function UsersList({
  users,
  alerts,
  userHref,
}: {
  users: AdminUser[];
  alerts: AdminAlert[];
  userHref: (id: string) => string;
}) {
  const { t } = useTranslation();
  return (
    <>
      {alerts.length > 0 ? (
        <section className="notice" aria-labelledby="admin-alerts">
          <h2 id="admin-alerts">{t('admin.alerts.title')}</h2>
          <ul>
            {alerts.map((a) => (
              <li key={a.id}>
                {t('admin.alerts.deadLetterQuota', { username: a.username ?? '–', count: a.occurrences })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="card" aria-labelledby="admin-users">
        <h2 id="admin-users">{t('admin.users.title', { count: users.length })}</h2>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('admin.users.name')}</th>
              <th scope="col">{t('admin.users.username')}</th>
              <th scope="col">{t('admin.users.role')}</th>
              <th scope="col">{t('admin.users.team')}</th>
              <th scope="col">{t('admin.users.status')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>
                  <Link href={userHref(u.id)}>{u.displayName}</Link>
                </td>
                <td>{u.username}</td>
                <td>{t(`admin.roles.${u.role}`)}</td>
                <td>{u.teamName}</td>
                <td>
                  <span className={`badge ${u.status === 'disabled' ? 'badge--fraflyttet' : 'badge--consent-active'}`}>
                    {t(`admin.status.${u.status}`)}
                  </span>
                  {u.mustChangePassword ? <span className="muted"> · {t('admin.status.mustChange')}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
