/** One COS-P course: overview (chapters, attendance, completion), enrolment and sessions. */

import { Link, useLocation, useParams } from 'wouter';
import { auditWhat } from '../../../shared/audit/what-codes.ts';
import { localToday } from '../../../shared/domain/age.ts';
import { records, useLive } from '../../db/store.ts';
import { writer } from '../../db/write-store.ts';
import { useAuditOpen } from '../../features/audit/use-audit.ts';
import { CourseOverviewView } from '../../features/cosp/course-overview.tsx';
import { type EnrolFamily, EnrolPanel } from '../../features/cosp/enrol-panel.tsx';
import { useSaveAttempt } from '../../forms/save-attempt.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { formatDate } from '../../ui/dates.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { paths } from '../paths.ts';
import { familiesShown, loadCourse } from './cosp-loaders.ts';

async function enrolFamilies(): Promise<EnrolFamily[]> {
  const [families, caregivers, children] = await Promise.all([
    records.all('family'),
    records.all('caregiver'),
    records.all('child'),
  ]);
  return families
    .filter((f) => f.data.status === 'aktiv')
    .map((f) => ({
      id: f.id,
      name: f.data.name,
      caregivers: caregivers.filter((c) => c.data.familyId === f.id).map((c) => ({ id: c.id, name: c.data.name })),
      children: children
        .filter((c) => c.data.familyId === f.id)
        .map((c) => ({ id: c.id, name: `${c.data.firstName} ${c.data.lastName}`.trim() })),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'da'));
}

export function CoursePage() {
  const { t, i18n } = useTranslation();
  const { attempt, message: saveFailure } = useSaveAttempt();
  const [, navigate] = useLocation();
  const { courseId } = useParams<{ courseId: string }>();
  const data = useLive(() => loadCourse(courseId), [courseId]);
  const families = useLive(enrolFamilies, []);
  const back = { to: paths.cosp, label: t('cosp.title') };
  // The course shows its participants: one opening per family shown.
  useAuditOpen(data ? familiesShown(data.participants, auditWhat.cospCourse, courseId) : null);
  if (data === undefined) return <p className="muted">{t('app.loading')}</p>;
  if (data === null) return <PageHeader title={t('app.notFound')} back={back} />;
  const { course, sessions, overview, participants, threshold } = data;
  const names = new Map(participants.map((p) => [p.enrollmentId, `${p.name} (${p.familyName})`]));

  const newSession = async () => {
    const number = Math.max(0, ...sessions.map((s) => s.data.number)) + 1;
    const id = await writer.create('cospSession', {
      courseId,
      number,
      date: localToday(),
      status: 'afholdt',
      place: course.data.venue,
      facilitatorsPresent: course.data.facilitators,
      chapters: [],
    });
    navigate(paths.session(courseId, id));
  };

  return (
    <>
      <PageHeader
        title={course.data.title}
        subtitle={`${t(`cosp.course.forms.${course.data.form}`)} · ${t(`cosp.course.statuses.${course.data.status}`)} · ${t('cosp.course.sessionsHeld', { held: overview.sessionsHeld, planned: overview.plannedSessions })}`}
        back={back}
        actions={
          <Link href={paths.editCourse(courseId)} className="button">
            {t('common.edit')}
          </Link>
        }
      />
      <section className="card" aria-labelledby="sessions-heading">
        <div className="card__head">
          <h2 id="sessions-heading">{t('cosp.sessions')}</h2>
          <button type="button" className="button button--primary button--small" onClick={attempt(newSession)}>
            {t('cosp.newSession')}
          </button>
        </div>
        {saveFailure}
        {sessions.length === 0 ? (
          <p className="muted">{t('cosp.noSessions')}</p>
        ) : (
          <ul className="plain-list">
            {[...sessions]
              .sort((a, b) => a.data.number - b.data.number)
              .map((s) => (
                <li key={s.id} className="row-item">
                  <Link href={paths.session(courseId, s.id)}>
                    {t('cosp.session.title', { number: s.data.number })} · {formatDate(s.data.date, i18n.language)}
                  </Link>
                  <span className="muted">
                    {t(`cosp.session.statuses.${s.data.status}`)}
                    {s.data.chapters.length > 0
                      ? ` · ${t('cosp.overview.chapters')} ${s.data.chapters.join(', ')}`
                      : ''}
                  </span>
                </li>
              ))}
          </ul>
        )}
      </section>
      <CourseOverviewView
        overview={overview}
        names={names}
        required={threshold.attendedChapters}
        onOutcome={async (enrollmentId, outcome, reason, category) => {
          const enrollment = data.enrollments.find((e) => e.id === enrollmentId);
          if (enrollment)
            await writer.update('cospEnrollment', enrollmentId, {
              ...enrollment.data,
              outcome,
              dropoutReason: reason,
              dropoutCategory: category,
            });
        }}
      />
      {families ? <EnrolPanel courseId={courseId} families={families} /> : null}
    </>
  );
}
