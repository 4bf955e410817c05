/** "Familier": the caseload list. */

import { Link } from 'wouter';
import { records, useLive } from '../../db/store.ts';
import { FamilyList, type FamilyRow } from '../../features/families/family-list.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { paths } from '../paths.ts';

async function loadRows(): Promise<FamilyRow[]> {
  const start = performance.now();
  const [families, childrenByFamily, caregivers] = await Promise.all([
    records.all('family'),
    records.childrenOfFamilies(),
    records.all('caregiver'),
  ]);
  const caregiverNames = new Map<string, string[]>();
  for (const c of caregivers)
    caregiverNames.set(c.data.familyId, [...(caregiverNames.get(c.data.familyId) ?? []), c.data.name]);
  const rows = families
    .map((f) => ({
      id: f.id,
      sync: f.sync,
      data: f.data,
      caregivers: caregiverNames.get(f.id) ?? [],
      children: (childrenByFamily.get(f.id) ?? []).map((c) => ({
        id: c.id,
        name: `${c.data.firstName} ${c.data.lastName}`.trim(),
        birthDate: c.data.birthDate,
        cpr: c.data.cpr,
      })),
    }))
    .sort((a, b) => a.data.name.localeCompare(b.data.name, 'da'));
  // What the screen reads on open, for the startup benchmark (scripts/bench/startup.ts).
  performance.measure('families:read', { start });
  return rows;
}

export function FamiliesPage() {
  const { t } = useTranslation();
  const rows = useLive(loadRows, []);
  const archived = useLive(() => records.archived('family'), []);
  return (
    <>
      <PageHeader
        title={t('family.listTitle')}
        subtitle={t('family.listIntro')}
        actions={
          <>
            <Link href={paths.daycare} className="button">
              {t('daycare.open')}
            </Link>
            <Link href={paths.newFamily} className="button button--primary">
              {t('family.new')}
            </Link>
          </>
        }
      />
      {rows === undefined ? (
        <p className="muted">{t('app.loading')}</p>
      ) : (
        <FamilyList families={rows} familyHref={paths.family} />
      )}
      {archived && archived.length > 0 ? (
        // Archived families stay reachable: their journal is never hidden.
        <details className="card">
          <summary>
            {t('archive.families')} ({archived.length})
          </summary>
          <ul className="plain-list">
            {archived.map((f) => (
              <li key={f.id} className="row-item">
                <Link href={paths.family(f.id)}>{f.data.name}</Link>
                <span className="badge">{t('archive.archived')}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}
