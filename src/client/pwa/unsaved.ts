/**
 * Which forms hold unsaved input (UI state, zustand). The update prompt reads it so a new version
 * never reloads the app under a nurse's typing, and the browser's leave-page warning is armed
 * while anything is unsaved.
 */
import { useEffect } from 'react';
import { create } from 'zustand';

type UnsavedState = { forms: Record<string, true>; set: (id: string, dirty: boolean) => void };

export const useUnsavedStore = create<UnsavedState>((set) => ({
  forms: {},
  set: (id, dirty) =>
    set((state) => {
      if (dirty === Boolean(state.forms[id])) return state;
      const forms = { ...state.forms };
      if (dirty) forms[id] = true;
      else delete forms[id];
      return { forms };
    }),
}));

export const hasUnsavedInput = () => Object.keys(useUnsavedStore.getState().forms).length > 0;
export const useHasUnsavedInput = () => useUnsavedStore((state) => Object.keys(state.forms).length > 0);

const warnBeforeUnload = (event: BeforeUnloadEvent) => {
  if (!hasUnsavedInput()) return;
  event.preventDefault();
};

/** Marks the calling form as holding unsaved input while `dirty` is true. */
export function useUnsavedInput(id: string, dirty: boolean): void {
  useEffect(() => {
    useUnsavedStore.getState().set(id, dirty);
    if (dirty) window.addEventListener('beforeunload', warnBeforeUnload);
    return () => {
      useUnsavedStore.getState().set(id, false);
      window.removeEventListener('beforeunload', warnBeforeUnload);
    };
  }, [id, dirty]);
}
