/**
 * The device page: is storage persistent, how much is used of the quota, app version, network and
 * service-worker state, and what is stored locally (records, pending changes, quarantined rows).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation.ts';
import {
  isControlledByServiceWorker,
  readStorageInfo,
  requestPersistentStorage,
  type StorageInfo,
  useOnline,
} from '../../pwa/device-state.ts';

type Counts = { records: number; pending: number; quarantined: number };

const formatBytes = (bytes: number | null, language: string) => {
  if (bytes === null) return '–';
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toLocaleString(language === 'en' ? 'en-GB' : 'da-DK', { maximumFractionDigits: 1 })} ${units[unit]}`;
};

export function DeviceInfo({ counts }: { counts: Counts | undefined }) {
  const { t, i18n } = useTranslation();
  const online = useOnline();
  const [storage, setStorage] = useState<StorageInfo | null>(null);
  const refresh = () => void readStorageInfo().then(setStorage);
  useEffect(refresh, []);

  const persistentText =
    storage?.persisted === true
      ? t('device.persistentYes')
      : storage && !storage.canPersist
        ? t('device.persistentUnavailable')
        : storage?.persisted === false
          ? t('device.persistentNo')
          : t('device.persistentUnknown');

  const rows: [string, string, string][] = [
    ['persistent', t('device.persistent'), persistentText],
    ['usage', t('device.usage'), formatBytes(storage?.usage ?? null, i18n.language)],
    ['quota', t('device.quota'), formatBytes(storage?.quota ?? null, i18n.language)],
    ['version', t('device.appVersion'), __APP_VERSION__],
    ['network', t('device.network'), online ? t('network.online') : t('network.offline')],
    [
      'sw',
      t('device.serviceWorker'),
      isControlledByServiceWorker() ? t('device.serviceWorkerYes') : t('device.serviceWorkerNo'),
    ],
    ['records', t('device.records'), String(counts?.records ?? '–')],
    ['pending', t('device.pending'), String(counts?.pending ?? '–')],
    ['quarantined', t('device.quarantined'), String(counts?.quarantined ?? '–')],
  ];

  return (
    <section className="card" aria-labelledby="device-storage-heading">
      <h2 id="device-storage-heading">{t('device.storage')}</h2>
      <dl className="details">
        {rows.map(([key, label, value]) => (
          <div key={key} data-testid={`device-${key}`}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {storage?.canPersist && storage.persisted === false ? (
        <button type="button" className="button" onClick={() => void requestPersistentStorage().then(refresh)}>
          {t('device.requestPersist')}
        </button>
      ) : null}
    </section>
  );
}
