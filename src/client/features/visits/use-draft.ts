/**
 * Keeps what a nurse types in a form as a draft record while she types (debounced), so it
 * survives a reload, a crash, going offline and an app update, and syncs marked as a draft.
 * Reopening the form resumes from the draft; saving or signing the record removes it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { draftOf, mergeDraft } from '../../../shared/visits/draft.ts';
import { records } from '../../db/store.ts';
import { writer } from '../../db/write-store.ts';

const DEBOUNCE_MS = 400;

type Refs = { familyId: string; childId: string };

export function useDraft<T extends Record<string, unknown>>(formKey: string, defaults: T, refs: Refs) {
  const [state, setState] = useState<{ values: T; restored: boolean; savedAt: string | null } | null>(null);
  const draftId = useRef<string | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<Record<string, unknown> | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  // The defaults are read once, when the form opens; the refs may be a new object on each render.
  const initialDefaults = useRef(defaults);
  const refsNow = useRef(refs);
  refsNow.current = refs;

  useEffect(() => {
    let live = true;
    void records.byIndex('draft', 'formKey', formKey).then((found) => {
      if (!live) return;
      const draft = found.sort((a, b) => b.data.updatedAt.localeCompare(a.data.updatedAt))[0];
      draftId.current = draft?.id;
      const merged = mergeDraft(initialDefaults.current, draft?.data.data);
      setState({ values: merged.values, restored: Boolean(draft), savedAt: draft?.data.updatedAt ?? null });
    });
    return () => {
      live = false;
    };
  }, [formKey]);

  const write = useCallback(() => {
    const values = pending.current;
    pending.current = null;
    if (!values) return queue.current;
    // Writes are chained so a create is never raced by an update of the same draft.
    queue.current = queue.current.then(async () => {
      const draft = draftOf(formKey, values, new Date(), refsNow.current);
      if (draftId.current) await writer.update('draft', draftId.current, draft);
      else draftId.current = await writer.create('draft', draft);
      setState((s) => (s ? { ...s, savedAt: draft.updatedAt } : s));
    });
    return queue.current;
  }, [formKey]);

  /** Called on every change: the draft is written shortly after typing pauses. */
  const keep = useCallback(
    (values: Record<string, unknown>) => {
      pending.current = values;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void write(), DEBOUNCE_MS);
    },
    [write],
  );

  /** Writes a pending change now (e.g. when the page is hidden). */
  const flush = useCallback(() => {
    clearTimeout(timer.current);
    return write();
  }, [write]);

  /** The record was saved: the draft has done its job. */
  const discard = useCallback(async () => {
    clearTimeout(timer.current);
    pending.current = null;
    await queue.current;
    if (draftId.current) await writer.remove('draft', draftId.current);
    draftId.current = undefined;
  }, []);

  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onPageHide = () => void flush();
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', onPageHide);
      void flush();
    };
  }, [flush]);

  return { state, keep, flush, discard };
}

/**
 * Sends a form's values to its draft whenever they change, but not when the form opens (opening
 * is not typing, and an untouched form needs no draft).
 */
export function useKeepOnChange(values: Record<string, unknown>, keep: (values: Record<string, unknown>) => void) {
  const opened = useRef(true);
  useEffect(() => {
    if (opened.current) {
      opened.current = false;
      return;
    }
    keep(values);
  }, [values, keep]);
}
