/** The team's COS-P courses with form, status, start, participants and sessions held. */

import { Link } from 'wouter';
import type { Course } from '../../../shared/cosp/course.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { formatDate } from '../../ui/dates.ts';

export type CourseRow = { id: string; data: Course; participants: number; held: number };

export function CourseList({ rows, courseHref }: { rows: CourseRow[]; courseHref: (id: string) => string }) {
  const { t, i18n } = useTranslation();
  if (rows.length === 0) return <p className="empty">{t('cosp.noCourses')}</p>;
  return (
    <ul className="family-list">
      {rows.map(({ id, data, participants, held }) => (
        <li key={id} className="family-card">
          <Link href={courseHref(id)} className="family-card__link">
            <span className="family-card__name">{data.title}</span>
          </Link>
          <span className="badge">{t(`cosp.course.statuses.${data.status}`)}</span>
          <p className="family-card__meta">
            {t(`cosp.course.forms.${data.form}`)} · {formatDate(data.startDate, i18n.language)} ·{' '}
            {t('cosp.course.participantsCount', { count: participants })} ·{' '}
            {t('cosp.course.sessionsHeld', { held, planned: data.plannedSessions })}
          </p>
          {data.venue ? <p className="family-card__meta muted">{data.venue}</p> : null}
        </li>
      ))}
    </ul>
  );
}
