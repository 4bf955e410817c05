/**
 * Which family (citizen household) a synced record concerns, from its envelope: a family is its
 * own id; caseload, visit, journal and COS-P records carry `familyId`; a conflict concerns the
 * family of the record it is about. Records of no family (settings, courses) give null. Used to
 * file pull events by family, so the access extract can be answered per citizen.
 */
import type { SyncRecord } from '../../shared/sync/record.ts';

const familyField = (data: unknown): string | null => {
  const value = typeof data === 'object' && data !== null ? (data as Record<string, unknown>).familyId : undefined;
  return typeof value === 'string' && value.length > 0 && value.length <= 64 ? value : null;
};

export function familyOf(record: Pick<SyncRecord, 'kind' | 'id' | 'data'>): string | null {
  if (record.kind === 'family') return record.id;
  if (record.kind === 'conflict') {
    const d = record.data as Record<string, unknown>;
    if (d.recordKind === 'family' && typeof d.recordId === 'string') return d.recordId;
    return familyField(d.theirs) ?? familyField(d.mine);
  }
  return familyField(record.data);
}

/** The distinct families of a page of records. */
export function familiesOf(records: Iterable<Pick<SyncRecord, 'kind' | 'id' | 'data'>>): Set<string> {
  const out = new Set<string>();
  for (const r of records) {
    const id = familyOf(r);
    if (id) out.add(id);
  }
  return out;
}
