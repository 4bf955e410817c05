/** The children of a family with age, day on the 1000-day path, CPR and childcare. */

import { Link } from 'wouter';
import { ageInDays, localToday } from '../../../shared/domain/age.ts';
import { formatCpr } from '../../../shared/domain/cpr.ts';
import type { Child } from '../../../shared/schemas/child.ts';
import type { SyncState } from '../../db/state.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { Age } from '../../ui/age.tsx';
import { formatDate } from '../../ui/dates.ts';
import { SyncMark } from '../../ui/sync-mark.tsx';

type Props = {
  items: { id: string; sync: SyncState; data: Child }[];
  editHref: (id: string) => string;
  childHref: (id: string) => string;
};

export function ChildrenList({ items, editHref, childHref }: Props) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return <p className="empty">{t('family.noChildren')}</p>;
  const today = localToday();
  return (
    <ul className="child-list">
      {items.map(({ id, sync, data }) => {
        const day = ageInDays(data.birthDate, today) + 1;
        return (
          <li key={id} className="child-card">
            <div className="child-card__head">
              <h3>
                <Link href={childHref(id)}>
                  {data.firstName} {data.lastName}
                </Link>
              </h3>
              <SyncMark state={sync} />
              <Link
                className="button button--small"
                href={editHref(id)}
                aria-label={`${t('common.edit')}: ${data.firstName}`}
              >
                {t('common.edit')}
              </Link>
            </div>
            <p>
              {t(`child.sexes.${data.sex}`)} · {formatDate(data.birthDate, i18n.language)} ·{' '}
              <Age birthDate={data.birthDate} on={today} />
              {day >= 1 && day <= 1000 ? <span className="pill">{t('child.dayOfThousand', { day })}</span> : null}
            </p>
            <p className="muted">
              {t('child.cpr')}: {data.cpr ? formatCpr(data.cpr) : t('common.none')} · {t('child.childcare')}:{' '}
              {t(`child.childcareTypes.${data.childcareType}`)}
              {data.childcarePlace ? ` (${data.childcarePlace})` : ''}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
