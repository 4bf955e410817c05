/**
 * Workflows on a whole visit. Discarding an accidental draft visit removes it with everything
 * recorded under it (sections, instrument responses, draft notes and every draft of its forms) and
 * plans its contact again; a signed visit, or one with a signed journal note, is never discarded
 * (visitDiscardProblem). Deletions sync like any change; the server checks the same rules.
 */
import { contactAfterDiscard, visitDiscardProblem } from '../../../shared/visits/visit.ts';
import { records } from '../../db/store.ts';
import { writer } from '../../db/write-store.ts';

export type DiscardOutcome = { ok: true } | { ok: false; reason: 'signed' | 'signed-note' | 'not-found' };

/** The form keys of a visit's drafts: the visit, its sections and instruments, and its notes. */
const ownsDraft = (formKey: string, visitId: string, noteIds: Set<string>) => {
  const [kind, id] = formKey.split(':');
  return id === visitId || (kind === 'journal' && noteIds.has(id ?? ''));
};

export async function discardDraftVisit(visitId: string): Promise<DiscardOutcome> {
  const visit = await records.get('visit', visitId);
  if (!visit) return { ok: false, reason: 'not-found' };
  const notes = await records.byIndex('journalNote', 'visitId', visitId);
  const problem = visitDiscardProblem(
    visit.data,
    notes.map((n) => n.data),
  );
  if (problem) return { ok: false, reason: problem };
  const [observations, responses, drafts] = await Promise.all([
    records.byIndex('observation', 'visitId', visitId),
    records.byIndex('instrumentResponse', 'visitId', visitId),
    records.all('draft'),
  ]);
  const noteIds = new Set(notes.map((n) => n.id));
  // What hangs on the visit goes first, so no record is ever left pointing at a deleted visit.
  for (const draft of drafts)
    if (ownsDraft(draft.data.formKey, visitId, noteIds)) await writer.remove('draft', draft.id);
  for (const note of notes) await writer.remove('journalNote', note.id);
  for (const response of responses) await writer.remove('instrumentResponse', response.id);
  for (const observation of observations) await writer.remove('observation', observation.id);
  await writer.remove('visit', visitId);
  const contact = visit.data.contactId ? await records.get('contact', visit.data.contactId) : undefined;
  const planned = contact ? contactAfterDiscard(visit.data, contact.data) : null;
  if (contact && planned) await writer.update('contact', contact.id, { ...contact.data, ...planned });
  return { ok: true };
}
