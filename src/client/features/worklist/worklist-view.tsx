/**
 * "Mine besøg": open contacts across the caseload grouped as overdue, today, this week and
 * upcoming, filterable by nurse. Each row names the child and family, the visit, and its date.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { ContactType } from '../../../shared/caseload/contact.ts';
import type { WorklistBucket } from '../../../shared/caseload/worklist.ts';
import { formatDate } from '../../ui/dates.ts';

export type WorklistRow = {
  id: string;
  bucket: WorklistBucket;
  dueDate: string;
  windowFrom: string;
  windowTo: string;
  outsideWindow: boolean;
  type: ContactType;
  childName: string;
  familyName: string;
  nurse: string;
  href: string;
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
                      <Link href={row.href} className="worklist__link">
                        <span className="worklist__child">{row.childName}</span>
                        <span className="muted">{row.familyName}</span>
                      </Link>
                      <span>{t(`caseload.plan.types.${row.type}`)}</span>
                      <span className="worklist__due">
                        {t('caseload.worklist.due', { date: date(row.dueDate) })}
                        <span className="muted">
                          {' '}
                          ({t('caseload.worklist.windowRange', { from: date(row.windowFrom), to: date(row.windowTo) })})
                        </span>
                        {row.outsideWindow ? (
                          <span className="pill pill--warn">{t('caseload.worklist.outsideWindow')}</span>
                        ) : null}
                      </span>
                      {row.nurse ? <span className="muted">{row.nurse}</span> : null}
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
