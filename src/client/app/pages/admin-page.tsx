/** "Administration" (admins: all teams; leaders: their own team): users, alerts and creating a user. Online only. */
import { useState } from 'react';
import { useLocation } from 'wouter';
import { useLive } from '../../db/store.ts';
import { adminApi } from '../../features/admin/admin-api.ts';
import { AdminUnavailable } from '../../features/admin/admin-offline.tsx';
import { CreateUserForm } from '../../features/admin/create-user-form.tsx';
import { useAdminData } from '../../features/admin/use-admin-data.ts';
import { UsersList } from '../../features/admin/users-list.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useOnline } from '../../pwa/device-state.ts';
import { getSession } from '../../sync/session.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { paths } from '../paths.ts';

export function AdminPage() {
  const { t } = useTranslation();
  const online = useOnline();
  const [, navigate] = useLocation();
  const session = useLive(() => getSession(), []);
  const [creating, setCreating] = useState(false);
  const [data, reload] = useAdminData(async () => {
    const [users, teams, alerts] = await Promise.all([adminApi.users(), adminApi.teams(), adminApi.alerts()]);
    return { users: users.users, teams: teams.teams, alerts: alerts.alerts };
  }, [online]);
  const role = session?.user.role ?? 'nurse';
  return (
    <>
      <PageHeader
        title={t('admin.title')}
        subtitle={role === 'admin' ? t('admin.introAdmin') : t('admin.introLeader')}
        actions={
          data.state === 'ready' && !creating ? (
            <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
              {t('admin.create.open')}
            </button>
          ) : null
        }
      />
      {data.state === 'loading' ? <p className="muted">{t('app.loading')}</p> : null}
      {data.state === 'error' ? <AdminUnavailable error={data.error} retry={reload} /> : null}
      {data.state === 'ready' ? (
        <>
          {creating ? (
            <CreateUserForm
              teams={data.data.teams}
              actorRole={role}
              onCreated={(user) => navigate(paths.adminUser(user.id))}
            />
          ) : null}
          <UsersList users={data.data.users} alerts={data.data.alerts} userHref={paths.adminUser} />
        </>
      ) : null}
    </>
  );
}
