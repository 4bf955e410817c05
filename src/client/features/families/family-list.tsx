/**
 * The caseload list with search as you type; each row shows status, children and sync state. The
 * list renders in pages (decision 0073): the count says how many families match, "Vis N flere"
 * renders the next page, and typing starts at the first page again.
 */
import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { formatCpr } from '../../../shared/domain/cpr.ts';
import type { Family } from '../../../shared/schemas/family.ts';
import type { SyncState } from '../../db/state.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { Age } from '../../ui/age.tsx';
import { usePaged } from '../../ui/show-more.tsx';
import { SyncMark } from '../../ui/sync-mark.tsx';
import { FAMILY_PAGE_SIZE } from './page-size.ts';
import { matches, searchIndex } from './search.ts';

export type FamilyRow = {
  id: string;
  sync: SyncState;
  data: Family;
  caregivers: string[];
  children: { id: string; name: string; birthDate: string; cpr: string }[];
};

type Props = { families: FamilyRow[]; familyHref: (id: string) => string };

export function FamilyList({ families, familyHref }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const index = useMemo(
    () =>
      families.map((f) => ({
        row: f,
        entry: searchIndex(f.id, [
          f.data.name,
          f.data.address,
          ...f.caregivers,
          ...f.children.flatMap((c) => [c.name, c.cpr]),
        ]),
      })),
    [families],
  );
  const shown = useMemo(() => index.filter(({ entry }) => matches(entry, query)).map(({ row }) => row), [index, query]);
  const paged = usePaged({
    t,
    total: shown.length,
    pageSize: FAMILY_PAGE_SIZE,
    of: t('family.listTitle'),
    resetKey: query,
  });

  if (families.length === 0) return <p className="empty">{t('family.empty')}</p>;

  return (
    <>
      <div className="search">
        <label htmlFor="family-search" className="field__label">
          {t('family.search')}
        </label>
        <input
          id="family-search"
          type="search"
          value={query}
          placeholder={t('family.searchPlaceholder')}
          onChange={(e) => setQuery(e.target.value)}
          autoComplete="off"
        />
        <p className="muted" aria-live="polite">
          {t('family.count', { count: shown.length })}
        </p>
      </div>
      {shown.length === 0 ? (
        <p className="empty">{t('family.noMatches')}</p>
      ) : (
        <ul className="family-list" ref={paged.listRef}>
          {shown.slice(0, paged.limit).map((family) => (
            <li key={family.id} className="family-card">
              <Link href={familyHref(family.id)} className="family-card__link">
                <span className="family-card__name">{family.data.name}</span>
              </Link>
              <span className={`badge badge--${family.data.status}`}>{t(`family.statuses.${family.data.status}`)}</span>
              <SyncMark state={family.sync} />
              <ul className="family-card__children">
                {family.children.map((child) => (
                  <li key={child.id}>
                    <strong>{child.name}</strong> · <Age birthDate={child.birthDate} />
                    {child.cpr ? <span className="muted"> · {formatCpr(child.cpr)}</span> : null}
                  </li>
                ))}
              </ul>
              <p className="family-card__meta muted">
                {[family.data.address, family.data.tovholder && `${t('family.tovholder')}: ${family.data.tovholder}`]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
            </li>
          ))}
        </ul>
      )}
      {paged.button}
    </>
  );
}
