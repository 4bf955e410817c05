/**
 * One family: details, children, caregivers, consents, the disclosure log (what was passed on to
 * daycare and partners, on which legal basis, also before a later withdrawal), COS-P and the
 * family's journal (every note about the family or one of its children). An archived (deleted)
 * family is still shown, read-only.
 */

import { Link, useParams } from 'wouter';
import { auditWhat } from '../../../shared/audit/what-codes.ts';
import { records, useLive } from '../../db/store.ts';
import { useAuditOpen } from '../../features/audit/use-audit.ts';
import { CaregiversList } from '../../features/caregivers/caregivers-list.tsx';
import { ChildrenList } from '../../features/children/children-list.tsx';
import { ConsentsList } from '../../features/consents/consents-list.tsx';
import { FamilyCospHistory, FamilyReflections } from '../../features/cosp/family-history.tsx';
import { DisclosureLog } from '../../features/daycare/disclosure-log.tsx';
import { FamilyDetails } from '../../features/families/family-details.tsx';
import { Journal } from '../../features/visits/journal.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { getSession } from '../../sync/session.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { SyncMark } from '../../ui/sync-mark.tsx';
import { daycarePaths } from '../daycare-paths.ts';
import { paths } from '../paths.ts';
import { familyCospHistory, familyReflections } from './cosp-loaders.ts';
import { familyDisclosures } from './daycare-loaders.ts';

export function FamilyPage() {
  const { t } = useTranslation();
  const familyId = useParams<{ familyId: string }>().familyId;
  const family = useLive(async () => (await records.getWithDeleted('family', familyId)) ?? null, [familyId]);
  const children = useLive(() => records.childrenOfFamily(familyId), [familyId]);
  const archivedChildren = useLive(
    async () => (await records.archived('child')).filter((c) => c.data.familyId === familyId),
    [familyId],
  );
  const journal = useLive(async () => {
    const [notes, session] = await Promise.all([records.byIndex('journalNote', 'familyId', familyId), getSession()]);
    return { notes, me: { id: session?.user.id ?? '', displayName: session?.user.displayName ?? '' } };
  }, [familyId]);
  const caregivers = useLive(() => records.ofFamily('caregiver', familyId), [familyId]);
  const consents = useLive(() => records.ofFamily('consent', familyId), [familyId]);
  const cosp = useLive(() => familyCospHistory(familyId), [familyId]);
  const reflections = useLive(() => familyReflections(familyId), [familyId]);
  const disclosures = useLive(() => familyDisclosures(familyId), [familyId]);
  const back = { to: paths.families, label: t('app.backToFamilies') };
  useAuditOpen(family ? [{ what: auditWhat.family, familyId, recordId: familyId }] : null);

  if (family === undefined) return <p className="muted">{t('app.loading')}</p>;
  if (family === null) return <PageHeader title={t('family.notFound')} back={back} />;

  return (
    <>
      <PageHeader
        title={family.data.name}
        subtitle={<SyncMark state={family.sync} />}
        back={back}
        actions={
          family.deleted ? (
            <span className="badge">{t('archive.archived')}</span>
          ) : (
            <Link href={paths.editFamily(familyId)} className="button">
              {t('common.edit')}
            </Link>
          )
        }
      />
      {family.deleted ? <p className="notice">{t('archive.familyNotice')}</p> : null}
      <div className="columns">
        <FamilyDetails family={family.data} />
        <section className="card" aria-labelledby="children-heading">
          <div className="card__head">
            <h2 id="children-heading">{t('family.children')}</h2>
            <Link href={paths.newChild(familyId)} className="button button--primary button--small">
              {t('family.addChild')}
            </Link>
          </div>
          {children === undefined ? null : (
            <ChildrenList
              items={[...children].sort((a, b) => a.data.birthDate.localeCompare(b.data.birthDate))}
              editHref={(childId) => paths.editChild(familyId, childId)}
              childHref={(childId) => paths.child(familyId, childId)}
            />
          )}
          {archivedChildren && archivedChildren.length > 0 ? (
            <>
              <h3>{t('archive.children')}</h3>
              <ul className="plain-list">
                {archivedChildren.map((c) => (
                  <li key={c.id} className="row-item">
                    <Link href={paths.child(familyId, c.id)}>{`${c.data.firstName} ${c.data.lastName}`.trim()}</Link>
                    <span className="badge">{t('archive.archived')}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
        <section className="card" aria-labelledby="caregivers-heading">
          <div className="card__head">
            <h2 id="caregivers-heading">{t('caseload.caregivers')}</h2>
            <Link href={paths.newCaregiver(familyId)} className="button button--small">
              {t('caseload.addCaregiver')}
            </Link>
          </div>
          {caregivers ? (
            <CaregiversList items={caregivers} editHref={(id) => paths.editCaregiver(familyId, id)} />
          ) : null}
        </section>
        <section className="card" aria-labelledby="consents-heading">
          <div className="card__head">
            <h2 id="consents-heading">{t('caseload.consents')}</h2>
            <Link href={paths.newConsent(familyId)} className="button button--small">
              {t('caseload.addConsent')}
            </Link>
          </div>
          {consents ? (
            <ConsentsList
              items={consents}
              caregiverNames={new Map((caregivers ?? []).map((c) => [c.id, c.data.name]))}
            />
          ) : null}
        </section>
        {disclosures ? (
          <DisclosureLog
            entries={disclosures.entries}
            childName={disclosures.childName}
            institutionName={disclosures.institutionName}
            href={(e) =>
              e.kind === 'handover'
                ? daycarePaths.handover(familyId, e.childId, e.additionOf || e.id)
                : daycarePaths.meeting(familyId, e.childId, e.id)
            }
          />
        ) : null}
        <section className="card" aria-labelledby="cosp-heading">
          <h2 id="cosp-heading">{t('cosp.history')}</h2>
          {cosp ? <FamilyCospHistory rows={cosp} /> : null}
          {reflections ? <FamilyReflections items={reflections} /> : null}
        </section>
      </div>
      {journal ? (
        <Journal notes={journal.notes} refs={{ familyId, childId: '' }} me={journal.me} readOnly={family.deleted} />
      ) : null}
    </>
  );
}
