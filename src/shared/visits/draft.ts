/**
 * Drafts of form input in progress (a visit, a section, a journal note), kept as the nurse types so
 * nothing is lost when the tablet sleeps or the app updates, and synced as records of their own.
 * A draft holds any JSON object: it is not validated as the record it will become, so the form's
 * own schema decides on save. mergeDraft puts a draft over a form's defaults, keeping only values
 * whose shape fits the form (a draft may be older than the form it is restored into).
 */
import * as z from 'zod/mini';
import { caseloadMsg } from '../caseload/caseload-fields.ts';
import { inCommitOrder, type Stored } from '../journal/signature.ts';
import { msg, optionalId, optionalText } from '../schemas/fields.ts';
import type { ObservationSection } from './observation.ts';

/** The largest draft, as JSON characters: generous for a form, small for the sync batch. */
export const DRAFT_MAX_CHARS = 100_000;

const FORM_KEY = /^[a-z][a-z-]*(:[A-Za-z0-9-]+)+$/;

/**
 * What a draft is for: 'visit:<id>', 'observation:<visitId>:<section>', 'journal:<noteId>',
 * 'instrument:<visitId>:epds:<caregiverId>', 'instrument:<visitId>:adbb'.
 */
export const formKeyField = z
  .string({ error: msg.required })
  .check(z.maxLength(200, { error: msg.tooLong }), z.regex(FORM_KEY, { error: caseloadMsg.keyFormat }));

export const draftSchema = z.object({
  formKey: formKeyField,
  /** For the device's indexes and the team's access: the family and child the form is about. */
  familyId: optionalId,
  childId: optionalId,
  /**
   * The device that types in this draft: each device writes only its own draft of a form, so two
   * tablets typing in the same form never conflict. '' in drafts from before devices were named.
   */
  deviceId: optionalText(100),
  /** The form's values as typed (a JSON object). */
  data: z
    .record(z.string(), z.json())
    .check(z.refine((data) => JSON.stringify(data).length <= DRAFT_MAX_CHARS, { error: msg.tooLong })),
  /** When last typed in, by the device's clock: shown ("saved 10:42"), never used to choose. */
  updatedAt: z.iso.datetime({ offset: true }),
});

export type Draft = z.output<typeof draftSchema>;
export type DraftData = Draft['data'];

export const visitDraftKey = (visitId: string) => `visit:${visitId}`;
export const observationDraftKey = (visitId: string, section: ObservationSection) =>
  `observation:${visitId}:${section}`;
export const journalDraftKey = (noteId: string) => `journal:${noteId}`;
/** A new journal note being typed: about the family, or one child, or one visit. */
export const newNoteDraftKey = (refs: { familyId: string; childId?: string; visitId?: string }) =>
  `journal-new:${refs.familyId}:${refs.childId || 'familie'}:${refs.visitId || 'ingen'}`;
/** A family's reflection on a COS-P session, and a facilitator's group note, being typed. */
export const reflectionDraftKey = (sessionId: string, familyId: string) => `reflection:${sessionId}:${familyId}`;
export const groupNoteDraftKey = (sessionId: string) => `group-note:${sessionId}`;
/** A text field of a COS-P session (e.g. the deviations from the manual) being typed. */
export const sessionDraftKey = (sessionId: string, field: string) => `session:${sessionId}:${field}`;
/** EPDS is per parent (the caregiver's id); ADBB is the child's, one per visit. */
export const instrumentDraftKey = (visitId: string, instrument: 'epds' | 'adbb', caregiverId = '') =>
  caregiverId === '' ? `instrument:${visitId}:${instrument}` : `instrument:${visitId}:${instrument}:${caregiverId}`;

/** A draft of a form's current values. */
export function draftOf(
  formKey: string,
  values: Record<string, unknown>,
  now: Date,
  refs: { familyId?: string; childId?: string; deviceId?: string } = {},
): Draft {
  // Through JSON: drops undefined and functions, the way the draft will be stored and synced.
  const data = JSON.parse(JSON.stringify(values)) as DraftData;
  return {
    formKey,
    familyId: refs.familyId ?? '',
    childId: refs.childId ?? '',
    deviceId: refs.deviceId ?? '',
    data,
    updatedAt: now.toISOString(),
  };
}

/**
 * The draft a form resumes from on this device: its own (the last in commit order), else the one
 * another device committed last, so typing on one tablet is not lost on another. Never chosen by
 * a device clock. A draft without a device (older app) counts as this device's own.
 */
export function draftToResume<D extends Stored<Pick<Draft, 'deviceId'>>>(
  drafts: readonly D[],
  deviceId: string,
): { draft: D; own: boolean } | null {
  const ordered = inCommitOrder(drafts) as D[];
  const own = ordered.filter((d) => d.data.deviceId === deviceId || d.data.deviceId === '').at(-1);
  if (own) return { draft: own, own: true };
  const other = ordered.at(-1);
  return other ? { draft: other, own: false } : null;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether a drafted value may stand where the default is (same JSON shape; a number may be cleared). */
function fits(def: unknown, value: unknown): boolean {
  if (def === null) return value === null || ['string', 'number', 'boolean'].includes(typeof value);
  if (Array.isArray(def)) return Array.isArray(value);
  if (typeof def === 'number') return value === null || (typeof value === 'number' && Number.isFinite(value));
  return typeof value === typeof def && !isPlainObject(def);
}

function merge(def: unknown, value: unknown, path: string, dropped: string[]): unknown {
  if (isPlainObject(def)) {
    if (!isPlainObject(value)) {
      dropped.push(path);
      return def;
    }
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(def)) {
      const at = path === '' ? key : `${path}.${key}`;
      out[key] = Object.hasOwn(value, key) ? merge(inner, value[key], at, dropped) : inner;
    }
    for (const key of Object.keys(value))
      if (!Object.hasOwn(def, key)) dropped.push(path === '' ? key : `${path}.${key}`);
    return out;
  }
  if (fits(def, value)) return value;
  dropped.push(path);
  return def;
}

export type MergedDraft<T> = {
  /** The defaults with the draft's values where they fit. */
  values: T;
  /** Paths of drafted values left out: unknown to the form, or of another shape. */
  dropped: string[];
};

/**
 * The form's default values with a draft laid over them, field by field (objects recursively,
 * arrays whole). Drafted values of another shape, and fields the form no longer has, are left out
 * and listed. No draft: the defaults. Neither input is changed.
 */
export function mergeDraft<T extends Record<string, unknown>>(
  defaults: T,
  draft: DraftData | null | undefined,
): MergedDraft<T> {
  const dropped: string[] = [];
  if (!draft) return { values: structuredClone(defaults), dropped };
  const values = merge(structuredClone(defaults), structuredClone(draft), '', dropped) as T;
  return { values, dropped };
}

/** Whether the values differ from the saved ones as JSON (no draft is needed when they do not). */
export function differsFromSaved(values: Record<string, unknown>, saved: Record<string, unknown>): boolean {
  return canonicalJson(values) !== canonicalJson(saved);
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    isPlainObject(inner)
      ? Object.fromEntries(
          Object.keys(inner)
            .sort()
            .map((k) => [k, inner[k]]),
        )
      : inner,
  );
}
