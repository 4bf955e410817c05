/**
 * Recording a COS-P session in the room, offline: the session's facts, the chapters covered (one
 * tap each), attendance with one tap per participant (mødt, afbud, udeblevet), the group process
 * note (with the reminder that it holds no personal data), deviations from the manual, and a
 * reflection per family that is filed in the family's journal, signed and then only amended.
 * Every tap and every field is saved locally at once and syncs like any change.
 */
import { useState } from 'react';
import {
  type AttendanceStatus,
  attendanceStatuses,
  pairKey,
  resolveAttendance,
} from '../../../shared/cosp/attendance.ts';
import { chapterNumbers } from '../../../shared/cosp/cosp-fields.ts';
import { personalDataHints } from '../../../shared/cosp/group-note.ts';
import { type Session, sessionStatuses } from '../../../shared/cosp/session.ts';
import type { Signer } from '../../../shared/journal/signature.ts';
import { noteHistory } from '../../../shared/journal/signed-note.ts';
import { groupNoteDraftKey, reflectionDraftKey, sessionDraftKey } from '../../../shared/visits/draft.ts';
import type { RecordView } from '../../db/reader.ts';
import { writer } from '../../db/write-store.ts';
import { NoteThreadList } from '../../forms/signed-notes.tsx';
import { useTextDraft } from '../../forms/use-draft.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { attendanceEntries, reflectionActions, saveGroupNote, saveReflection, tapAttendance } from './cosp-actions.ts';

export type SessionParticipant = { enrollmentId: string; name: string; familyId: string; familyName: string };

type Props = {
  session: RecordView<'cospSession'>;
  chapterTitles: readonly string[];
  participants: SessionParticipant[];
  attendance: RecordView<'cospAttendance'>[];
  groupNote: RecordView<'cospGroupNote'> | undefined;
  /** Colleagues' notes for the session (read-only here: each facilitator writes their own). */
  otherNotes: RecordView<'cospGroupNote'>[];
  reflections: RecordView<'cospFamilyReflection'>[];
  /** The signed-in facilitator's name (group notes are by name). */
  me: string;
  /** The signed-in user, who writes and signs reflections. */
  signer: Signer;
};

