/** A family's details as a definition list. */

import type { Family } from '../../../shared/schemas/family.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { formatDate } from '../../ui/dates.ts';

export function FamilyDetails({ family }: { family: Family }) {
  const { t, i18n } = useTranslation();
  const none = t('common.none');
  const offer = family.extraVisitsOffer;
  const offerText =
    offer.offeredOn === ''
      ? t('family.offer.none')
      : [
          t('family.offer.summary', { date: formatDate(offer.offeredOn, i18n.language) }),
          t(`family.offer.answers.${offer.answer}`),
          offer.answer === 'afslaaet' ? t(`family.offer.declineReasons.${offer.declineReason}`) : '',
        ]
          .filter(Boolean)
          .join(' · ');
  const rows: [string, string][] = [
    [t('family.status'), t(`family.statuses.${family.status}`)],
    [t('family.tovholder'), family.tovholder || none],
    [t('family.inclusionDate'), family.inclusionDate ? formatDate(family.inclusionDate, i18n.language) : none],
    [t('family.inclusionReason'), t(`family.inclusionReasons.${family.inclusionReason}`)],
    [t('family.address'), family.address || none],
    [t('family.offer.legend'), offerText],
  ];
  if (family.lostToFollowUp.reason !== '')
    rows.push([
      t('family.lost.reason'),
      `${t(`family.lost.reasons.${family.lostToFollowUp.reason}`)} (${formatDate(family.lostToFollowUp.date, i18n.language)})`,
    ]);
  return (
    <section className="card" aria-labelledby="family-details-heading">
      <h2 id="family-details-heading">{t('family.details')}</h2>
      <dl className="details">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {family.notes ? (
        <>
          <h3>{t('family.notes')}</h3>
          <p className="prewrap">{family.notes}</p>
        </>
      ) : null}
    </section>
  );
}
