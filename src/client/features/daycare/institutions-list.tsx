/**
 * The team's childcare institutions: name, kind, contact; each archived (never deleted) or taken
 * back into use. Archived ones are shown on request, read-only.
 */
import { useState } from 'react';
import { Link } from 'wouter';
import { type Institution, isArchived } from '../../../shared/daycare/institution.ts';
import type { SyncState } from '../../db/state.ts';
import { useSaveAttempt } from '../../forms/save-attempt.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { formatDate } from '../../ui/dates.ts';
import { SyncMark } from '../../ui/sync-mark.tsx';
import { setInstitutionArchived } from './daycare-actions.ts';

type Item = { id: string; sync: SyncState; data: Institution };

export function InstitutionsList({ items, editHref }: { items: Item[]; editHref: (id: string) => string }) {
  const { t, i18n } = useTranslation();
  const { attempt, message: saveFailure } = useSaveAttempt();
  const [showArchived, setShowArchived] = useState(false);
  const sorted = [...items].sort((a, b) => a.data.name.localeCompare(b.data.name, 'da'));
  const shown = sorted.filter((i) => showArchived || !isArchived(i.data));
  const archivedCount = sorted.length - sorted.filter((i) => !isArchived(i.data)).length;
  return (
    <>
      {shown.length === 0 ? <p className="muted">{t('daycare.noInstitutions')}</p> : null}
      <ul className="plain-list">
        {shown.map(({ id, sync, data }) => (
          <li key={id} className="row-item">
            <div>
              <Link href={editHref(id)}>{data.name}</Link> <SyncMark state={sync} />
              <p className="muted">
                {t(`daycare.institution.kinds.${data.kind}`)}
                {data.contactPerson ? ` · ${data.contactPerson}` : ''}
                {data.phone ? ` · ${data.phone}` : ''}
                {isArchived(data)
                  ? ` · ${t('daycare.archivedOn', { date: formatDate(data.archivedAt, i18n.language) })}`
                  : ''}
              </p>
            </div>
            <button
              type="button"
              className="button button--small"
              aria-label={`${t(isArchived(data) ? 'daycare.unarchive' : 'daycare.archive')}: ${data.name}`}
              onClick={attempt(() => setInstitutionArchived(id, !isArchived(data)))}
            >
              {t(isArchived(data) ? 'daycare.unarchive' : 'daycare.archive')}
            </button>
          </li>
        ))}
      </ul>
      {saveFailure}
      {archivedCount > 0 ? (
        <label className="checkbox">
          <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
          {t('daycare.showArchived')} ({archivedCount})
        </label>
      ) : null}
      <p className="field__hint">{t('daycare.archiveHint')}</p>
    </>
  );
}
