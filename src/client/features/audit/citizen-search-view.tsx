/**
 * One search field and one result list: children (name, CPR, family) and families (name,
 * caregivers) from this device's caseload. Choosing one opens its access extract.
 */

import { formatCpr } from '../../../shared/domain/cpr.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import type { CitizenHit } from './citizen-search.ts';

type Props = {
  query: string;
  onQuery: (query: string) => void;
  hits: CitizenHit[];
  chosen: CitizenHit | null;
  onChoose: (hit: CitizenHit) => void;
};

export function CitizenSearch({ query, onQuery, hits, chosen, onChoose }: Props) {
  const { t } = useTranslation();
  return (
    <section className="card access-search" aria-labelledby="access-search-heading">
      <h2 id="access-search-heading">{t('accessLog.search.title')}</h2>
      <search className="search">
        <label htmlFor="access-search-input">{t('accessLog.search.label')}</label>
        <input
          id="access-search-input"
          type="search"
          value={query}
          onChange={(e) => onQuery(e.target.value)}
          placeholder={t('accessLog.search.placeholder')}
          autoComplete="off"
          spellCheck={false}
        />
        <span className="muted">{t('accessLog.search.hint')}</span>
      </search>
      {query.trim() === '' ? null : hits.length === 0 ? (
        <p className="muted" role="status">
          {t('accessLog.search.none')}
        </p>
      ) : (
        <ul className="plain-list" aria-label={t('accessLog.search.results', { count: hits.length })}>
          {hits.map((hit) => {
            const selected = chosen?.kind === hit.kind && chosen.id === hit.id;
            return (
              <li key={`${hit.kind}-${hit.id}`} className="row-item">
                <button
                  type="button"
                  className={`access-hit${selected ? ' access-hit--chosen' : ''}`}
                  aria-pressed={selected}
                  onClick={() => onChoose(hit)}
                >
                  <span className="access-hit__name">{hit.name}</span>
                  <span className="muted">
                    {hit.kind === 'child'
                      ? [t('accessLog.search.child'), hit.cpr ? formatCpr(hit.cpr) : '', hit.familyName]
                          .filter(Boolean)
                          .join(' · ')
                      : [t('accessLog.search.family'), hit.caregivers.join(', ')].filter(Boolean).join(' · ')}
                    {hit.archived ? ` · ${t('archive.archived')}` : ''}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
