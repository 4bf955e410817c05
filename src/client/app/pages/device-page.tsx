/** "Enhed": storage, version and local data on this device. */
import { useTranslation } from 'react-i18next';
import { records, useLive } from '../../db/store.ts';
import { DeviceInfo } from '../../features/device/device-info.tsx';
import { PageHeader } from '../../ui/page-header.tsx';

export function DevicePage() {
  const { t } = useTranslation();
  const counts = useLive(() => records.deviceCounts(), []);
  return (
    <>
      <PageHeader title={t('device.title')} subtitle={t('device.intro')} />
      <DeviceInfo counts={counts} />
    </>
  );
}
