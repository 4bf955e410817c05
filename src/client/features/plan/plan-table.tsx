/** The child's contacts in date order: type, window, agreed date, status, with a link to edit each. */

import { Link } from 'wouter';
import type { Contact } from '../../../shared/caseload/contact.ts';
import type { SyncState } from '../../db/state.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { formatDate } from '../../ui/dates.ts';
import { SyncMark } from '../../ui/sync-mark.tsx';

type Props = {
  items: { id: string; sync: SyncState; data: Contact }[];
  editHref: (id: string) => string;
  startHref: (id: string) => string;
};

export function PlanTable({ items, editHref, startHref }: Props) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return <p className="empty">{t('caseload.plan.empty')}</p>;
  const date = (d: string) => (d ? formatDate(d, i18n.language) : '–');
  const sorted = [...items].sort((a, b) =>
    (a.data.plannedDate || a.data.targetDate).localeCompare(b.data.plannedDate || b.data.targetDate),
  );
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">{t('caseload.plan.type')}</th>
          <th scope="col">{t('caseload.plan.window')}</th>
          <th scope="col">{t('caseload.plan.plannedDate')}</th>
          <th scope="col">{t('caseload.plan.status')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('caseload.plan.edit')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {sorted.map(({ id, sync, data }) => (
          <tr key={id} className={`contact-row contact-row--${data.status}`}>
            <th scope="row" className="contact-row__type">
              {t(`caseload.plan.types.${data.type}`)} <SyncMark state={sync} />
            </th>
            <td>
              {date(data.windowFrom)} – {date(data.windowTo)}
            </td>
            <td>{date(data.plannedDate)}</td>
            <td>
              {t(`caseload.plan.statuses.${data.status}`)}
              {data.status === 'gennemfoert' && data.doneDate ? ` ${date(data.doneDate)}` : ''}
            </td>
            <td className="row-actions">
              {data.status === 'planlagt' ? (
                <Link
                  href={startHref(id)}
                  className="button button--small button--primary"
                  aria-label={`${t('visits.start')}: ${t(`caseload.plan.types.${data.type}`)}`}
                >
                  {t('visits.start')}
                </Link>
              ) : null}
              <Link
                href={editHref(id)}
                className="button button--small"
                aria-label={`${t('caseload.plan.edit')}: ${t(`caseload.plan.types.${data.type}`)}`}
              >
                {t('caseload.plan.edit')}
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
