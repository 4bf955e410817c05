/**
 * "Mine besøg": open contacts across the caseload grouped as overdue, today, this week and
 * upcoming, filterable by nurse. Each row names the child and family, the visit, its deadline
 * ("frist": the agreed day, else the window's end) and target; the row opens the visit (started
 * from the planned contact, or continued when a draft exists), with a link to the child's page.
 * Each bucket renders in pages (decision 0073): its heading counts every row, "Vis N flere" renders
 * the next page, and a change of the nurse filter starts every bucket at its first page again.
 */

import { Link } from 'wouter';
import type { ContactType } from '../../../shared/caseload/contact.ts';
import type { WorklistBucket } from '../../../shared/caseload/worklist.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { formatDate } from '../../ui/dates.ts';
import { usePaged } from '../../ui/show-more.tsx';

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

/** The buckets the screen shows ("later" is not due yet: the child's plan shows it). */
export const shownBuckets = ['overdue', 'today', 'this-week', 'upcoming'] as const;
type ShownBucket = (typeof shownBuckets)[number];

/**
 * Rows a bucket renders before "Vis flere" (decision 0073). Overdue and today are what the nurse
 * must act on, so they get a larger first page: a nurse's own overdue list fits on it; the team's
 * (hundreds in the demo caseload) starts with the most overdue, as the shared rule orders them.
 */
export const bucketPageSize = (bucket: ShownBucket) => (bucket === 'overdue' || bucket === 'today' ? 100 : 50);

export function WorklistView({ rows, nurses, nurse, me, onNurseChange }: Props) {
  const { t } = useTranslation();
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
        {shownBuckets.map((bucket) => (
          <Bucket key={bucket} bucket={bucket} rows={rows.filter((r) => r.bucket === bucket)} nurse={nurse} />
        ))}
      </div>
    </>
  );
}

function Bucket({ bucket, rows, nurse }: { bucket: ShownBucket; rows: WorklistRow[]; nurse: string }) {
  const { t, i18n } = useTranslation();
  const date = (d: string) => formatDate(d, i18n.language);
  const title = t(`caseload.worklist.buckets.${bucket}`);
  const paged = usePaged({ t, total: rows.length, pageSize: bucketPageSize(bucket), of: title, resetKey: nurse });
  return (
    <section className={`card worklist__bucket worklist__bucket--${bucket}`} aria-labelledby={`bucket-${bucket}`}>
      <h2 id={`bucket-${bucket}`}>
        {title} <span className="count">{t('caseload.worklist.count', { count: rows.length })}</span>
      </h2>
      {rows.length === 0 ? (
        <p className="muted">{t('caseload.worklist.empty')}</p>
      ) : (
        <ul className="plain-list" ref={paged.listRef}>
          {rows.slice(0, paged.limit).map((row) => (
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
      {paged.button}
    </section>
  );
}
