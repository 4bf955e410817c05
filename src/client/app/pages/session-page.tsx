/** Recording one COS-P session. */

import { useParams } from 'wouter';
import { auditWhat } from '../../../shared/audit/what-codes.ts';
import { chapterTitles } from '../../../shared/cosp/course.ts';
import { records, useLive } from '../../db/store.ts';
import { useAuditOpen } from '../../features/audit/use-audit.ts';
import { SessionRecorder } from '../../features/cosp/session-recorder.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { getSession } from '../../sync/session.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { paths } from '../paths.ts';
import { familiesShown, loadCourse } from './cosp-loaders.ts';

export function SessionPage() {
  const { t } = useTranslation();
  const { courseId, sessionId } = useParams<{ courseId: string; sessionId: string }>();
  const data = useLive(async () => {
    const [course, session, notes, reflections, user] = await Promise.all([
      loadCourse(courseId),
      records.get('cospSession', sessionId),
      records.byIndex('cospGroupNote', 'sessionId', sessionId),
      records.byIndex('cospFamilyReflection', 'sessionId', sessionId),
      getSession(),
    ]);
    const signer = { id: user?.user.id ?? '', displayName: user?.user.displayName ?? '' };
    return course && session ? { course, session, notes, reflections, me: signer.displayName, signer } : null;
  }, [courseId, sessionId]);
  const back = { to: paths.course(courseId), label: t('common.back') };
  // The session shows attendance and reflections per family: one opening per family shown.
  useAuditOpen(data ? familiesShown(data.course.participants, auditWhat.cospSession, sessionId) : null);
  if (data === undefined) return <p className="muted">{t('app.loading')}</p>;
  if (data === null) return <PageHeader title={t('app.notFound')} back={back} />;
  const { course, session, notes, reflections, me, signer } = data;
  return (
    <>
      <PageHeader
        title={t('cosp.session.title', { number: session.data.number })}
        subtitle={course.course.data.title}
        back={{ to: paths.course(courseId), label: course.course.data.title }}
      />
      <SessionRecorder
        key={session.id}
        session={session}
        chapterTitles={chapterTitles(course.course.data)}
        participants={course.participants}
        attendance={course.attendance.filter((a) => a.data.sessionId === sessionId)}
        groupNote={notes.find((n) => n.data.author === me)}
        otherNotes={notes.filter((n) => n.data.author !== me)}
        reflections={reflections}
        me={me}
        signer={signer}
      />
    </>
  );
}
