/** A human title for any record, for lists that mix kinds (conflicts, rejected changes). */
import { isRecordKind } from '../../../shared/schemas/kinds.ts';
import { records } from '../../db/store.ts';

export async function recordTitle(kind: string, id: string): Promise<string> {
  if (!isRecordKind(kind)) return kind;
  const found = await records.getWithDeleted(kind, id);
  if (!found) return kind;
  const data = found.data as Record<string, unknown>;
  if (kind === 'family') return String(data.name ?? '');
  if (kind === 'child') return `${String(data.firstName ?? '')} ${String(data.lastName ?? '')}`.trim();
  return kind;
}
