/**
 * The journal of a child (or of one visit): notes are drafts until signed; a signed note is
 * final, and a correction is a new signed note that points to the original and gives a reason,
 * with the original still shown. Who and when are on every entry (journalføringsbekendtgørelsen).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stored } from '../../../shared/visits/common.ts';
import { amend, canEdit, type JournalNote, journalHistory, newNote, sign } from '../../../shared/visits/journal.ts';
import type { RecordView } from '../../db/reader.ts';
import { writer } from '../../db/write-store.ts';
import { formatWhen } from '../../ui/dates.ts';

type Signer = { id: string; displayName: string };
type Props = {
  notes: RecordView<'journalNote'>[];
  refs: { familyId: string; childId: string; visitId?: string };
  me: Signer;
};

export function Journal({ notes, refs, me }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const threads = journalHistory(notes);

  const create = async (signNow: boolean) => {
    const note = newNote(refs, me, text);
    await writer.create('journalNote', signNow ? sign(note, me, new Date()) : note);
    setText('');
  };

  return (
    <section className="card" aria-labelledby="journal-heading">
      <h2 id="journal-heading">{t('visits.journal')}</h2>
      {threads.length === 0 ? <p className="muted">{t('visits.noNotes')}</p> : null}
      <ul className="plain-list">
        {threads.map((thread) =>
          thread.original ? (
            <li key={thread.originalId} className="journal-entry">
              <NoteView note={thread.original} me={me} />
              {thread.amendments.map((a) => (
                <div key={a.id} className="reflection__amendment">
                  <NoteView note={a} me={me} />
                </div>
              ))}
            </li>
          ) : null,
        )}
      </ul>
      <div className="field">
        <label className="field__label" htmlFor="new-note">
          {t('visits.newNote')}
        </label>
        <textarea id="new-note" rows={4} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <div className="inline-form__actions">
        <button type="button" className="button" disabled={text.trim() === ''} onClick={() => void create(false)}>
          {t('visits.saveNote')}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={text.trim() === ''}
          onClick={() => void create(true)}
        >
          {t('visits.signNote')}
        </button>
      </div>
    </section>
  );
}

function NoteView({ note, me }: { note: Stored<JournalNote>; me: Signer }) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState(note.data.text);
  const [amending, setAmending] = useState(false);
  const [amendText, setAmendText] = useState('');
  const [reason, setReason] = useState('');
  const data: JournalNote = note.data;
  const status = t(`visits.status.${data.status}`);

  if (canEdit(data)) {
    return (
      <div className="journal-note">
        <p className="muted">{t('visits.noteBy', { author: data.author, status })}</p>
        <textarea aria-label={t('visits.noteText')} rows={3} value={draft} onChange={(e) => setDraft(e.target.value)} />
        <div className="inline-form__actions">
          <button
            type="button"
            className="button button--small"
            onClick={() => void writer.update('journalNote', note.id, { ...data, text: draft })}
          >
            {t('visits.saveNote')}
          </button>
          <button
            type="button"
            className="button button--small button--primary"
            disabled={draft.trim() === ''}
            onClick={() => void writer.update('journalNote', note.id, sign({ ...data, text: draft }, me, new Date()))}
          >
            {t('visits.signNote')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="journal-note">
      {data.amendsId ? (
        <p className="muted">
          <strong>{t('visits.amendment')}</strong> · {t('visits.amendReason')}: {data.amendmentReason}
        </p>
      ) : null}
      <p className="prewrap">{data.text}</p>
      <p className="muted">
        {t('visits.signed', { who: data.signedBy, when: formatWhen(data.signedAt, i18n.language) })}
      </p>
      {data.amendsId === '' && !amending ? (
        <button type="button" className="button button--small" onClick={() => setAmending(true)}>
          {t('visits.amend')}
        </button>
      ) : null}
      {amending ? (
        <fieldset className="inline-form">
          <legend>{t('visits.amend')}</legend>
          <label className="field">
            <span className="field__label">{t('visits.amendment')}</span>
            <textarea rows={2} value={amendText} onChange={(e) => setAmendText(e.target.value)} />
          </label>
          <label className="field">
            <span className="field__label">{t('visits.amendReason')}</span>
            <input value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <div className="inline-form__actions">
            <button type="button" className="button button--small" onClick={() => setAmending(false)}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="button button--small button--primary"
              disabled={amendText.trim() === '' || reason.trim() === ''}
              onClick={() =>
                void writer
                  .create('journalNote', sign(amend(note, amendText, reason, me), me, new Date()))
                  .then(() => setAmending(false))
              }
            >
              {t('visits.signNote')}
            </button>
          </div>
        </fieldset>
      ) : null}
    </div>
  );
}
