/**
 * The journal of a child (or of one visit): notes are drafts until signed; a signed note is
 * final, and a correction is a new signed note that points to the original and gives a reason,
 * with the original still shown. Who and when are on every entry (journalføringsbekendtgørelsen).
 */
import type { ReactNode } from 'react';
import type { Signer, Stored } from '../../../shared/journal/signature.ts';
import { amendNote, noteHistory, signNote } from '../../../shared/journal/signed-note.ts';
import { newNoteDraftKey } from '../../../shared/visits/draft.ts';
import { type JournalNote, newNote } from '../../../shared/visits/journal.ts';
import type { RecordView } from '../../db/reader.ts';
import { writer } from '../../db/write-store.ts';
import { useSaveAttempt } from '../../forms/save-attempt.tsx';
import { type NoteActions, NoteThreadList } from '../../forms/signed-notes.tsx';
import { useTextDraft } from '../../forms/use-draft.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { askBeforeSigning } from '../../sync/lock-state.ts';
import { formatDate } from '../../ui/dates.ts';

type Props = {
  notes: RecordView<'journalNote'>[];
  refs: { familyId: string; childId: string; visitId?: string };
  me: Signer;
  /** An archived family or child: the journal is shown, nothing is added. */
  readOnly?: boolean;
  /** The child's visits, to say at which visit a note was written. */
  visits?: RecordView<'visit'>[];
  /** Other signed journal records shown with the notes (composed by the page, e.g. meetings). */
  extra?: ReactNode;
};

export const journalActions = (me: Signer): NoteActions<JournalNote> => ({
  me,
  onEdit: async (note, text, sign) => {
    const data = { ...note.data, text };
    await writer.update('journalNote', note.id, sign ? signNote(data, me, new Date()) : data);
  },
  onAmend: async (original: Stored<JournalNote>, text, reason) => {
    await writer.create('journalNote', amendNote(original, text, reason, me, new Date()));
  },
});

export function Journal({ notes, refs, me, readOnly = false, visits = [], extra }: Props) {
  const { t, i18n } = useTranslation();
  const visitOf = new Map(visits.map((v) => [v.id, v.data]));
  const context = (note: Stored<JournalNote>) => {
    const visit = visitOf.get(note.data.visitId);
    if (visit)
      return t('notes.atVisit', {
        date: formatDate(visit.date, i18n.language),
        type: t(`caseload.plan.types.${visit.type}`),
      });
    return note.data.childId === '' ? t('notes.aboutFamily') : null;
  };
  const draft = useTextDraft(newNoteDraftKey(refs), '', { familyId: refs.familyId, childId: refs.childId });
  const threads = noteHistory(notes);

  const { attempt, message: saveFailure } = useSaveAttempt();
  const create = async (signNow: boolean) => {
    if (signNow && !(await askBeforeSigning())) return;
    const note = newNote(refs, me, draft.text);
    await writer.create('journalNote', signNow ? signNote(note, me, new Date()) : note);
    await draft.reset('');
  };
  const text = draft.text;

  return (
    <section className="card" aria-labelledby="journal-heading">
      <h2 id="journal-heading">{t('visits.journal')}</h2>
      {extra}
      {threads.length === 0 ? <p className="muted">{t('visits.noNotes')}</p> : null}
      <NoteThreadList
        threads={threads}
        actions={readOnly ? null : journalActions(me)}
        context={refs.visitId ? undefined : context}
      />
      {readOnly ? null : (
        <>
          <div className="field">
            <label className="field__label" htmlFor="new-note">
              {t('visits.newNote')}
            </label>
            <textarea
              id="new-note"
              rows={4}
              value={text}
              disabled={!draft.ready}
              onChange={(e) => draft.setText(e.target.value)}
            />
          </div>
          <div className="inline-form__actions">
            <button
              type="button"
              className="button"
              disabled={text.trim() === ''}
              onClick={attempt(() => create(false))}
            >
              {t('notes.saveDraft')}
            </button>
            <button
              type="button"
              className="button button--primary"
              disabled={text.trim() === ''}
              onClick={attempt(() => create(true))}
            >
              {t('notes.sign')}
            </button>
          </div>
          {saveFailure}
        </>
      )}
    </section>
  );
}
