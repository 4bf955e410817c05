/**
 * Keeps what a nurse types in a form as a draft record while she types (debounced), so it
 * survives a reload, a crash, going offline and an app update, and syncs marked as a draft.
 * The last keystrokes are written before the app locks, so after unlocking the form reopens with
 * them. Reopening the form resumes from the draft; saving or signing the record removes it. Each device
 * writes only its own draft of a form (no conflicts between two tablets); a device without one
 * resumes from the draft another device committed last (draftToResume), and saving removes them all.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { draftOf, draftToResume, mergeDraft } from '../../shared/visits/draft.ts';
import { onBeforeLock, records } from '../db/store.ts';
import { thisDeviceId, writer } from '../db/write-store.ts';
import { useUnsavedInput } from '../pwa/unsaved.ts';

const DEBOUNCE_MS = 400;

type Refs = { familyId: string; childId: string };

export function useDraft<T extends Record<string, unknown>>(formKey: string, defaults: T, refs: Refs) {
  const [state, setState] = useState<{
    values: T;
    restored: boolean;
    /** The draft came from another device (this one had none). */
    fromOtherDevice: boolean;
    savedAt: string | null;
  } | null>(null);
  const draftId = useRef<string | undefined>(undefined);
  const deviceId = useRef('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<Record<string, unknown> | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  // The defaults are read once, when the form opens; the refs may be a new object on each render.
  const initialDefaults = useRef(defaults);
  const refsNow = useRef(refs);
  refsNow.current = refs;

  useEffect(() => {
    let live = true;
    void Promise.all([records.byIndex('draft', 'formKey', formKey), thisDeviceId()]).then(([found, me]) => {
      if (!live) return;
      deviceId.current = me;
      const resume = draftToResume(found, me);
      draftId.current = resume?.own ? resume.draft.id : undefined;
      const merged = mergeDraft(initialDefaults.current, resume?.draft.data.data);
      setState({
        values: merged.values,
        restored: Boolean(resume),
        fromOtherDevice: resume ? !resume.own : false,
        savedAt: resume?.draft.data.updatedAt ?? null,
      });
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
      const draft = draftOf(formKey, values, new Date(), { ...refsNow.current, deviceId: deviceId.current });
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

  /** The record was saved: the drafts of the form (this device's and any other's) have done their job. */
  const discard = useCallback(async () => {
    clearTimeout(timer.current);
    pending.current = null;
    await queue.current;
    draftId.current = undefined;
    for (const draft of await records.byIndex('draft', 'formKey', formKey)) await writer.remove('draft', draft.id);
  }, [formKey]);

  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onPageHide = () => void flush();
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', onPageHide);
    // The app is about to lock: the last keystrokes reach the encrypted draft first.
    const unregister = onBeforeLock(flush);
    return () => {
      unregister();
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

/**
 * A free-text field of journal material (a new note, a reflection, a group note) kept in a draft as
 * it is typed and covered by the unsaved-input guard while it differs from what is saved. `saved`
 * is the stored text ('' for a new note); `reset` sets the field without a draft (after saving).
 */
export function useTextDraft(formKey: string, saved: string, refs: Refs) {
  const { state, keep, discard } = useDraft(formKey, { text: saved }, refs);
  const [text, setTextState] = useState<string | null>(null);
  // Typed on this device (or resumed from this device's own draft): only then does leaving lose it.
  const [typedHere, setTypedHere] = useState(false);
  useEffect(() => {
    if (state && text === null) {
      setTextState(typeof state.values.text === 'string' ? state.values.text : saved);
      setTypedHere(state.restored && !state.fromOtherDevice);
    }
  }, [state, text, saved]);
  useUnsavedInput(`text:${formKey}`, typedHere && text !== null && text !== saved);
  const setText = useCallback(
    (value: string) => {
      setTextState(value);
      setTypedHere(true);
      keep({ text: value });
    },
    [keep],
  );
  const reset = useCallback(
    async (value: string) => {
      // The draft goes first: a field shown empty while its draft still exists would come back
      // with the old text after a reload (the signed note's text, as a new draft).
      await discard();
      setTextState(value);
      setTypedHere(false);
    },
    [discard],
  );
  return { ready: text !== null, text: text ?? '', restored: state?.restored ?? false, setText, reset };
}
