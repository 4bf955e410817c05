/** Reads shared by the visit page and its print summary. */
import type { RecordView } from '../../db/reader.ts';
import { records } from '../../db/store.ts';

/**
 * The names of parents who answered an EPDS of these responses but are not among `current` (a
 * caregiver deleted since): the response still names the parent it is about.
 */
export async function parentNames(
  instruments: RecordView<'instrumentResponse'>[],
  current: RecordView<'caregiver'>[],
): Promise<Record<string, string>> {
  const known = new Set(current.map((c) => c.id));
  const missing = [...new Set(instruments.map((r) => r.data.caregiverId))].filter((id) => id !== '' && !known.has(id));
  const found = await Promise.all(missing.map((id) => records.getWithDeleted('caregiver', id)));
  return Object.fromEntries(found.flatMap((c) => (c ? [[c.id, c.data.name]] : [])));
}
