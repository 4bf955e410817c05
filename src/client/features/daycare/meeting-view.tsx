/**
 * A signed interdisciplinary meeting (or a colleague's draft), read-only: what was recorded, its
 * legal basis, who signed, and its additions; the author adds to a signed meeting with a reason.
 */
import { useState } from 'react';
import type { Meeting } from '../../../shared/daycare/meeting.ts';
import type { Signer, Stored } from '../../../shared/journal/signature.ts';
import { SignatureLine } from '../../forms/signed-notes.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { formatDate } from '../../ui/dates.ts';
import { DetailList } from '../../ui/detail-list.tsx';
import { addToMeeting } from './daycare-actions.ts';

type Props = {
  meeting: Stored<Meeting>;
  additions: Stored<Meeting>[];
  institutionName: string;
  consentDate: string;
  me: Signer | null;
};

export function MeetingView({ meeting, additions, institutionName, consentDate, me }: Props) {
  const { t, i18n } = useTranslation();
  const m = meeting.data;
  const signed = m.status === 'underskrevet';
  const date = (d: string) => formatDate(d, i18n.language);
  const rows: [string, string][] = [
    [t('daycare.meeting.date'), `${date(m.date)} ${m.startTime}${m.endTime ? `–${m.endTime}` : ''}`],
    ...(m.type === 'moede-i-dagtilbud' ? [[t('daycare.meeting.place'), institutionName] as [string, string]] : []),
    [t('daycare.meeting.parentsPresent'), m.parentsPresent ? t('visits.answer.ja') : t('visits.answer.nej')],
    [
      t('daycare.meeting.participants'),
      m.participants
        .map((p) =>
          [p.name, t(`daycare.professions.${p.profession}`).toLocaleLowerCase(i18n.language), p.institution]
            .filter(Boolean)
            .join(', '),
        )
        .join('; '),
    ],
    [t('daycare.meeting.themes'), m.themes.map((k) => t(`daycare.themes.${k}`)).join(', ')],
    [t('daycare.meeting.agenda'), m.agenda],
    [t('daycare.meeting.agreements'), m.agreements],
    [t('daycare.meeting.followUpBy'), m.followUpBy],
    [t('daycare.meeting.nextStep'), [m.nextStep, date(m.nextDate)].filter(Boolean).join(' · ')],
    [t('daycare.meeting.notes'), m.text],
    [
      t('daycare.basis.legend'),
      m.legalBasis === 'samtykke'
        ? t('daycare.basis.summaryConsent', { date: date(consentDate) })
        : m.legalBasis === 'undtagelse' && m.exception
          ? `${t('daycare.basis.summaryException', { exception: t(`daycare.basis.exceptionsShort.${m.exception}`) })} – ${m.justification}`
          : '',
    ],
  ];
  return (
    <>
      <p className="notice">
        {signed ? t('daycare.meeting.signed') : t('daycare.handover.draftOf', { author: m.author })}
      </p>
      <section className="card" aria-labelledby="meeting-record">
        <h2 id="meeting-record">{t('daycare.meeting.record')}</h2>
        <DetailList rows={rows} />
        {signed ? <SignatureLine note={m} /> : null}
      </section>
      {additions.length > 0 ? (
        <section className="card" aria-labelledby="meeting-additions">
          <h2 id="meeting-additions">{t('daycare.meeting.additions')}</h2>
          <ul className="plain-list">
            {additions.map((a) => (
              <li key={a.id} className="journal-entry">
                <p className="muted">
                  <strong>{t('daycare.cooperation.addition')}</strong> · {a.data.amendmentReason}
                </p>
                <p className="prewrap">{a.data.text}</p>
                <SignatureLine note={a.data} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {signed && me ? <MeetingAdditionForm original={meeting} me={me} /> : null}
    </>
  );
}

function MeetingAdditionForm({ original, me }: { original: Stored<Meeting>; me: Signer }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  if (!open)
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('notes.amend')}
      </button>
    );
  return (
    <fieldset className="inline-form">
      <legend>{t('notes.amend')}</legend>
      <label className="field">
        <span className="field__label">{t('daycare.handover.additionText')}</span>
        <textarea rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <label className="field">
        <span className="field__label">{t('daycare.handover.additionReason')}</span>
        <input value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <div className="inline-form__actions">
        <button type="button" className="button" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={text.trim() === '' || reason.trim() === ''}
          onClick={() =>
            void addToMeeting(original, text, reason, me).then(() => {
              setOpen(false);
              setText('');
              setReason('');
            })
          }
        >
          {t('notes.sign')}
        </button>
      </div>
    </fieldset>
  );
}
