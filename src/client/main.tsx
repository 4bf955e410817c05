/**
 * Entry point: i18n, styles, the router, the request for persistent storage, and the service
 * worker once the first screen shows (pwa/first-screen.ts).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppRouter } from './app/router.tsx';
import './i18n/i18n.ts';
import { requestPersistentStorage } from './pwa/device-state.ts';
import { startServiceWorker } from './pwa/service-worker.ts';
import { afterFirstSync } from './sync/activity.ts';
import './ui/styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <AppRouter />
  </StrictMode>,
);

void requestPersistentStorage();
// The precache download waits for the first sync (a first login downloads the caseload).
afterFirstSync(() => void startServiceWorker());
