/**
 * Sync state, always visible under the top bar: online/offline, what is waiting (and since when),
 * the last successful sync, what needs attention, "Synkronisér nu", the first download's progress,
 * a warning when unsynced work is older than a working day, and a renewed login when needed.
 */
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { useLive } from '../../db/store.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useOnline } from '../../pwa/device-state.ts';
import { requestSync, useSyncActivity } from '../../sync/activity.ts';
import { STALE_AFTER_MS, syncOverview, syncOverviewNow } from '../../sync/overview.ts';
import { getSession, sessionNow } from '../../sync/session.ts';
import { formatWhen } from '../../ui/dates.ts';

type Props = { attentionHref: string; renewLogin: (username: string) => ReactNode };

export function SyncStatus({ attentionHref, renewLogin }: Props) {
  const { t, i18n } = useTranslation();
  const online = useOnline();
  const activity = useSyncActivity();
  const overview = useLive(
    () => syncOverview(),
    [],
    () => syncOverviewNow(),
  );
  const session = useLive(() => getSession(), [], sessionNow);
  // While the overview loads the bar keeps its place, so the screen below it does not move (CLS).
  if (!overview)
    return (
      <div className="syncbar" aria-hidden="true">
        <div className="syncbar__row" />
        <div className="syncbar__details" />
      </div>
    );

  const syncing = activity.state === 'syncing';
  const loginRequired = session?.loginRequired === true || activity.state === 'login-required';
  const attention = overview.openConflicts + overview.rejected;
  const stale = overview.oldestPendingAt !== null && Date.now() - Date.parse(overview.oldestPendingAt) > STALE_AFTER_MS;
  const firstDownload = syncing && !overview.firstDownloadDone && activity.progress?.phase === 'pull';

  let state: string;
  if (!online) state = t('syncStatus.offline');
  else if (loginRequired) state = t('syncStatus.loginRequired');
  else if (syncing) state = t('syncStatus.syncing');
  else if (activity.state === 'error') state = t('syncStatus.error');
  else if (activity.state === 'stopped') state = t('syncStatus.stopped');
  else state = overview.pending === 0 ? t('syncStatus.allSynced') : t('sync.state.pending');

  return (
    <section className="syncbar" aria-label={t('syncStatus.region')}>
      {/* Two lines of fixed height at tablet widths: what changes with every save and sync (what
          waits, the last sync, the first download) is on the second line, so the bar does not
          grow or shrink under a nurse's next tap. */}
      <div className="syncbar__row">
        <p className={`syncbar__state syncbar__state--${online ? activity.state : 'offline'}`} role="status">
          {state}
        </p>
        {attention > 0 ? (
          <Link href={attentionHref} className="syncbar__attention">
            {t('syncStatus.attention', { count: attention })}
          </Link>
        ) : null}
        <button
          type="button"
          className="button button--small"
          onClick={requestSync}
          disabled={syncing || !online || loginRequired}
        >
          {t('syncStatus.syncNow')}
        </button>
      </div>
      <div className="syncbar__details">
        {overview.pending > 0 ? (
          <p className="syncbar__meta" data-testid="sync-pending">
            {t('syncStatus.pending', { count: overview.pending })}
            {overview.oldestPendingAt
              ? ` · ${t('syncStatus.oldest', { when: formatWhen(overview.oldestPendingAt, i18n.language) })}`
              : ''}
          </p>
        ) : null}
        {firstDownload ? (
          <div className="syncbar__download">
            <span className="syncbar__download-label">{t('syncStatus.firstDownload')}</span>
            <progress aria-label={t('syncStatus.firstDownload')} />
            <span className="syncbar__download-count">
              {t('syncStatus.downloaded', { count: activity.progress?.pulled ?? 0 })}
            </span>
          </div>
        ) : (
          <p className="syncbar__meta" data-testid="sync-last">
            {overview.lastSync
              ? t('syncStatus.lastSync', { when: formatWhen(overview.lastSync, i18n.language) })
              : t('syncStatus.neverSynced')}
          </p>
        )}
      </div>
      {stale ? (
        <p className="syncbar__warning" role="alert">
          {t('syncStatus.stale')}
        </p>
      ) : null}
      {loginRequired && session ? (
        <div className="syncbar__renew">
          <h2>{t('auth.renewTitle')}</h2>
          <p>{t('auth.renewBody')}</p>
          {renewLogin(session.user.username)}
        </div>
      ) : null}
    </section>
  );
}
