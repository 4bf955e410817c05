/** A talk in daycare or a competence-forum meeting: new (by type) or edited; a team activity. */

import { useLocation, useParams } from 'wouter';
import type { Activity, ActivityType } from '../../../shared/daycare/activity.ts';
import { activeInstitutions } from '../../../shared/daycare/institution.ts';
import { localToday } from '../../../shared/domain/age.ts';
import { records, useLive } from '../../db/store.ts';
import { ActivityForm } from '../../features/daycare/activity-form.tsx';
import { deleteActivity } from '../../features/daycare/daycare-actions.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { getSession } from '../../sync/session.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { paths } from '../paths.ts';
import { caseloadNames } from './daycare-loaders.ts';

async function load(id: string | undefined) {
  const [institutions, names, activity, session] = await Promise.all([
    records.all('institution'),
    caseloadNames(),
    id ? records.get('daycareActivity', id) : Promise.resolve(undefined),
    getSession(),
  ]);
  return { institutions, names, activity: activity ?? null, me: session?.user.displayName ?? '' };
}

const blank = (type: ActivityType, staff: string): Activity => ({
  type,
  date: localToday(),
  durationMinutes: null,
  institutionIds: [],
  institutionOther: '',
  topics: [],
  topicOther: '',
  participantsCount: null,
  professions: [],
  staff,
  notes: '',
});

export function NewActivityPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const { type } = useParams<{ type: string }>();
  const data = useLive(() => load(undefined), []);
  const done = () => navigate(paths.daycare, { replace: true });
  if (!data) return <p className="muted">{t('app.loading')}</p>;
  const kind: ActivityType = type === 'kompetenceforum' ? 'kompetenceforum' : 'oplaeg';
  return (
    <>
      <PageHeader title={t(`daycare.activity.types.${kind}`)} back={{ to: paths.daycare, label: t('common.back') }} />
      <ActivityForm
        initial={blank(kind, data.me)}
        institutions={activeInstitutions(data.institutions)}
        caseloadNames={data.names}
        onSaved={done}
        onCancel={done}
      />
    </>
  );
}

export function EditActivityPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const { activityId } = useParams<{ activityId: string }>();
  const data = useLive(() => load(activityId), [activityId]);
  const done = () => navigate(paths.daycare, { replace: true });
  const back = { to: paths.daycare, label: t('common.back') };
  if (!data) return <p className="muted">{t('app.loading')}</p>;
  if (!data.activity) return <PageHeader title={t('app.notFound')} back={back} />;
  const activity = data.activity;
  return (
    <>
      <PageHeader
        title={t('daycare.activity.editTitle')}
        subtitle={t(`daycare.activity.types.${activity.data.type}`)}
        back={back}
        actions={
          <button
            type="button"
            className="button"
            onClick={() => {
              if (window.confirm(t('daycare.activity.deleteConfirm'))) void deleteActivity(activity.id).then(done);
            }}
          >
            {t('daycare.activity.delete')}
          </button>
        }
      />
      <ActivityForm
        id={activity.id}
        initial={activity.data}
        institutions={[
          ...activeInstitutions(data.institutions),
          ...data.institutions.filter((i) => i.data.archivedAt !== '' && activity.data.institutionIds.includes(i.id)),
        ]}
        caseloadNames={data.names}
        onSaved={done}
        onCancel={done}
      />
    </>
  );
}
