/**
 * Signed notes with their corrections, as the journal shows them (journal notes and COS-P family
 * reflections share the model in shared/journal/signed-note.ts): who wrote and signed each entry and
 * when — both the device's and the server's time when they differ by more than a day — the original
 * always visible above its corrections. A draft is edited and signed only by its author. What a
 * button does is the feature's (props); this file only presents.
 */

import { type ReactNode, useState } from 'react';
import { type Signer, type Stored, signatureTimesDiffer, signedTimeOf } from '../../shared/journal/signature.ts';
import { canEdit, type NoteThread, type SignedNote } from '../../shared/journal/signed-note.ts';
import { journalDraftKey } from '../../shared/visits/draft.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import { askBeforeSigning } from '../sync/lock-state.ts';
import { formatWhen } from '../ui/dates.ts';
import { useSaveAttempt } from './save-attempt.tsx';
import { useTextDraft } from './use-draft.ts';

export type NoteActions<T extends SignedNote> = {
  me: Signer;
  /** Saves a draft's new text, signing it when `sign` is true. */
  onEdit: (note: Stored<T>, text: string, sign: boolean) => Promise<void>;
  /** Adds a signed correction of a signed note. */
  onAmend: (original: Stored<T>, text: string, reason: string) => Promise<void>;
};

/** The threads of notes: each original with its corrections; read-only when `actions` is null. */
export function NoteThreadList<T extends SignedNote>(props: {
  threads: NoteThread<T>[];
  actions: NoteActions<T> | null;
  /** What a thread is about, shown above it (e.g. the visit a note was written at). */
  context?: (note: Stored<T>) => ReactNode;
}) {
  return (
    <ul className="plain-list">
      {props.threads.map((thread) => (
        <li key={thread.originalId} className="journal-entry">
          {props.context && (thread.original ?? thread.amendments[0]) ? (
            <p className="journal-entry__context">
              {props.context((thread.original ?? thread.amendments[0]) as Stored<T>)}
            </p>
          ) : null}
          {thread.original ? <NoteView note={thread.original} actions={props.actions} /> : null}
          {thread.amendments.map((a) => (
            <div key={a.id} className="reflection__amendment">
              <NoteView note={a} actions={props.actions} />
            </div>
          ))}
        </li>
      ))}
    </ul>
  );
}

/** Who signed and when; the server's time too when the device clock was more than a day off. */
export function SignatureLine({ note }: { note: { signedBy: string; signedAt: string; serverSignedAt: string } }) {
  const { t, i18n } = useTranslation();
  const when = (iso: string) => formatWhen(iso, i18n.language);
  return (
    <p className="muted">
      {signatureTimesDiffer(note)
        ? t('notes.signedTimes', { who: note.signedBy, device: when(note.signedAt), server: when(note.serverSignedAt) })
        : t('notes.signed', { who: note.signedBy, when: when(signedTimeOf(note)) })}
    </p>
  );
}

function NoteView<T extends SignedNote>({ note, actions }: { note: Stored<T>; actions: NoteActions<T> | null }) {
  const { t } = useTranslation();
  const data = note.data;
  if (canEdit(data)) return <DraftView note={note} actions={actions} />;
  return (
    <div className="journal-note">
      {data.amendsId ? (
        <p className="muted">
          <strong>{t('notes.amendment')}</strong>
          {data.amendmentReason ? ` · ${t('notes.amendReason')}: ${data.amendmentReason}` : ''}
        </p>
      ) : null}
      <p className="prewrap">{data.text}</p>
      <SignatureLine note={data} />
      {data.amendsId === '' && actions ? <AmendForm note={note} actions={actions} /> : null}
    </div>
  );
}

function DraftView<T extends SignedNote>({ note, actions }: { note: Stored<T>; actions: NoteActions<T> | null }) {
  const { t } = useTranslation();
  const data = note.data;
  // Only the author edits or signs a draft (the server refuses anyone else).
  const mine = actions !== null && (data.authorId === '' || data.authorId === actions.me.id);
  if (!mine) {
    return (
      <div className="journal-note">
        <p className="muted">{t('notes.draftOf', { author: data.author })}</p>
        <p className="prewrap">{data.text}</p>
      </div>
    );
  }
  return <EditDraft note={note} actions={actions} />;
}

/** The author's own draft: what she types is kept in a draft of its own until saved or signed. */
function EditDraft<T extends SignedNote>({ note, actions }: { note: Stored<T>; actions: NoteActions<T> }) {
  const { t } = useTranslation();
  const draft = useTextDraft(journalDraftKey(note.id), note.data.text, draftRefs(note.data));
  const { attempt, message: saveFailure } = useSaveAttempt();
  if (!draft.ready) return null;
  const write = async (sign: boolean) => {
    // A signature is her own act: an old unlock asks for her PIN first (cancelled: nothing changes).
    if (sign && !(await askBeforeSigning())) return;
    await actions.onEdit(note, draft.text, sign);
    await draft.reset(draft.text);
  };
  return (
    <div className="journal-note">
      <p className="muted">{t('notes.draftBy', { author: note.data.author })}</p>
      <textarea
        aria-label={t('notes.text')}
        rows={3}
        value={draft.text}
        onChange={(e) => draft.setText(e.target.value)}
      />
      <div className="inline-form__actions">
        <button type="button" className="button button--small" onClick={attempt(() => write(false))}>
          {t('notes.saveDraft')}
        </button>
        <button
          type="button"
          className="button button--small button--primary"
          disabled={draft.text.trim() === ''}
          onClick={attempt(() => write(true))}
        >
          {t('notes.sign')}
        </button>
      </div>
      {saveFailure}
    </div>
  );
}

/** The family and child a draft is about, for the device's indexes. */
export const draftRefs = (data: object) => {
  const d = data as { familyId?: unknown; childId?: unknown };
  return {
    familyId: typeof d.familyId === 'string' ? d.familyId : '',
    childId: typeof d.childId === 'string' ? d.childId : '',
  };
};

function AmendForm<T extends SignedNote>({ note, actions }: { note: Stored<T>; actions: NoteActions<T> }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const { attempt, message: saveFailure } = useSaveAttempt();
  if (!open) {
    return (
      <button type="button" className="button button--small" onClick={() => setOpen(true)}>
        {t('notes.amend')}
      </button>
    );
  }
  return (
    <fieldset className="inline-form">
      <legend>{t('notes.amend')}</legend>
      <label className="field">
        <span className="field__label">{t('notes.amendment')}</span>
        <textarea rows={2} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <label className="field">
        <span className="field__label">{t('notes.amendReason')}</span>
        <input value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <div className="inline-form__actions">
        <button type="button" className="button button--small" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="button button--small button--primary"
          disabled={text.trim() === '' || reason.trim() === ''}
          onClick={attempt(async () => {
            if (!(await askBeforeSigning())) return;
            await actions.onAmend(note, text, reason);
            setOpen(false);
          })}
        >
          {t('notes.sign')}
        </button>
      </div>
      {saveFailure}
    </fieldset>
  );
}
