/**
 * The pure conflict rule of push (sync guarantee 3), deterministic and clock-free (guarantee 8).
 * Each top-level field remembers the rev and device of its last write, and the devices that have
 * since written the same value (agreed). An edit based on `baseRev` conflicts only with fields
 * that OTHER devices changed after baseRev: a device's own successive offline edits never
 * conflict with each other, and neither does a device's edit of a value it agreed with.
 * Edit-versus-delete is always a conflict.
 */

export type FieldMeta = Record<string, { rev: number; device: string; agreed?: string[] }>;

export type CurrentRecord = {
  rev: number;
  deleted: boolean;
  data: Record<string, unknown>;
  fieldMeta: FieldMeta;
};

export type Decision =
  | { outcome: 'apply' } // nobody else wrote since baseRev
  | { outcome: 'merge' } // others wrote other fields: apply the patch on top
  | { outcome: 'conflict'; fields: string[] } // both sides changed these fields: a person decides
  | { outcome: 'noop' }; // the wanted state already holds (delete of a deleted record)

/** Fields written by other devices after baseRev, sorted. */
export function fieldsChangedByOthers(meta: FieldMeta, baseRev: number, deviceId: string): string[] {
  return Object.entries(meta)
    .filter(([, m]) => m.rev > baseRev && m.device !== deviceId && !(m.agreed ?? []).includes(deviceId))
    .map(([field]) => field)
    .sort();
}

export function decideUpdate(input: {
  current: CurrentRecord;
  baseRev: number;
  deviceId: string;
  patch: Record<string, unknown>;
  mergeable: boolean;
}): Decision {
  const { current, baseRev, deviceId, patch } = input;
  const patchFields = Object.keys(patch).sort();
  // Edit versus delete: the editor has not seen the deletion, or it is being undone by accident.
  if (current.deleted) return { outcome: 'conflict', fields: patchFields };
  // A base newer than the server (e.g. the server was restored from a backup): never overwrite blindly.
  if (baseRev > current.rev) return { outcome: 'conflict', fields: patchFields };
  if (baseRev === current.rev) return { outcome: 'apply' };
  const others = fieldsChangedByOthers(current.fieldMeta, baseRev, deviceId);
  if (others.length === 0) return { outcome: 'apply' };
  // Setting a field to the value it already has is agreement, not a conflict.
  const overlap = patchFields.filter((f) => others.includes(f) && !sameValue(patch[f], current.data[f]));
  if (overlap.length > 0) return { outcome: 'conflict', fields: overlap };
  return input.mergeable ? { outcome: 'merge' } : { outcome: 'conflict', fields: others };
}

export function decideDelete(input: { current: CurrentRecord; baseRev: number; deviceId: string }): Decision {
  const { current, baseRev, deviceId } = input;
  if (current.deleted) return { outcome: 'noop' };
  if (baseRev > current.rev) return { outcome: 'conflict', fields: [] };
  if (baseRev === current.rev) return { outcome: 'apply' };
  const others = fieldsChangedByOthers(current.fieldMeta, baseRev, deviceId);
  // Delete versus edit: the deleting person has not seen someone else's later changes.
  return others.length === 0 ? { outcome: 'apply' } : { outcome: 'conflict', fields: others };
}

/** The meta after a write of `fields` at `rev` by `deviceId`. */
export function touchFields(meta: FieldMeta, fields: Iterable<string>, rev: number, deviceId: string): FieldMeta {
  const next = { ...meta };
  for (const field of fields) next[field] = { rev, device: deviceId };
  return next;
}

/**
 * The meta after `deviceId` wrote the value a field already had: the field keeps its writer and
 * rev, and the device joins those who own the value (its next edit of it is its own edit).
 */
export function agreeFields(meta: FieldMeta, fields: Iterable<string>, deviceId: string): FieldMeta {
  const next = { ...meta };
  for (const field of fields) {
    const current = next[field];
    if (!current || current.device === deviceId || current.agreed?.includes(deviceId)) continue;
    next[field] = { ...current, agreed: [...(current.agreed ?? []), deviceId].sort() };
  }
  return next;
}

/** Structural equality of JSON values (key order does not matter). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(rb, k) && sameValue(ra[k], rb[k]));
}
