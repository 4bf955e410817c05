/**
 * An interdisciplinary home visit or a meeting in daycare, as the nurse records it (its own form,
 * not the measurement visit): when and where, the partner professionals with profession and
 * workplace, themes and agenda, agreements, who follows up and the next step, the notes, and the
 * legal basis ("tværfagligt møde" consent or the barnets lov exception, justified). Kept in a draft
 * as it is typed; signing goes through the disclosure gate (daycare-actions.ts). A signed meeting
 * is shown read-only with its additions.
 */
import { useState } from 'react';
import type { Consent } from '../../../shared/caseload/consent.ts';
import { MEETING_DISCLOSURE, professions } from '../../../shared/daycare/daycare-fields.ts';
import type { Institution } from '../../../shared/daycare/institution.ts';
import { type Meeting, meetingThemes } from '../../../shared/daycare/meeting.ts';
import type { Signer } from '../../../shared/journal/signature.ts';
import { useSaveAttempt } from '../../forms/save-attempt.tsx';
import { useDraft } from '../../forms/use-draft.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useErrorText } from '../../ui/field.tsx';
import { disclosureDays, type FieldProblems, meetingDraftKey, saveMeeting } from './daycare-actions.ts';
import { LegalBasisChooser } from './legal-basis.tsx';

type Props = {
  id: string;
  meeting: Meeting;
  institutions: { id: string; data: Institution }[];
  consents: (Consent & { id: string })[];
  me: Signer;
  consentHref: string;
  onSigned: () => void;
};

const editable = (m: Meeting) => {
  const { status: _s, signedBy: _b, signedById: _i, signedAt: _a, serverSignedAt: _v, recordedAt: _r, ...rest } = m;
  return rest;
};

export function MeetingForm(props: Props) {
  const { t } = useTranslation();
  const draft = useDraft(meetingDraftKey(props.id), editable(props.meeting), props.meeting);
  if (!draft.state) return <p className="muted">{t('app.loading')}</p>;
  return (
    <EditMeeting
      {...props}
      initial={{ ...props.meeting, ...(draft.state.values as Partial<Meeting>) }}
      restored={draft.state.restored}
      keep={draft.keep}
      discard={draft.discard}
    />
  );
}

