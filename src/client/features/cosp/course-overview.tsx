/**
 * A course at a glance: chapters covered against the plan, attendance per participant, and who
 * has completed or is on track to complete by the municipality's threshold.
 */
import { useTranslation } from 'react-i18next';
import type { CourseOverview } from '../../../shared/cosp/completion.ts';

type Props = { overview: CourseOverview; names: Map<string, string>; required: number };

export function CourseOverviewView({ overview, names, required }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <section className="card" aria-labelledby="chapters-heading">
        <h2 id="chapters-heading">{t('cosp.overview.chapters')}</h2>
        <ol className="chapter-list">
          {overview.chapters.map((c) => (
            <li key={c.chapter} className={c.sessionNumbers.length > 0 ? 'chapter chapter--covered' : 'chapter'}>
              <span className="chapter__title">{t('cosp.session.chapter', { number: c.chapter, title: c.title })}</span>
              <span className="muted">
                {c.sessionNumbers.length > 0
                  ? t('cosp.overview.covered', { sessions: c.sessionNumbers.join(', ') })
                  : t('cosp.overview.notCovered')}
              </span>
            </li>
          ))}
        </ol>
      </section>
      <section className="card" aria-labelledby="participants-heading">
        <h2 id="participants-heading">{t('cosp.overview.participants')}</h2>
        <p className="muted">
          {t('cosp.overview.completersLine', {
            count: overview.completers.length,
            total: overview.participants.length,
            required,
          })}
        </p>
        {overview.participants.length === 0 ? (
          <p className="empty">{t('cosp.overview.noParticipants')}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('cosp.overview.participant')}</th>
                <th scope="col">{t('cosp.overview.attended')}</th>
                <th scope="col">{t('cosp.overview.cancelled')}</th>
                <th scope="col">{t('cosp.overview.absent')}</th>
                <th scope="col">{t('cosp.overview.chaptersAttended')}</th>
                <th scope="col">{t('cosp.overview.completion')}</th>
              </tr>
            </thead>
            <tbody>
              {overview.participants.map((p) => (
                <tr key={p.enrollmentId}>
                  <th scope="row">{names.get(p.enrollmentId) ?? '–'}</th>
                  <td>{p.counts.moedt}</td>
                  <td>{p.counts.afbud}</td>
                  <td>{p.counts.udeblevet}</td>
                  <td>
                    {p.completion.chaptersAttended} / {p.completion.required}
                  </td>
                  <td>
                    {p.completion.completed ? (
                      <span className="badge">{t('cosp.overview.completed')}</span>
                    ) : p.completion.onTrack ? (
                      <span className="badge badge--ontrack">{t('cosp.overview.onTrack')}</span>
                    ) : (
                      <span className="badge badge--consent-withdrawn">{t('cosp.overview.notOnTrack')}</span>
                    )}
                    {p.outcome ? <span className="muted"> · {t(`cosp.outcomes.${p.outcome}`)}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
