/** A family's caregivers: relation, custody, language and interpreter need, contact details. */

import { Link } from 'wouter';
import type { Caregiver } from '../../../shared/caseload/caregiver.ts';
import type { SyncState } from '../../db/state.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { SyncMark } from '../../ui/sync-mark.tsx';

type Props = { items: { id: string; sync: SyncState; data: Caregiver }[]; editHref: (id: string) => string };

export function CaregiversList({ items, editHref }: Props) {
  const { t } = useTranslation();
  if (items.length === 0) return <p className="empty">{t('caseload.noCaregivers')}</p>;
  return (
    <ul className="plain-list">
      {items.map(({ id, sync, data }) => (
        <li key={id} className="row-item">
          <div>
            <strong>{data.name}</strong> · {t(`caseload.caregiver.relations.${data.relation}`)}
            {data.parentalResponsibility ? <span className="pill">{t('caseload.caregiver.custody')}</span> : null}
            {data.interpreterNeeded ? (
              <span className="pill pill--warn">
                {t('caseload.caregiver.interpreter')}: {data.language}
              </span>
            ) : null}
            <SyncMark state={sync} />
            <p className="muted">{[data.language, data.phone, data.email].filter(Boolean).join(' · ')}</p>
          </div>
          <Link href={editHref(id)} className="button button--small" aria-label={`${t('common.edit')}: ${data.name}`}>
            {t('common.edit')}
          </Link>
        </li>
      ))}
    </ul>
  );
}
