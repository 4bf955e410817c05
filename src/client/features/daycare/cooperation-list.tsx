/**
 * The child's cooperation with daycare on the child page: the handover due before the childcare
 * start (from the setting), the handovers and interdisciplinary meetings with their state, and the
 * ways to start a new one. The page passes the rows and links (features do not know the routes).
 */

import { Link } from 'wouter';
import type { HandoverForm } from '../../../shared/daycare/handover.ts';
import type { HandoverDue } from '../../../shared/daycare/handover-due.ts';
import type { MeetingType } from '../../../shared/daycare/meeting.ts';
import { localToday } from '../../../shared/domain/age.ts';
import type { SyncState } from '../../db/state.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { formatDate } from '../../ui/dates.ts';
import { SyncMark } from '../../ui/sync-mark.tsx';

export type CooperationRow = {
  id: string;
  kind: 'handover' | 'cooperationMeeting';
  date: string;
  what: HandoverForm | MeetingType | '';
  place: string;
  status: 'kladde' | 'underskrevet';
  additions: number;
  sync: SyncState;
  href: string;
};

type Props = {
  rows: CooperationRow[];
  due: (HandoverDue & { place: string }) | null;
  links: { handover: string; homeVisit: string; meeting: string } | null;
  /** The team's institutions and talks. */
  registerHref: string;
};

export function CooperationList({ rows, due, links, registerHref }: Props) {
  const { t, i18n } = useTranslation();
  const date = (d: string) => formatDate(d, i18n.language);
  const label = (row: CooperationRow) =>
    row.kind === 'handover'
      ? `${t('daycare.cooperation.handover')}${row.what ? ` (${t(`daycare.forms.${row.what as HandoverForm}`).toLocaleLowerCase(i18n.language)})` : ''}`
      : t(`caseload.plan.types.${row.what as MeetingType}`);
  return (
    <section className="card" aria-labelledby="cooperation-heading">
      <div className="card__head">
        <h2 id="cooperation-heading">{t('daycare.cooperation.title')}</h2>
        <Link href={registerHref} className="button button--small">
          {t('daycare.open')}
        </Link>
      </div>
      {due ? (
        <p className={due.state === 'done' ? 'notice notice--ok' : 'notice'}>
          {due.state === 'done'
            ? t('daycare.due.done', { place: due.place })
            : localToday() > due.startDate
              ? t('daycare.due.overdue', { place: due.place, start: date(due.startDate) })
              : t('daycare.due.dueFrom', { place: due.place, from: date(due.from), start: date(due.startDate) })}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p className="muted">{t('daycare.cooperation.empty')}</p>
      ) : (
        <ul className="plain-list">
          {rows.map((row) => (
            <li key={row.id} className="row-item">
              <Link href={row.href}>
                {date(row.date)} · {label(row)}
                {row.place ? ` · ${row.place}` : ''}
              </Link>
              <span>
                <span className="badge">{t(`daycare.status.${row.status}`)}</span>
                {row.additions > 0 ? (
                  <span className="muted">
                    {' '}
                    +{row.additions} {t('daycare.handover.additions').toLocaleLowerCase(i18n.language)}
                  </span>
                ) : null}
                <SyncMark state={row.sync} />
              </span>
            </li>
          ))}
        </ul>
      )}
      {links ? (
        <div className="inline-form__actions">
          <Link href={links.handover} className="button button--small button--primary">
            {t('daycare.cooperation.newHandover')}
          </Link>
          <Link href={links.homeVisit} className="button button--small">
            {t('daycare.cooperation.newHomeVisit')}
          </Link>
          <Link href={links.meeting} className="button button--small">
            {t('daycare.cooperation.newMeeting')}
          </Link>
        </div>
      ) : null}
    </section>
  );
}
