/**
 * "Mine besøg": open contacts across the caseload grouped as overdue, today, this week and
 * upcoming, filterable by nurse. Each row names the child and family, the visit, its deadline
 * ("frist": the agreed day, else the window's end) and target; the row opens the visit (started
 * from the planned contact, or continued when a draft exists), with a link to the child's page.
 */

import { Link } from 'wouter';
import type { ContactType } from '../../../shared/caseload/contact.ts';
import type { WorklistBucket } from '../../../shared/caseload/worklist.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { formatDate } from '../../ui/dates.ts';

export type WorklistRow = {
  id: string;
  bucket: WorklistBucket;
  dueDate: string;
  /** The last day on time: the agreed date, else the window's end (overdue after it). */
  deadline: string;
  booked: boolean;
  windowFrom: string;
  windowTo: string;
  outsideWindow: boolean;
  type: ContactType;
  childName: string;
  familyName: string;
  nurse: string;
  /** A draft visit exists for the contact. */
  started: boolean;
  visitHref: string;
  childHref: string;
};

type Props = {
  rows: WorklistRow[];
  nurses: string[];
  nurse: string;
  me: string;
  onNurseChange: (nurse: string) => void;
};

const shown: WorklistBucket[] = ['overdue', 'today', 'this-week', 'upcoming'];

export function WorklistView({ rows, nurses, nurse, me, onNurseChange }: Props) {
  const { t, i18n } = useTranslation();
  const date = (d: string) => formatDate(d, i18n.language);
  return (
    <>
      <div className="toolbar">
        <label className="field field--inline">
          <span className="field__label">{t('caseload.worklist.nurse')}</span>
          <select value={nurse} onChange={(e) => onNurseChange(e.target.value)}>
            <option value="">{t('caseload.worklist.all')}</option>
            {me ? <option value={me}>{t('caseload.worklist.mine', { name: me })}</option> : null}
            {nurses
              .filter((n) => n !== me)
              .map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
          </select>
        </label>
      </div>
      <div className="worklist">
        {shown.map((bucket) => {
          const items = rows.filter((r) => r.bucket === bucket);
          return (
            <section
              key={bucket}
              className={`card worklist__bucket worklist__bucket--${bucket}`}
              aria-labelledby={`bucket-${bucket}`}
            >
              <h2 id={`bucket-${bucket}`}>
                {t(`caseload.worklist.buckets.${bucket}`)}{' '}
                <span className="count">{t('caseload.worklist.count', { count: items.length })}</span>
              </h2>
              {items.length === 0 ? (
                <p className="muted">{t('caseload.worklist.empty')}</p>
              ) : (
                <ul className="plain-list">
                  {items.map((row) => (
                    <li key={row.id} className="worklist__item">
                      <Link
                        href={row.visitHref}
                        className="worklist__link"
                        aria-label={`${row.childName}, ${row.familyName} – ${t(
                          row.started ? 'caseload.worklist.continueVisit' : 'caseload.worklist.startVisit',
                          { type: t(`caseload.plan.types.${row.type}`) },
                        )}`}
                      >
                        <span className="worklist__child">{row.childName}</span>
                        <span className="muted">{row.familyName}</span>
                      </Link>
                      <span>
                        {t(`caseload.plan.types.${row.type}`)}
                        {row.started ? <span className="pill">{t('caseload.worklist.draft')}</span> : null}
                      </span>
                      <span className="worklist__due">
                        {t(row.booked ? 'caseload.worklist.agreed' : 'caseload.worklist.due', {
                          date: date(row.deadline),
                        })}
                        <span className="muted">
                          {' '}
                          ({row.booked ? '' : `${t('caseload.worklist.target', { date: date(row.dueDate) })} · `}
                          {t('caseload.worklist.windowRange', { from: date(row.windowFrom), to: date(row.windowTo) })})
                        </span>
                        {row.outsideWindow ? (
                          <span className="pill pill--warn">{t('caseload.worklist.outsideWindow')}</span>
                        ) : null}
                      </span>
                      <span className="worklist__meta">
                        {row.nurse ? <span className="muted">{row.nurse}</span> : <span />}
                        <Link
                          href={row.childHref}
                          className="button button--small"
                          aria-label={`${t('caseload.worklist.childPage')}: ${row.childName}`}
                        >
                          {t('caseload.worklist.childPage')}
                        </Link>
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </>
  );
}
