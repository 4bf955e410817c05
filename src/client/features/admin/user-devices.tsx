/**
 * A user's devices: name, registered, last sync, what the device last reported unsynced, and
 * whether it has not synced for DEVICE_STALE_DAYS. Revoking asks first, saying what would be
 * lost (the changes the device reported as not synced), then shows what was lost.
 */
import { useState } from 'react';
import type { AdminDevice } from '../../../shared/admin/views.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { adminApi } from './admin-api.ts';
import { adminErrorText } from './admin-errors.ts';

const when = (iso: string | null, language: string, never: string) =>
  iso
    ? new Date(iso).toLocaleString(language === 'en' ? 'en-GB' : 'da-DK', { dateStyle: 'medium', timeStyle: 'short' })
    : never;

export function UserDevices({
  devices,
  staleAfterDays,
  onChanged,
}: {
  devices: AdminDevice[];
  staleAfterDays: number;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const never = t('admin.devices.never');

  const revoke = async (device: AdminDevice) => {
    const name = device.name || t('admin.devices.unnamed');
    const unsynced = device.unsyncedCount ?? 0;
    const question =
      device.unsyncedCount === null
        ? t('admin.devices.confirmUnknown', { name })
        : t('admin.devices.confirm', { name, count: unsynced });
    if (!window.confirm(question)) return;
    try {
      const { lost } = await adminApi.revokeDevice(device.id);
      setMessage({ ok: true, text: t('admin.devices.revoked', { name, count: lost.unsyncedCount }) });
      onChanged();
    } catch (e) {
      setMessage({ ok: false, text: adminErrorText(t, e) });
    }
  };

  return (
    <section className="card" aria-labelledby="admin-devices">
      <h2 id="admin-devices">{t('admin.devices.title')}</h2>
      {devices.length === 0 ? (
        <p className="muted">{t('admin.devices.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('admin.devices.name')}</th>
                <th scope="col">{t('admin.devices.registered')}</th>
                <th scope="col">{t('admin.devices.lastSync')}</th>
                <th scope="col">{t('admin.devices.unsynced')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('admin.devices.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {devices.map((d) => (
                <tr key={d.id}>
                  <td>
                    {d.name || t('admin.devices.unnamed')}
                    {d.stale ? (
                      <span className="pill pill--warn"> {t('admin.devices.stale', { count: staleAfterDays })}</span>
                    ) : null}
                  </td>
                  <td>{when(d.registeredAt, i18n.language, never)}</td>
                  <td>{when(d.lastSyncAt, i18n.language, never)}</td>
                  <td>
                    {d.unsyncedCount === null ? t('admin.devices.notReported') : String(d.unsyncedCount)}
                    {d.revokedAt && (d.lostUnsyncedCount ?? 0) > 0 ? (
                      <span className="error-text">
                        {' '}
                        {t('admin.devices.lost', { count: d.lostUnsyncedCount ?? 0 })}
                      </span>
                    ) : null}
                  </td>
                  <td>
                    {d.revokedAt ? (
                      <span className="badge badge--fraflyttet">{t('admin.devices.isRevoked')}</span>
                    ) : (
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={t('admin.devices.revokeNamed', { name: d.name || t('admin.devices.unnamed') })}
                        onClick={() => void revoke(d)}
                      >
                        {t('admin.devices.revoke')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p role="status" className={message && !message.ok ? 'error-text' : 'muted'}>
        {message?.text}
      </p>
    </section>
  );
}
