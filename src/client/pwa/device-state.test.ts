/**
 * Storage facts on browsers that lack parts of the Storage API (WebKitGTK has no
 * `navigator.storage` at all; some Safari versions have `persisted` and `estimate` but no `persist`):
 * nothing throws, and the device page can say that persistence is not available.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readStorageInfo, requestPersistentStorage } from './device-state.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('storage facts', () => {
  it('without navigator.storage: not persistable, nothing known, no error', async () => {
    vi.stubGlobal('navigator', {});
    expect(await readStorageInfo()).toEqual({ persisted: null, canPersist: false, usage: null, quota: null });
    expect(await requestPersistentStorage()).toBeNull();
  });

  it('with persisted() and estimate() but no persist(): not persistable, usage still read', async () => {
    vi.stubGlobal('navigator', {
      storage: { persisted: async () => false, estimate: async () => ({ usage: 2048, quota: 10_000 }) },
    });
    expect(await readStorageInfo()).toEqual({ persisted: false, canPersist: false, usage: 2048, quota: 10_000 });
    expect(await requestPersistentStorage()).toBeNull();
  });

  it('with the whole API: asks once, and reports what the browser granted', async () => {
    const persist = vi.fn(async () => true);
    vi.stubGlobal('navigator', {
      storage: { persisted: async () => false, persist, estimate: async () => ({ usage: 1, quota: 2 }) },
    });
    expect(await readStorageInfo()).toEqual({ persisted: false, canPersist: true, usage: 1, quota: 2 });
    expect(await requestPersistentStorage()).toBe(true);
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it('a persist() that throws gives null, not an error', async () => {
    vi.stubGlobal('navigator', {
      storage: {
        persisted: async () => false,
        persist: async () => {
          throw new Error('denied');
        },
      },
    });
    expect(await requestPersistentStorage()).toBeNull();
  });
});