export function SessionRecorder({
  session,
  chapterTitles,
  participants,
  attendance,
  groupNote,
  otherNotes,
  reflections,
  me,
  signer,
}: Props) {
  const { t } = useTranslation();
  const data = session.data;
  const save = (patch: Partial<Session>) => writer.update('cospSession', session.id, { ...data, ...patch });
  const resolved = resolveAttendance(attendanceEntries(attendance));
  // The tap shows at once; the stored record (written in the same moment) takes over on the next read.
  const [tapped, setTapped] = useState<Record<string, AttendanceStatus>>({});
  const families = [...new Map(participants.map((p) => [p.familyId, p.familyName])).entries()];

  return (
    <div className="session">
      <fieldset className="form__section">
        <legend>{t('cosp.session.title', { number: data.number })}</legend>
        <TextInput label={t('cosp.session.date')} type="date" value={data.date} onSave={(date) => save({ date })} />
        <label className="field">
          <span className="field__label">{t('cosp.session.status')}</span>
          <select value={data.status} onChange={(e) => void save({ status: e.target.value as Session['status'] })}>
            {sessionStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`cosp.session.statuses.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <TextInput
          label={t('cosp.session.startTime')}
          type="time"
          value={data.startTime}
          onSave={(startTime) => save({ startTime })}
        />
        <TextInput
          label={t('cosp.session.endTime')}
          type="time"
          value={data.endTime}
          onSave={(endTime) => save({ endTime })}
        />
        <TextInput label={t('cosp.session.place')} value={data.place} onSave={(place) => save({ place })} />
        <TextInput
          label={t('cosp.session.facilitatorsPresent')}
          value={data.facilitatorsPresent.join(', ')}
          onSave={(text) =>
            save({
              facilitatorsPresent: text
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean),
            })
          }
        />
      </fieldset>

      <section className="card" aria-labelledby="chapters-now">
        <h2 id="chapters-now">{t('cosp.session.chapters')}</h2>
        <div className="toggle-grid">
          {chapterNumbers.map((chapter) => {
            const on = data.chapters.includes(chapter);
            return (
              <button
                key={chapter}
                type="button"
                className={`toggle${on ? ' toggle--on' : ''}`}
                aria-pressed={on}
                onClick={() =>
                  void save({
                    chapters: on
                      ? data.chapters.filter((c) => c !== chapter)
                      : [...data.chapters, chapter].sort((a, b) => a - b),
                  })
                }
              >
                {t('cosp.session.chapter', { number: chapter, title: chapterTitles[chapter - 1] ?? '' })}
              </button>
            );
          })}
        </div>
      </section>

      <section className="card" aria-labelledby="attendance-heading">
        <h2 id="attendance-heading">{t('cosp.session.attendance')}</h2>
        <p className="muted">{t('cosp.session.attendanceHint')}</p>
        <ul className="plain-list">
          {participants.map((p) => {
            const current = resolved.get(pairKey(session.id, p.enrollmentId));
            const shown = tapped[p.enrollmentId] ?? current?.status;
            return (
              <li key={p.enrollmentId} className="attendance-row">
                <span className="attendance-row__name">
                  {p.name} <span className="muted">({p.familyName})</span>
                </span>
                <fieldset className="attendance-row__choices">
                  <legend className="visually-hidden">{p.name}</legend>
                  {attendanceStatuses.map((status: AttendanceStatus) => (
                    <label key={status} className={`toggle toggle--${status}${shown === status ? ' toggle--on' : ''}`}>
                      <input
                        type="radio"
                        name={`attendance-${p.enrollmentId}`}
                        checked={shown === status}
                        onChange={() => {
                          setTapped((all) => ({ ...all, [p.enrollmentId]: status }));
                          void tapAttendance(session.id, p.enrollmentId, status, attendance);
                        }}
                      />
                      {t(`cosp.attendanceStatuses.${status}`)}
                    </label>
                  ))}
                </fieldset>
                {current?.disputed ? <p className="error-text">{t('cosp.session.disputed')}</p> : null}
              </li>
            );
          })}
        </ul>
      </section>

      <section className="card" aria-labelledby="groupnote-heading">
        <h2 id="groupnote-heading">{t('cosp.session.groupNote')}</h2>
        {otherNotes.map((note) => (
          <blockquote key={note.id} className="reflection__signed">
            <p className="prewrap">{note.data.text}</p>
            <footer className="muted">{note.data.author}</footer>
          </blockquote>
        ))}
        <GroupNoteEditor
          key={groupNote?.id ?? 'new'}
          initial={groupNote?.data.text ?? ''}
          draftKey={groupNoteDraftKey(session.id)}
          names={participants.map((p) => p.name)}
          onSave={(text) => saveGroupNote(session.id, me, text, groupNote?.id)}
        />
        <TextArea
          label={t('cosp.session.deviations')}
          value={data.deviations}
          draftKey={sessionDraftKey(session.id, 'deviations')}
          onSave={(deviations) => save({ deviations })}
        />
      </section>

      <section className="card" aria-labelledby="reflections-heading">
        <h2 id="reflections-heading">{t('cosp.session.reflections')}</h2>
        <p className="muted">{t('cosp.session.reflectionsHint')}</p>
        {families.map(([familyId, familyName]) => (
          <ReflectionEditor
            key={familyId}
            familyName={familyName}
            notes={reflections.filter((r) => r.data.familyId === familyId)}
            me={signer}
            refs={{ familyId, courseId: data.courseId, sessionId: session.id }}
          />
        ))}
      </section>
    </div>
  );
}

function TextInput(props: { label: string; value: string; type?: string; onSave: (value: string) => unknown }) {
  const [value, setValue] = useState(props.value);
  return (
    <label className="field">
      <span className="field__label">{props.label}</span>
      <input
        type={props.type ?? 'text'}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onBlur={() => value !== props.value && void props.onSave(value)}
      />
    </label>
  );
}

/** A text saved when the field is left, kept in a draft while typed (a reload loses nothing). */
function TextArea(props: { label: string; value: string; draftKey: string; onSave: (value: string) => unknown }) {
  const draft = useTextDraft(props.draftKey, props.value, noRefs);
  return (
    <label className="field">
      <span className="field__label">{props.label}</span>
      <textarea
        rows={3}
        value={draft.text}
        disabled={!draft.ready}
        onChange={(e) => draft.setText(e.target.value)}
        onBlur={() => draft.text !== props.value && void saveThenReset(props.onSave, draft)}
      />
    </label>
  );
}

/** Team-level texts (no family): the draft names none. */
const noRefs = { familyId: '', childId: '' };

async function saveThenReset(
  save: (text: string) => unknown,
  draft: { text: string; reset: (value: string) => Promise<void> },
) {
  const text = draft.text;
  await save(text);
  await draft.reset(text);
}

function GroupNoteEditor(props: {
  initial: string;
  draftKey: string;
  names: string[];
  onSave: (text: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const draft = useTextDraft(props.draftKey, props.initial, noRefs);
  const text = draft.text;
  const hints = personalDataHints(text, props.names);
  return (
    <div className="field">
      <label className="field__label" htmlFor="group-note">
        {t('cosp.session.groupNote')}
      </label>
      <p id="group-note-reminder" className="notice">
        {t('cosp.session.groupNoteReminder')}
      </p>
      <textarea
        id="group-note"
        rows={5}
        aria-describedby="group-note-reminder"
        value={text}
        disabled={!draft.ready}
        onChange={(e) => draft.setText(e.target.value)}
        onBlur={() => text.trim() !== '' && text !== props.initial && void saveThenReset(props.onSave, draft)}
      />
      {hints.length > 0 ? (
        <p className="error-text" role="alert">
          {t('cosp.session.personalDataWarning', { matches: hints.map((h) => h.match).join(', ') })}
        </p>
      ) : null}
    </div>
  );
}

type Refs = { familyId: string; courseId: string; sessionId: string };

/** A family's reflections: the signed ones with their corrections, and the author's own draft. */
function ReflectionEditor(props: {
  familyName: string;
  notes: RecordView<'cospFamilyReflection'>[];
  me: Signer;
  refs: Refs;
}) {
  const { t } = useTranslation();
  const own = props.notes.find(
    (n) => n.data.status === 'kladde' && n.data.authorId === props.me.id && n.data.amendsId === '',
  );
  const shown = noteHistory(props.notes.filter((n) => n.id !== own?.id));
  const draft = useTextDraft(reflectionDraftKey(props.refs.sessionId, props.refs.familyId), own?.data.text ?? '', {
    familyId: props.refs.familyId,
    childId: '',
  });
  const text = draft.text;
  const [draftId, setDraftId] = useState(own?.id);
  const label = `${t('cosp.session.reflections')}: ${props.familyName}`;
  const write = (sign: boolean) =>
    void saveReflection(props.refs, props.me, text, sign, draftId).then(async (id) => {
      setDraftId(sign ? undefined : id);
      await draft.reset(sign ? '' : text);
    });

  const headingId = `reflection-${props.refs.familyId}`;
  return (
    <section className="reflection" aria-labelledby={headingId}>
      <h3 id={headingId}>{props.familyName}</h3>
      <NoteThreadList threads={shown} actions={reflectionActions(props.me)} />
      <textarea
        aria-label={label}
        rows={3}
        value={text}
        disabled={!draft.ready}
        onChange={(e) => draft.setText(e.target.value)}
      />
      <div className="inline-form__actions">
        <button
          type="button"
          className="button button--small"
          disabled={text.trim() === ''}
          onClick={() => write(false)}
        >
          {t('cosp.session.saveDraft')}
        </button>
        <button
          type="button"
          className="button button--small button--primary"
          disabled={text.trim() === ''}
          onClick={() => write(true)}
        >
          {t('cosp.session.signNote')}
        </button>
      </div>
    </section>
  );
}
