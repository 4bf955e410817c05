/** Reads every IndexedDB database of a page's origin raw, as a thief with the profile would see it. */
import type { Page } from '@playwright/test';

/** Every value of every IndexedDB database of the page's origin, as text (bytes decoded as latin1 and UTF-8). */
export async function rawIndexedDb(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const texts: string[] = [];
    const decoder = new TextDecoder();
    const show = (value: unknown): string => {
      if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
        const bytes =
          value instanceof ArrayBuffer
            ? new Uint8Array(value)
            : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
        return `${decoder.decode(bytes)} ${String.fromCharCode(...bytes.slice(0, 65_536))}`;
      }
      if (value && typeof value === 'object') {
        return Object.entries(value)
          .map(([k, v]) => `${k}:${show(v)}`)
          .join(' ');
      }
      return String(value);
    };
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const database = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name as string);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const name of database.objectStoreNames) {
        const [keys, values] = await Promise.all(
          ['getAllKeys', 'getAll'].map(
            (method) =>
              new Promise<unknown[]>((resolve, reject) => {
                const store = database.transaction(name).objectStore(name);
                const request = method === 'getAll' ? store.getAll() : store.getAllKeys();
                request.onsuccess = () => resolve(request.result);
                request.onerror = () => reject(request.error);
              }),
          ),
        );
        texts.push(`[${info.name}/${name}: ${values?.length ?? 0} values]`, show(keys), show(values));
      }
      database.close();
    }
    return texts.join('\n');
  });
}
