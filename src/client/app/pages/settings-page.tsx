/** "Indstillinger": the municipality's settings; editable by leaders and admins only. */
import { useState } from 'react';
import { lockSettingsOf } from '../../../shared/auth/lock-defaults.ts';
import { records, useLive } from '../../db/store.ts';
import { SettingsForm } from '../../features/settings/settings-form.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { getSession } from '../../sync/session.ts';
import { PageHeader } from '../../ui/page-header.tsx';

export function SettingsPage() {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  const data = useLive(async () => {
    const [settings, session] = await Promise.all([records.settings(), getSession()]);
    return { settings, role: session?.user.role ?? 'nurse' };
  }, []);
  if (!data) return <p className="muted">{t('app.loading')}</p>;
  return (
    <>
      <PageHeader title={t('caseload.settings.title')} subtitle={t('caseload.settings.intro')} />
      <p role="status" className="ok-text">
        {saved ? t('caseload.settings.saved') : null}
      </p>
      <SettingsForm
        key={`${data.settings.id ?? 'default'}-${data.settings.rev}`}
        id={data.settings.id}
        initial={{ ...data.settings.data, lock: lockSettingsOf(data.settings.data) }}
        canEdit={data.role === 'leader' || data.role === 'admin'}
        onSaved={() => setSaved(true)}
      />
    </>
  );
}
