/** One user for an admin or leader: account (name, role, status, password reset) and devices. Online only. */

import { useParams } from 'wouter';
import { useLive } from '../../db/store.ts';
import { adminApi } from '../../features/admin/admin-api.ts';
import { AdminUnavailable } from '../../features/admin/admin-offline.tsx';
import { useAdminData } from '../../features/admin/use-admin-data.ts';
import { UserDevices } from '../../features/admin/user-devices.tsx';
import { UserSettings } from '../../features/admin/user-settings.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useOnline } from '../../pwa/device-state.ts';
import { getSession } from '../../sync/session.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { paths } from '../paths.ts';

export function AdminUserPage() {
  const { t } = useTranslation();
  const { userId = '' } = useParams<{ userId: string }>();
  const online = useOnline();
  const session = useLive(() => getSession(), []);
  const [data, reload] = useAdminData(async () => {
    const [{ users }, devices] = await Promise.all([adminApi.users(), adminApi.devices(userId)]);
    return { user: users.find((u) => u.id === userId), devices };
  }, [userId, online]);
  const back = { to: paths.admin, label: t('admin.title') };
  if (data.state !== 'ready' || !data.data.user) {
    return (
      <>
        <PageHeader title={t('admin.user.title')} back={back} />
        {data.state === 'loading' ? <p className="muted">{t('app.loading')}</p> : null}
        {data.state === 'error' ? <AdminUnavailable error={data.error} retry={reload} /> : null}
        {data.state === 'ready' ? <p>{t('admin.errors.not_found')}</p> : null}
      </>
    );
  }
  const { user, devices } = data.data;
  return (
    <>
      <PageHeader
        title={user.displayName}
        subtitle={`${user.username} · ${t(`admin.roles.${user.role}`)} · ${user.teamName}`}
        back={back}
      />
      {user.mustChangePassword ? <p className="notice">{t('admin.user.mustChange')}</p> : null}
      <div className="stack">
        <UserDevices devices={devices.devices} staleAfterDays={devices.staleAfterDays} onChanged={reload} />
        <UserSettings
          key={`${user.displayName}|${user.role}|${user.status}`}
          user={user}
          actor={{ id: session?.user.id ?? '', role: session?.user.role ?? 'nurse' }}
          onChanged={reload}
        />
      </div>
    </>
  );
}
