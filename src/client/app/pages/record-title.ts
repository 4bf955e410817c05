/**
 * A human title for any record, for lists that mix kinds (conflicts, rejected changes): the kind's
 * name and its title, both from its registry entry (shared/schemas/kinds.ts).
 */
import { isRecordKind, registry } from '../../../shared/schemas/kinds.ts';
import { records } from '../../db/store.ts';
import { i18n } from '../../i18n/i18n.ts';

export async function recordTitle(kind: string, id: string): Promise<string> {
  if (!isRecordKind(kind)) return kind;
  const spec = registry[kind];
  const label = i18n.t(spec.labelKey as 'kinds.family');
  const found = await records.getWithDeleted(kind, id);
  const title = found ? spec.title(found.data as Record<string, unknown>) : '';
  return title === '' ? label : `${label}: ${title}`;
}
