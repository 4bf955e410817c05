/**
 * The team's talks in daycare and competence-forum meetings in a period: per activity its date,
 * type, topic, institutions, participants and duration, with the period's totals (what the
 * evaluation counts). The period is the page's (UI state); nothing here holds personal data.
 */

import { Link } from 'wouter';
import type { Activity } from '../../../shared/daycare/activity.ts';
import type { SyncState } from '../../db/state.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { formatDate } from '../../ui/dates.ts';
import { SyncMark } from '../../ui/sync-mark.tsx';

type Item = { id: string; sync: SyncState; data: Activity };

type Props = {
  items: Item[];
  institutionName: (id: string) => string;
  editHref: (id: string) => string;
};

export function ActivityList({ items, institutionName, editHref }: Props) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return <p className="muted">{t('daycare.activity.empty')}</p>;
  const participants = items.reduce((sum, a) => sum + (a.data.participantsCount ?? 0), 0);
  const minutes = items.reduce((sum, a) => sum + (a.data.durationMinutes ?? 0), 0);
  return (
    <>
      <p className="muted" aria-live="polite">
        {t('daycare.activity.summary', { count: items.length, participants, minutes })}
      </p>
      <ul className="plain-list">
        {items.map(({ id, sync, data }) => {
          const topics = [
            ...data.topics.filter((k) => k !== 'andet').map((k) => t(`daycare.activity.topicsList.${k}`)),
            data.topicOther,
          ]
            .filter(Boolean)
            .join(', ');
          const places = [...data.institutionIds.map(institutionName), data.institutionOther]
            .filter(Boolean)
            .join(', ');
          return (
            <li key={id} className="row-item row-item--stack">
              <p>
                <strong>{formatDate(data.date, i18n.language)}</strong> ·{' '}
                <Link href={editHref(id)}>
                  {t(`daycare.activity.types.${data.type}`)}: {topics}
                </Link>{' '}
                <SyncMark state={sync} />
              </p>
              <p className="muted">
                {[
                  places,
                  data.participantsCount === null
                    ? ''
                    : t('daycare.activity.participantsShort', { count: data.participantsCount }),
                  data.durationMinutes === null
                    ? ''
                    : t('daycare.activity.minutesShort', { count: data.durationMinutes }),
                  data.professions.map((p) => t(`daycare.professions.${p}`)).join(', '),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
            </li>
          );
        })}
      </ul>
    </>
  );
}
