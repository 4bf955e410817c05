/**
 * The shared behaviour of record forms: react-hook-form validated by the kind's shared zod schema,
 * inline errors, the unsaved-input guard (update prompt, leaving the page, in-app navigation), and
 * a save that reports success only after the local transaction committed. A refused submit moves
 * focus to the first invalid field, scrolled clear of the sticky bars (focus-problem.ts).
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { type BaseSyntheticEvent, useRef, useState } from 'react';
import { type DefaultValues, type FieldValues, type Path, useForm } from 'react-hook-form';
import type * as z from 'zod/mini';
import type { RecordKind } from '../../shared/schemas/kinds.ts';
import { baseOf, ValidationError } from '../db/records.ts';
import { currentStore } from '../db/store.ts';
import { writer } from '../db/write-store.ts';
import { useUnsavedInput, useUnsavedStore } from '../pwa/unsaved.ts';
import { useFocusProblemAfterRender } from './focus-problem.ts';
import { failureReason } from './save-attempt.tsx';

type Options<In extends FieldValues> = {
  kind: RecordKind;
  /** The record being edited; absent for a new record. */
  id?: string;
  defaultValues: DefaultValues<In>;
  onSaved: (id: string) => void;
  /** Asked before saving valid input; returning false stops the save (e.g. a duplicate warning). */
  beforeSave?: (values: unknown) => Promise<boolean>;
};

export type SaveStatus = { state: 'idle' | 'saving' | 'error'; error?: string };

export function useRecordForm<S extends z.ZodMiniType<FieldValues, FieldValues>>(
  schema: S,
  { kind, id, defaultValues, onSaved, beforeSave }: Options<z.input<S>>,
) {
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema as never) as never,
    defaultValues,
    mode: 'onTouched',
    // Focus is moved by useFocusProblemAfterRender instead: centred, never under a sticky bar.
    shouldFocusError: false,
  });
  // What the nurse sees when the form opens: her save is based on it, so a colleague's change that
  // arrives by sync while she types is merged or shown as a conflict, never silently reverted.
  const base = useRef(id ? baseOf(currentStore(), kind, id) : undefined);
  const focusProblem = useFocusProblemAfterRender();
  const formElement = useRef<Element | null>(null);
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });
  const [saved, setSaved] = useState(false);
  const dirty = form.formState.isDirty && !saved;
  const formId = `${kind}-form-${id ?? 'new'}`;
  useUnsavedInput(formId, dirty);

  const save = form.handleSubmit(
    async (values) => {
      if (beforeSave && !(await beforeSave(values))) return;
      setStatus({ state: 'saving' });
      try {
        const savedId = id ?? crypto.randomUUID();
        if (id) await writer.update(kind, id, values, base.current);
        else await writer.create(kind, values, savedId);
        setSaved(true);
        setStatus({ state: 'idle' });
        // Saved: release the unsaved guard now, before navigating away.
        useUnsavedStore.getState().set(formId, false);
        onSaved(savedId);
      } catch (error) {
        if (error instanceof ValidationError) {
          for (const issue of error.issues) form.setError(issue.path as Path<z.input<S>>, { message: issue.message });
          setStatus({ state: 'idle' });
          focusProblem(formElement.current);
        } else {
          setStatus({ state: 'error', error: failureReason(error) });
        }
      }
    },
    () => focusProblem(formElement.current),
  );

  /** The form's onSubmit (or a button's resubmit without an event). */
  const submit = (event?: BaseSyntheticEvent) => {
    const target = event?.currentTarget;
    if (target instanceof Element) formElement.current = target.closest('form') ?? target;
    return save(event);
  };

  return { form, submit, status };
}
