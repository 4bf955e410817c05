/**
 * Browser facts about the device: network state (as a React hook) and storage persistence, usage
 * and quota. Persistent storage is requested at start-up so the browser does not evict the
 * offline caseload under storage pressure.
 */
import { useSyncExternalStore } from 'react';

const subscribeOnline = (notify: () => void) => {
  window.addEventListener('online', notify);
  window.addEventListener('offline', notify);
  return () => {
    window.removeEventListener('online', notify);
    window.removeEventListener('offline', notify);
  };
};

export const useOnline = () =>
  useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );

export type StorageInfo = { persisted: boolean | null; usage: number | null; quota: number | null };

export async function requestPersistentStorage(): Promise<boolean | null> {
  if (!navigator.storage?.persist) return null;
  try {
    return (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    return null;
  }
}

export async function readStorageInfo(): Promise<StorageInfo> {
  const storage = navigator.storage;
  const [persisted, estimate] = await Promise.all([
    storage?.persisted ? storage.persisted().catch(() => null) : Promise.resolve(null),
    storage?.estimate ? storage.estimate().catch(() => null) : Promise.resolve(null),
  ]);
  return { persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
}

export const isControlledByServiceWorker = () => Boolean(navigator.serviceWorker?.controller);
