/** "Enhed": storage, version and local data on this device. */

import { records, useLive } from '../../db/store.ts';
import { DeviceInfo } from '../../features/device/device-info.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
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
