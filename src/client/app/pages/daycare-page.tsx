/**
 * "Dagtilbud": the team's register of childminders and daycare institutions, and its talks in
 * daycare and competence-forum meetings in a chosen period (newest first, with the totals the
 * evaluation counts). Team activities only: no family's data is on this screen.
 */
import { useState } from 'react';
import { Link } from 'wouter';
import { type ActivityType, activitiesIn, activityTypes } from '../../../shared/daycare/activity.ts';
import { localToday } from '../../../shared/domain/age.ts';
import { records, useLive } from '../../db/store.ts';
import { ActivityList } from '../../features/daycare/activity-list.tsx';
import { InstitutionsList } from '../../features/daycare/institutions-list.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { daycarePaths } from '../daycare-paths.ts';

export function DaycarePage() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState({ from: `${localToday().slice(0, 4)}-01-01`, to: localToday() });
  const [type, setType] = useState<ActivityType | ''>('');
  const data = useLive(async () => {
    const [institutions, activities] = await Promise.all([records.all('institution'), records.all('daycareActivity')]);
    return { institutions, activities };
  }, []);
  if (!data) return <p className="muted">{t('app.loading')}</p>;
  const names = new Map(data.institutions.map((i) => [i.id, i.data.name]));
  const shown = activitiesIn(data.activities, period, type === '' ? undefined : type);
  return (
    <>
      <PageHeader title={t('daycare.title')} subtitle={t('daycare.intro')} />
      <div className="columns">
        <section className="card" aria-labelledby="institutions-heading">
          <div className="card__head">
            <h2 id="institutions-heading">{t('daycare.institutions')}</h2>
            <Link href={daycarePaths.newInstitution} className="button button--small">
              {t('daycare.addInstitution')}
            </Link>
          </div>
          <InstitutionsList items={data.institutions} editHref={daycarePaths.institution} />
        </section>
        <section className="card" aria-labelledby="activities-heading">
          <div className="card__head">
            <h2 id="activities-heading">{t('daycare.activity.listTitle')}</h2>
          </div>
          <div className="inline-form__actions">
            <Link href={daycarePaths.newActivity('oplaeg')} className="button button--small button--primary">
              {t('daycare.activity.newOplaeg')}
            </Link>
            <Link href={daycarePaths.newActivity('kompetenceforum')} className="button button--small">
              {t('daycare.activity.newForum')}
            </Link>
          </div>
          <fieldset className="field-group toolbar">
            <legend>{t('daycare.activity.period')}</legend>
            <label className="field field--inline">
              <span className="field__label">{t('daycare.activity.from')}</span>
              <input
                type="date"
                value={period.from}
                onChange={(e) => setPeriod((p) => ({ ...p, from: e.target.value }))}
              />
            </label>
            <label className="field field--inline">
              <span className="field__label">{t('daycare.activity.to')}</span>
              <input type="date" value={period.to} onChange={(e) => setPeriod((p) => ({ ...p, to: e.target.value }))} />
            </label>
            <label className="field field--inline">
              <span className="field__label">{t('daycare.activity.type')}</span>
              <select value={type} onChange={(e) => setType(e.target.value as ActivityType | '')}>
                <option value="">{t('caseload.worklist.all')}</option>
                {activityTypes.map((a) => (
                  <option key={a} value={a}>
                    {t(`daycare.activity.types.${a}`)}
                  </option>
                ))}
              </select>
            </label>
          </fieldset>
          <ActivityList items={shown} institutionName={(id) => names.get(id) ?? ''} editHref={daycarePaths.activity} />
        </section>
      </div>
    </>
  );
}
