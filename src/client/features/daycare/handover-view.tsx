/**
 * A handover as it was disclosed: the snapshot of the signed handover (recipient, form, legal basis,
 * sections and their texts, scores, the parents' confirmation, who signed and when), its additions
 * below it, and — for a signed handover — the form to add to it (a new disclosure, gated again).
 * A colleague's draft is shown read-only. Nothing here edits a signed handover.
 */
import { useState } from 'react';
import type { Handover } from '../../../shared/daycare/handover.ts';
import type { Institution } from '../../../shared/daycare/institution.ts';
import type { Signer, Stored } from '../../../shared/journal/signature.ts';
import { useSaveAttempt } from '../../forms/save-attempt.tsx';
import { SignatureLine } from '../../forms/signed-notes.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { formatDate } from '../../ui/dates.ts';
import { DetailList } from '../../ui/detail-list.tsx';
import { addToHandover } from './daycare-actions.ts';

type Props = {
  handover: Stored<Handover>;
  additions: Stored<Handover>[];
  institution: Institution | null;
  consentDate: string;
  me: Signer | null;
};

export function HandoverView({ handover, additions, institution, consentDate, me }: Props) {
  const { t } = useTranslation();
  const signed = handover.data.status === 'underskrevet';
  return (
    <>
      {signed ? (
        <p className="notice">{t('daycare.handover.signed')}</p>
      ) : (
        <p className="notice">{t('daycare.handover.draftOf', { author: handover.data.author })}</p>
      )}
      <HandoverSnapshot data={handover.data} institution={institution} consentDate={consentDate} />
      {additions.length > 0 ? (
        <section className="card" aria-labelledby="handover-additions">
          <h2 id="handover-additions">{t('daycare.handover.additions')}</h2>
          <ul className="plain-list">
            {additions.map((a) => (
              <li key={a.id} className="journal-entry">
                <AdditionView data={a.data} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {signed && me ? <AdditionForm original={handover} me={me} /> : null}
    </>
  );
}

export function HandoverSnapshot({
  data,
  institution,
  consentDate,
}: {
  data: Handover;
  institution: Institution | null;
  consentDate: string;
}) {
  const { t, i18n } = useTranslation();
  const date = (d: string) => formatDate(d, i18n.language);
  const rows: [string, string][] = [
    [t('daycare.handover.to'), [institution?.name, data.recipientName].filter(Boolean).join(', ')],
    [t('daycare.handover.form'), data.form ? t(`daycare.forms.${data.form}`) : ''],
    [t('daycare.handover.date'), date(data.date)],
    [
      t('daycare.basis.legend'),
      data.legalBasis === 'samtykke'
        ? t('daycare.basis.summaryConsent', { date: date(consentDate) })
        : data.legalBasis === 'undtagelse' && data.exception
          ? `${t('daycare.basis.summaryException', { exception: t(`daycare.basis.exceptionsShort.${data.exception}`) })} – ${data.justification}`
          : '',
    ],
    ...data.sections.map((s): [string, string] => [t(`daycare.sections.${s.section}`), s.text]),
    ...data.scores.map((s): [string, string] => [s.instrument, `${date(s.date)}: ${s.result}`]),
    [t('daycare.handover.note'), data.text],
    [t('daycare.handover.confirmedBy'), data.parentsConfirmed ? data.confirmedBy : ''],
  ];
  return (
    <section className="card" aria-labelledby="handover-snapshot">
      <h2 id="handover-snapshot">{t('daycare.handover.preview')}</h2>
      <DetailList rows={rows} />
      {data.status === 'underskrevet' ? <SignatureLine note={data} /> : null}
    </section>
  );
}

function AdditionView({ data }: { data: Handover }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="journal-note">
      <p className="muted">
        <strong>{t('daycare.cooperation.addition')}</strong> {formatDate(data.date, i18n.language)} ·{' '}
        {data.amendmentReason}
      </p>
      <p className="prewrap">{data.text}</p>
      {data.sections.map((s) => (
        <p key={s.section} className="prewrap">
          <strong>{t(`daycare.sections.${s.section}`)}:</strong> {s.text}
        </p>
      ))}
      <SignatureLine note={data} />
    </div>
  );
}

function AdditionForm({ original, me }: { original: Stored<Handover>; me: Signer }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const [refusal, setRefusal] = useState('');
  const { attempt, message: saveFailure } = useSaveAttempt();
  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('daycare.handover.addAddition')}
      </button>
    );
  }
  const sign = async () => {
    const outcome = await addToHandover(original, { text }, reason, me);
    if (outcome.ok) {
      setOpen(false);
      setText('');
      setReason('');
      setRefusal('');
    } else
      setRefusal(
        'gate' in outcome
          ? t('daycare.handover.refused', { reason: t(`daycare.basis.refusal.${outcome.gate}`) })
          : t('daycare.meeting.invalid'),
      );
  };
  return (
    <fieldset className="inline-form">
      <legend>{t('daycare.handover.addAddition')}</legend>
      <p className="field__hint">{t('daycare.handover.additionHint')}</p>
      <label className="field">
        <span className="field__label">{t('daycare.handover.additionText')}</span>
        <textarea rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <label className="field">
        <span className="field__label">{t('daycare.handover.additionReason')}</span>
        <input value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      {refusal ? (
        <p className="alert" role="alert">
          {refusal}
        </p>
      ) : null}
      <div className="inline-form__actions">
        <button type="button" className="button" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={text.trim() === '' || reason.trim() === ''}
          onClick={attempt(sign)}
        >
          {t('daycare.handover.signAddition')}
        </button>
      </div>
      {saveFailure}
    </fieldset>
  );
}
