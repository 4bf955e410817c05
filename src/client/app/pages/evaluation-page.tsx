/**
 * "Overblik" for team leaders and admins (issue 17): reads the team's records on the device and
 * hands them to the evaluation feature. Nurses see a short note instead (the records are the
 * team's either way; the overview is a leader's tool).
 */

import { localToday } from '../../../shared/domain/age.ts';
import type { EvaluationRecords } from '../../../shared/evaluation/records.ts';
import { records, useLive } from '../../db/store.ts';
import { EvaluationView } from '../../features/evaluation/evaluation-view.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { getSession } from '../../sync/session.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { paths } from '../paths.ts';

export const canSeeOverview = (role: string | undefined) => role === 'leader' || role === 'admin';

async function load() {
  const session = await getSession();
  if (!canSeeOverview(session?.user.role)) return { allowed: false as const };
  // User Timing marks (standard, no cost worth naming): the overview benchmark reads where time goes.
  const readStart = performance.now();
  const [
    families,
    children,
    contacts,
    visits,
    observations,
    instruments,
    courses,
    enrollments,
    sessions,
    attendance,
    settings,
  ] = await Promise.all([
    records.all('family'),
    records.all('child'),
    records.all('contact'),
    records.all('visit'),
    records.all('observation'),
    records.all('instrumentResponse'),
    records.all('cospCourse'),
    records.all('cospEnrollment'),
    records.all('cospSession'),
    records.all('cospAttendance'),
    records.settings(),
  ]);
  const data: EvaluationRecords = {
    families,
    children,
    contacts,
    visits,
    observations,
    instruments,

    courses,
    enrollments,
    sessions,
    attendance: attendance.map((a) => ({ id: a.id, ...a.data, seq: a.seq, pending: a.sync !== 'synced' })),
  };
  performance.measure('overview:read', { start: readStart });
  return { allowed: true as const, data, settings: settings.data };
}

const hrefs = { child: paths.child, family: paths.family };

export function EvaluationPage() {
  const { t } = useTranslation();
  const loaded = useLive(load, []);
  const today = localToday();
  return (
    <>
      <PageHeader
        title={t('evaluation.title')}
        subtitle={t('evaluation.intro')}
        actions={
          loaded?.allowed ? (
            <button type="button" className="button" onClick={() => window.print()}>
              {t('evaluation.print')}
            </button>
          ) : null
        }
      />
      {loaded === undefined ? (
        <p className="muted">{t('app.loading')}</p>
      ) : loaded.allowed ? (
        <EvaluationView records={loaded.data} settings={loaded.settings} today={today} hrefs={hrefs} />
      ) : (
        <p className="notice">{t('evaluation.noAccess')}</p>
      )}
    </>
  );
}
