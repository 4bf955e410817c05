/**
 * The service worker, registered once per page load after the first sync that follows the first
 * screen (or 15 s after that screen at most: sync/activity.ts afterFirstSync; after login or
 * unlock; main.tsx): its precache download then does not compete with the first screen, and an
 * update found later is this page's own: "Opdatér nu" activates the waiting version and the page
 * reloads when it takes control. The prompt's state is UI state (zustand).
 */
import { create } from 'zustand';

const HOURLY = 60 * 60 * 1000;

export const useServiceWorkerState = create<{ needRefresh: boolean; offlineReady: boolean }>(() => ({
  needRefresh: false,
  offlineReady: false,
}));

let update: ((reloadPage?: boolean) => Promise<void>) | null = null;
let started = false;
let updating = false;

/** Registers the worker; workbox-window's code loads here, after the first screen (not with it). */
export async function startServiceWorker(): Promise<void> {
  if (started || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  started = true;
  const { registerSW } = await import('virtual:pwa-register');
  update = registerSW({
    onNeedRefresh: () => useServiceWorkerState.setState({ needRefresh: true }),
    onOfflineReady: () => useServiceWorkerState.setState({ offlineReady: true }),
    onRegisteredSW(_url, registration) {
      if (registration) setInterval(() => void registration.update().catch(() => undefined), HOURLY);
    },
  });
  // The new version controls the page: reload into it (only when the nurse asked for the update).
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (updating) window.location.reload();
  });
}

/** "Opdatér nu": the waiting version takes over and the page reloads into it. */
export async function applyUpdate(): Promise<void> {
  updating = true;
  await update?.(true);
}
