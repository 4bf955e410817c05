/**
 * What features read: the unlocked store of the signed-in user (one at a time; none while the app
 * is locked), its reader and the live-query hooks. A live query runs against memory and runs again
 * whenever the store changes, or another store is unlocked. Writing goes through write-store.ts.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { RecordKind } from '../../shared/schemas/kinds.ts';
import type { LocalStore } from './local-store.ts';
import { type RecordView, recordReader } from './reader.ts';

let current: LocalStore | null = null;
const switches = new Set<() => void>();
const beforeLock = new Set<() => Promise<unknown>>();

/**
 * Registers work that must reach the store before it locks (a form's last keystrokes, kept in its
 * draft). Returns the unregistering function.
 */
export function onBeforeLock(flush: () => Promise<unknown>): () => void {
  beforeLock.add(flush);
  return () => beforeLock.delete(flush);
}

/** Runs every registered flush (each failure is its own: the lock still comes). */
export async function flushBeforeLock(): Promise<void> {
  await Promise.allSettled([...beforeLock].map((flush) => flush()));
}

/** Unlocking opens a store; locking passes null (the decrypted state is then dropped). */
export function setCurrentStore(store: LocalStore | null): void {
  if (current && current !== store) current.close();
  current = store;
  for (const listener of switches) listener();
}

export function hasCurrentStore(): boolean {
  return current !== null;
}

export function currentStore(): LocalStore {
  if (!current) throw new Error('The app is locked: no store is open.');
  return current;
}

/** Calls `listener` on every change of the current store's data and when the store is switched. */
export function subscribeStore(listener: () => void): () => void {
  let unsubscribe = current?.subscribe(listener) ?? (() => undefined);
  const onSwitch = () => {
    unsubscribe();
    unsubscribe = current?.subscribe(listener) ?? (() => undefined);
    listener();
  };
  switches.add(onSwitch);
  return () => {
    switches.delete(onSwitch);
    unsubscribe();
  };
}

const subscribeSwitch = (listener: () => void) => {
  switches.add(listener);
  return () => switches.delete(listener);
};

/** Whether a store is unlocked (re-renders on unlock and lock). */
export function useUnlocked(): boolean {
  return useSyncExternalStore(subscribeSwitch, hasCurrentStore, hasCurrentStore);
}

export const records = recordReader(currentStore);

/**
 * Re-renders when the data the query reads changes. `undefined` while loading (also after `deps`
 * change) unless `initial` can answer at once; an error is thrown to the nearest error boundary,
 * as a failed render would be.
 */
export function useLive<T>(query: () => Promise<T>, deps: unknown[], initial?: () => T): T | undefined {
  // `initial` answers the first render from memory when a store is open (no empty first frame).
  const [result, setResult] = useState<{ deps: unknown[]; value?: T; error?: unknown } | null>(() =>
    initial && current ? { deps, value: initial() } : null,
  );
  useEffect(() => {
    let live = true;
    let running = false;
    let again = false;
    const run = () => {
      if (running) {
        again = true;
        return;
      }
      if (!current) return;
      running = true;
      query()
        .then((value) => live && setResult({ deps, value }))
        .catch((error: unknown) => live && setResult({ deps, error }))
        .finally(() => {
          running = false;
          if (again && live) {
            again = false;
            run();
          }
        });
    };
    run();
    const unsubscribe = subscribeStore(run);
    return () => {
      live = false;
      unsubscribe();
    };
    // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps decide, as with useEffect
  }, deps);
  if (!result || !sameDeps(result.deps, deps)) return undefined;
  if (result.error !== undefined) throw result.error;
  return result.value;
}

const sameDeps = (a: unknown[], b: unknown[]) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

/** One record, live: `undefined` while loading, `null` when it is not on this device. */
export function useRecord<K extends RecordKind>(kind: K, id: string): RecordView<K> | null | undefined {
  return useLive(async () => (await records.get(kind, id)) ?? null, [kind, id]);
}
