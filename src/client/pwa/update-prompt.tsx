/**
 * Shows "Ny version er klar" when a new version of the service worker (service-worker.ts) is
 * waiting. It never reloads by itself, and "Opdatér nu" is held back while a form holds unsaved input.
 */

import { useEffect } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import { applyUpdate, useServiceWorkerState } from './service-worker.ts';
import { useHasUnsavedInput } from './unsaved.ts';

const OFFLINE_READY_SHOWN_MS = 6000;
const setNeedRefresh = (value: boolean) => useServiceWorkerState.setState({ needRefresh: value });
const setOfflineReady = (value: boolean) => useServiceWorkerState.setState({ offlineReady: value });

export function UpdatePrompt() {
  const { t } = useTranslation();
  const unsaved = useHasUnsavedInput();
  const { needRefresh, offlineReady } = useServiceWorkerState();

  useEffect(() => {
    if (!offlineReady) return;
    const timer = setTimeout(() => setOfflineReady(false), OFFLINE_READY_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [offlineReady]);

  if (!needRefresh && !offlineReady) return null;
  return (
    <section
      className="toast"
      aria-live="polite"
      aria-label={needRefresh ? t('pwa.updateReady') : t('pwa.offlineReady')}
    >
      {needRefresh ? (
        <>
          <p className="toast__title">{t('pwa.updateReady')}</p>
          {unsaved ? <p className="toast__body">{t('pwa.updateBlocked')}</p> : null}
          <div className="toast__actions">
            <button
              type="button"
              className="button button--primary"
              disabled={unsaved}
              onClick={() => void applyUpdate()}
            >
              {t('pwa.updateNow')}
            </button>
            <button type="button" className="button" onClick={() => setNeedRefresh(false)}>
              {t('pwa.updateLater')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p className="toast__title">{t('pwa.offlineReady')}</p>
          <div className="toast__actions">
            <button type="button" className="button" onClick={() => setOfflineReady(false)}>
              {t('pwa.dismiss')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
