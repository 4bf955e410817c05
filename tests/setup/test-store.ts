/** A fresh encrypted store for unit tests (fake-indexeddb, a real AES-GCM key). */
import { newDataKey } from '../../src/client/db/crypto.ts';
import { deleteStore, LocalStore, type OpenOptions } from '../../src/client/db/local-store.ts';
import { DEVICE_KEY } from '../../src/client/db/meta.ts';

export async function openTestStore(options: OpenOptions & { key?: CryptoKey; userId?: string } = {}) {
  const key = options.key ?? (await newDataKey());
  const userId = options.userId ?? `test-${crypto.randomUUID()}`;
  const store = await LocalStore.open(userId, key, options);
  if (!store.state.meta.has(DEVICE_KEY)) {
    await store.transact((tx) => tx.setMeta(DEVICE_KEY, { deviceId: crypto.randomUUID(), userName: 'Test' }));
  }
  return {
    store,
    key,
    userId,
    reopen: (more: OpenOptions = {}) => LocalStore.open(userId, key, { ...options, ...more }),
    remove: async () => {
      store.close();
      await deleteStore(userId);
    },
  };
}
