/** "COS-P": the team's Circle of Security Parenting courses. */

import { Link } from 'wouter';
import { records, useLive } from '../../db/store.ts';
import { CourseList, type CourseRow } from '../../features/cosp/course-list.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { paths } from '../paths.ts';

async function load(): Promise<CourseRow[]> {
  const [courses, enrollments, sessions] = await Promise.all([
    records.all('cospCourse'),
    records.all('cospEnrollment'),
    records.all('cospSession'),
  ]);
  return courses
    .map((c) => ({
      id: c.id,
      data: c.data,
      participants: enrollments.filter((e) => e.data.courseId === c.id).length,
      held: sessions.filter((s) => s.data.courseId === c.id && s.data.status === 'afholdt').length,
    }))
    .sort((a, b) => b.data.startDate.localeCompare(a.data.startDate));
}

export function CospPage() {
  const { t } = useTranslation();
  const rows = useLive(load, []);
  return (
    <>
      <PageHeader
        title={t('cosp.title')}
        subtitle={t('cosp.intro')}
        actions={
          <Link href={paths.newCourse} className="button button--primary">
            {t('cosp.newCourse')}
          </Link>
        }
      />
      {rows ? <CourseList rows={rows} courseHref={paths.course} /> : <p className="muted">{t('app.loading')}</p>}
    </>
  );
}
