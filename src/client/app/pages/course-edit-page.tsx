/** Create ("Nyt forløb") and edit a COS-P course. */

import { useLocation, useParams } from 'wouter';
import { DEFAULT_PLANNED_SESSIONS } from '../../../shared/cosp/course.ts';
import { localToday } from '../../../shared/domain/age.ts';
import { useLive, useRecord } from '../../db/store.ts';
import { CourseForm } from '../../features/cosp/course-form.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { getSession } from '../../sync/session.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { paths } from '../paths.ts';

export function NewCoursePage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const me = useLive(async () => (await getSession())?.user.displayName ?? '', []);
  if (me === undefined) return null;
  return (
    <>
      <PageHeader title={t('cosp.newCourse')} back={{ to: paths.cosp, label: t('cosp.title') }} />
      <CourseForm
        initial={{
          form: 'gruppe',
          title: '',
          facilitators: me ? [me] : [],
          coFacilitators: [],
          venue: '',
          plannedSessions: DEFAULT_PLANNED_SESSIONS,
          startDate: localToday(),
          status: 'planlagt',
          chapterTitles: [],
        }}
        onSaved={(id) => navigate(paths.course(id), { replace: true })}
        onCancel={() => navigate(paths.cosp)}
      />
    </>
  );
}

export function EditCoursePage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const { courseId } = useParams<{ courseId: string }>();
  const course = useRecord('cospCourse', courseId);
  const back = { to: paths.course(courseId), label: t('common.back') };
  if (course === undefined) return null;
  if (course === null) return <PageHeader title={t('app.notFound')} back={back} />;
  return (
    <>
      <PageHeader title={course.data.title} back={back} />
      <CourseForm
        id={courseId}
        initial={course.data}
        onSaved={() => navigate(paths.course(courseId), { replace: true })}
        onCancel={() => navigate(paths.course(courseId))}
      />
    </>
  );
}