function EditMeeting(
  props: Props & {
    initial: Meeting;
    restored: boolean;
    keep: (v: Record<string, unknown>) => void;
    discard: () => Promise<void>;
  },
) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [values, setValues] = useState<Meeting>(props.initial);
  const [problems, setProblems] = useState<FieldProblems>({});
  const [status, setStatus] = useState('');
  const inDaycare = values.type === 'moede-i-dagtilbud';

  const set = (patch: Partial<Meeting>) => {
    setValues((v) => {
      const next = { ...v, ...patch };
      props.keep(editable(next));
      return next;
    });
    // A field the nurse changes is no longer marked wrong.
    setProblems((p) => Object.fromEntries(Object.entries(p).filter(([field]) => !(field in patch))));
    setStatus('');
  };
  const { attempt, message: saveFailure } = useSaveAttempt();
  const save = async (sign: boolean) => {
    const outcome = await saveMeeting(props.id, values, props.me, sign);
    if (outcome.ok) {
      setProblems({});
      await props.discard();
      setStatus(t('daycare.meeting.saved'));
      if (sign) props.onSigned();
      return;
    }
    if ('fields' in outcome) {
      setProblems(outcome.fields);
      setStatus(t('daycare.meeting.invalid'));
    } else {
      setProblems({});
      setStatus(t('daycare.meeting.refused', { reason: t(`daycare.basis.refusal.${outcome.gate}`) }));
    }
  };
  const err = (name: string) => errorText(problems[name]);
  const text = (name: keyof Meeting, label: string, rows = 0) => (
    <div className={`field${rows ? ' span-2' : ''}${err(name) ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor={`meeting-${name}`}>
        {label}
      </label>
      {rows ? (
        <textarea
          id={`meeting-${name}`}
          rows={rows}
          value={String(values[name] ?? '')}
          onChange={(e) => set({ [name]: e.target.value })}
        />
      ) : (
        <input
          id={`meeting-${name}`}
          type={name === 'date' || name === 'nextDate' ? 'date' : name.endsWith('Time') ? 'time' : 'text'}
          value={String(values[name] ?? '')}
          onChange={(e) => set({ [name]: e.target.value })}
        />
      )}
      {err(name) ? <p className="field__error">{err(name)}</p> : null}
    </div>
  );
  const participant = (index: number, patch: Partial<Meeting['participants'][number]>) =>
    set({ participants: values.participants.map((p, i) => (i === index ? { ...p, ...patch } : p)) });

  return (
    <form className="form" onSubmit={(e) => e.preventDefault()} noValidate>
      {props.restored ? <p className="notice">{t('daycare.meeting.draftRestored')}</p> : null}
      <fieldset className="form__section">
        <legend>{t('daycare.meeting.record')}</legend>
        {text('date', t('daycare.meeting.date'))}
        <div className="field-group__fields">
          {text('startTime', t('daycare.meeting.startTime'))}
          {text('endTime', t('daycare.meeting.endTime'))}
        </div>
        {inDaycare ? (
          <div className="field">
            <label className="field__label" htmlFor="meeting-institution">
              {t('daycare.meeting.place')}
            </label>
            <select
              id="meeting-institution"
              value={values.institutionId}
              onChange={(e) => set({ institutionId: e.target.value })}
            >
              <option value="">{t('daycare.handover.noInstitution')}</option>
              {props.institutions.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.data.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <label className="checkbox">
          <input
            type="checkbox"
            checked={values.parentsPresent}
            onChange={(e) => set({ parentsPresent: e.target.checked })}
          />
          {t('daycare.meeting.parentsPresent')}
        </label>
      </fieldset>

      <fieldset className={`form__section${err('participants') ? ' field--invalid' : ''}`}>
        <legend>{t('daycare.meeting.participants')}</legend>
        {values.participants.map((p, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: participants have no ids; the row is its position
          <div key={index} className="participant-row participant-row--three span-2">
            <label className="field">
              <span className="field__label">{t('daycare.meeting.participantName')}</span>
              <input value={p.name} autoComplete="off" onChange={(e) => participant(index, { name: e.target.value })} />
            </label>
            <label className="field">
              <span className="field__label">{t('daycare.meeting.profession')}</span>
              <select
                value={p.profession}
                onChange={(e) => participant(index, { profession: e.target.value as (typeof professions)[number] })}
              >
                {professions.map((pr) => (
                  <option key={pr} value={pr}>
                    {t(`daycare.professions.${pr}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="field__label">{t('daycare.meeting.participantInstitution')}</span>
              <input value={p.institution} onChange={(e) => participant(index, { institution: e.target.value })} />
            </label>
            <button
              type="button"
              className="button button--small"
              onClick={() => set({ participants: values.participants.filter((_, i) => i !== index) })}
            >
              {t('daycare.meeting.removeParticipant', { number: index + 1 })}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button--small"
          onClick={() =>
            set({ participants: [...values.participants, { name: '', profession: 'paedagog', institution: '' }] })
          }
        >
          {t('daycare.meeting.addParticipant')}
        </button>
        {err('participants') ? <p className="field__error span-2">{err('participants')}</p> : null}
      </fieldset>

      <fieldset className="form__section">
        <legend>{t('daycare.meeting.themes')}</legend>
        <div className="check-grid span-2">
          {meetingThemes.map((theme) => (
            <label key={theme} className="checkbox">
              <input
                type="checkbox"
                checked={values.themes.includes(theme)}
                onChange={(e) =>
                  set({
                    themes: e.target.checked ? [...values.themes, theme] : values.themes.filter((x) => x !== theme),
                  })
                }
              />
              {t(`daycare.themes.${theme}`)}
            </label>
          ))}
        </div>
        {text('agenda', t('daycare.meeting.agenda'), 3)}
        {text('agreements', t('daycare.meeting.agreements'), 3)}
        {text('followUpBy', t('daycare.meeting.followUpBy'))}
        {text('nextDate', t('daycare.meeting.nextDate'))}
        {text('nextStep', t('daycare.meeting.nextStep'), 2)}
        {text('text', t('daycare.meeting.notes'), 4)}
      </fieldset>

      <LegalBasisChooser
        idPrefix="meeting"
        rule={MEETING_DISCLOSURE}
        consents={props.consents}
        days={disclosureDays(values.date)}
        value={values}
        onChange={(patch) => set(patch)}
        consentHref={props.consentHref}
        errors={problems}
      />

      <div className="form-actions">
        <p className="form-actions__status" role="status">
          {status}
        </p>
        <button type="button" className="button" onClick={attempt(() => save(false))}>
          {t('daycare.meeting.saveDraft')}
        </button>
        <button type="button" className="button button--primary" onClick={attempt(() => save(true))}>
          {t('daycare.meeting.sign')}
        </button>
      </div>
      {saveFailure}
      <p className="muted">{t('daycare.meeting.signHint')}</p>
    </form>
  );
}
