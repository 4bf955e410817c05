/**
 * A course at a glance: chapters covered against the plan, attendance per participant, and who
 * has completed or is on track to complete by the municipality's threshold.
 */
import { useState } from 'react';
import type { CourseOverview } from '../../../shared/cosp/completion.ts';
import {
  type DropoutCategory,
  dropoutCategories,
  type EnrollmentOutcome,
  enrollmentOutcomes,
} from '../../../shared/cosp/enrollment.ts';
import { useSaveAttempt } from '../../forms/save-attempt.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';

type Props = {
  overview: CourseOverview;
  names: Map<string, string>;
  required: number;
  onOutcome: (
    enrollmentId: string,
    outcome: EnrollmentOutcome | '',
    reason: string,
    category: DropoutCategory | '',
  ) => Promise<void>;
};

export function CourseOverviewView({ overview, names, required, onOutcome }: Props) {
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
                <th scope="col">{t('cosp.overview.outcome')}</th>
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
                  </td>
                  <td>
                    <OutcomeEditor
                      name={names.get(p.enrollmentId) ?? ''}
                      outcome={p.outcome}
                      onSave={(outcome, reason, category) => onOutcome(p.enrollmentId, outcome, reason, category)}
                    />
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

function OutcomeEditor(props: {
  name: string;
  outcome: EnrollmentOutcome | '';
  onSave: (outcome: EnrollmentOutcome | '', reason: string, category: DropoutCategory | '') => Promise<void>;
}) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<EnrollmentOutcome | ''>(props.outcome);
  const [reason, setReason] = useState('');
  const [category, setCategory] = useState<DropoutCategory | ''>('');
  const needsReason = outcome === 'frafaldet' && props.outcome !== 'frafaldet';
  const { attempt, message: saveFailure } = useSaveAttempt();
  return (
    <div className="outcome">
      <select
        aria-label={`${t('cosp.overview.outcome')}: ${props.name}`}
        value={outcome}
        onChange={(e) => {
          const next = e.target.value as EnrollmentOutcome | '';
          setOutcome(next);
          if (next !== 'frafaldet') attempt(() => props.onSave(next, '', ''))();
        }}
      >
        {(['', ...enrollmentOutcomes] as const).map((o) => (
          <option key={o} value={o}>
            {t(`cosp.outcomes.${o}`)}
          </option>
        ))}
      </select>
      {needsReason ? (
        <>
          <select
            aria-label={`${t('cosp.overview.dropoutCategory')}: ${props.name}`}
            value={category}
            onChange={(e) => setCategory(e.target.value as DropoutCategory | '')}
          >
            {(['', ...dropoutCategories] as const).map((c) => (
              <option key={c} value={c}>
                {t(`cosp.dropoutCategories.${c}`)}
              </option>
            ))}
          </select>
          <input
            aria-label={`${t('cosp.overview.dropoutReason')}: ${props.name}`}
            placeholder={t('cosp.overview.dropoutReason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <button
            type="button"
            className="button button--small"
            disabled={reason.trim() === '' || category === ''}
            onClick={attempt(() => props.onSave('frafaldet', reason, category))}
          >
            {t('common.save')}
          </button>
        </>
      ) : null}
      {saveFailure}
    </div>
  );
}
