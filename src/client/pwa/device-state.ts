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

/**
 * `canPersist`: the browser can be asked for persistent storage at all (WebKitGTK and some Safari
 * versions have no `navigator.storage.persist`, or no `navigator.storage`).
 */
export type StorageInfo = {
  persisted: boolean | null;
  canPersist: boolean;
  usage: number | null;
  quota: number | null;
};

const canPersist = () => typeof navigator.storage?.persist === 'function';

export async function requestPersistentStorage(): Promise<boolean | null> {
  if (!canPersist()) return null;
  try {
    if (typeof navigator.storage.persisted === 'function' && (await navigator.storage.persisted())) return true;
    return await navigator.storage.persist();
  } catch {
    return null;
  }
}

export async function readStorageInfo(): Promise<StorageInfo> {
  const storage = navigator.storage;
  const [persisted, estimate] = await Promise.all([
    typeof storage?.persisted === 'function' ? storage.persisted().catch(() => null) : Promise.resolve(null),
    typeof storage?.estimate === 'function' ? storage.estimate().catch(() => null) : Promise.resolve(null),
  ]);
  return { persisted, canPersist: canPersist(), usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
}

export const isControlledByServiceWorker = () => Boolean(navigator.serviceWorker?.controller);
