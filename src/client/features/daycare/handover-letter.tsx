/**
 * The handover letter for the recipient, laid out for A4 (styles.css @media print; the browser's
 * print dialog also saves it as PDF): the institution and person it is for, the child (the CPR
 * number only when the municipality's setting says so), the form, the legal basis, exactly the
 * sections and scores that were shared, the note, the additions made since, the parents'
 * confirmation and the health visitor's signature. Nothing else of the child's journal is on it.
 */

import { type Handover, sectionsInOrder } from '../../../shared/daycare/handover.ts';
import type { Institution } from '../../../shared/daycare/institution.ts';
import { formatCpr } from '../../../shared/domain/cpr.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { formatDate } from '../../ui/dates.ts';

/** A time of signing on paper: always with the date. */
const signedOn = (iso: string, language: string) =>
  iso === ''
    ? ''
    : new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'da-DK', { dateStyle: 'long', timeStyle: 'short' }).format(
        new Date(iso),
      );

type Props = {
  handover: Handover;
  additions: Handover[];
  institution: Institution | null;
  child: { name: string; birthDate: string; cpr: string };
  showCpr: boolean;
  consentDate: string;
};

export function HandoverLetter({ handover, additions, institution, child, showCpr, consentDate }: Props) {
  const { t, i18n } = useTranslation();
  const date = (d: string) => formatDate(d, i18n.language);
  const place = institution?.name ?? '';
  const signed = handover.status === 'underskrevet';
  return (
    <div className="letter">
      {signed ? null : <p className="notice">{t('daycare.letter.draft')}</p>}
      <header className="letter__head">
        <p className="letter__from">{t('daycare.letter.title')}</p>
        <h2>{t('daycare.letter.heading', { place })}</h2>
      </header>
      <dl className="letter__facts">
        <div>
          <dt>{t('daycare.letter.to')}</dt>
          <dd>
            {[place, handover.recipientName].filter(Boolean).join(', ')}
            {institution?.address ? <span className="letter__address">{institution.address}</span> : null}
          </dd>
        </div>
        <div>
          <dt>{t('daycare.letter.child')}</dt>
          <dd>
            {child.name} · {t('daycare.letter.birthDate')} {date(child.birthDate)}
          </dd>
        </div>
        {showCpr && child.cpr ? (
          <div>
            <dt>{t('daycare.letter.cpr')}</dt>
            <dd>{formatCpr(child.cpr)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('daycare.letter.date')}</dt>
          <dd>{date(handover.date)}</dd>
        </div>
        <div>
          <dt>{t('daycare.letter.form')}</dt>
          <dd>{handover.form ? t(`daycare.forms.${handover.form}`) : '–'}</dd>
        </div>
        <div>
          <dt>{t('daycare.letter.basis')}</dt>
          <dd>
            {handover.legalBasis === 'undtagelse' && handover.exception
              ? t('daycare.letter.basisException', {
                  exception: t(`daycare.basis.exceptionsShort.${handover.exception}`),
                  justification: handover.justification,
                })
              : t('daycare.letter.basisConsent', { date: date(consentDate) })}
          </dd>
        </div>
      </dl>
      {sectionsInOrder(handover.sections).map((s) => (
        <section key={s.section} className="letter__section" aria-labelledby={`letter-${s.section}`}>
          <h3 id={`letter-${s.section}`}>{t(`daycare.sections.${s.section}`)}</h3>
          <p className="prewrap">{s.text}</p>
        </section>
      ))}
      {handover.scores.length > 0 ? (
        <section className="letter__section" aria-labelledby="letter-scores">
          <h3 id="letter-scores">{t('daycare.letter.scores')}</h3>
          <ul>
            {handover.scores.map((s) => (
              <li key={`${s.instrument}-${s.sourceId}-${s.date}`}>
                {s.instrument} {date(s.date)}: {s.result}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {handover.text ? <p className="prewrap letter__note">{handover.text}</p> : null}
      {additions.length > 0 ? (
        <section className="letter__section" aria-labelledby="letter-additions">
          <h3 id="letter-additions">{t('daycare.letter.additions')}</h3>
          {additions.map((a) => (
            <div key={`${a.date}-${a.signedAt}`} className="letter__addition">
              <p>
                <strong>{t('daycare.letter.addition', { date: date(a.date) })}</strong>
              </p>
              <p className="prewrap">{a.text}</p>
              {sectionsInOrder(a.sections).map((s) => (
                <p key={s.section} className="prewrap">
                  <strong>{t(`daycare.sections.${s.section}`)}:</strong> {s.text}
                </p>
              ))}
              <p className="muted">
                {t('daycare.letter.signed', {
                  who: a.signedBy,
                  when: signedOn(a.serverSignedAt || a.signedAt, i18n.language),
                })}
              </p>
            </div>
          ))}
        </section>
      ) : null}
      {handover.parentsConfirmed ? <p>{t('daycare.letter.confirmed', { who: handover.confirmedBy })}</p> : null}
      {signed ? (
        <p className="letter__signature">
          {t('daycare.letter.signed', {
            who: handover.signedBy,
            when: signedOn(handover.serverSignedAt || handover.signedAt, i18n.language),
          })}
        </p>
      ) : null}
      <p className="letter__confidential">{t('daycare.letter.confidential')}</p>
    </div>
  );
}
