/** Add a child to a family, and edit a child. */

import { useLocation, useParams } from 'wouter';
import { findDuplicateChild } from '../../../shared/caseload/duplicates.ts';
import { activeInstitutions } from '../../../shared/daycare/institution.ts';
import type { Child } from '../../../shared/schemas/child.ts';
import { records, useLive, useRecord } from '../../db/store.ts';
import { ChildForm, type PossibleDuplicate } from '../../features/children/child-form.tsx';
import { reconcileChildPlan } from '../../features/plan/plan-service.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { paths } from '../paths.ts';

/** The institutions a child may be linked to: those in use, and the one it is linked to now. */
function useInstitutionChoices(current = '') {
  return useLive(async () => {
    const all = await records.all('institution');
    return [...activeInstitutions(all), ...all.filter((i) => i.id === current && i.data.archivedAt !== '')].map(
      (i) => ({ id: i.id, name: i.data.name, kind: i.data.kind }),
    );
  }, [current]);
}

async function possibleDuplicates(candidate: Child): Promise<PossibleDuplicate[]> {
  const children = await records.all('child');
  const matches = findDuplicateChild(
    candidate,
    children.map((c) => ({ id: c.id, ...c.data })),
  );
  const byId = new Map(children.map((c) => [c.id, c.data]));
  return matches.map((m) => {
    const child = byId.get(m.id);
    return {
      id: m.id,
      reason: m.reason,
      name: `${child?.firstName ?? ''} ${child?.lastName ?? ''}`.trim(),
      href: paths.child(child?.familyId ?? '', m.id),
    };
  });
}

export function NewChildPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const familyId = useParams<{ familyId: string }>().familyId;
  const family = useRecord('family', familyId);
  const institutions = useInstitutionChoices();
  const back = { to: paths.family(familyId), label: t('common.back') };
  if (family === undefined || institutions === undefined) return <p className="muted">{t('app.loading')}</p>;
  if (family === null) return <PageHeader title={t('family.notFound')} back={back} />;
  return (
    <>
      <PageHeader title={t('child.newTitle')} subtitle={family.data.name} back={back} />
      <ChildForm
        familyId={familyId}
        institutions={institutions}
        findDuplicates={possibleDuplicates}
        onSaved={(
          id, // After a child is saved, its visit plan follows (new child, corrected birth date).
        ) => void reconcileChildPlan(id).then(() => navigate(paths.family(familyId), { replace: true }))}
        onCancel={() => navigate(paths.family(familyId))}
      />
    </>
  );
}

export function EditChildPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const { familyId, childId } = useParams<{ familyId: string; childId: string }>();
  const child = useRecord('child', childId);
  const institutions = useInstitutionChoices(child?.data.institutionId);
  const back = { to: paths.family(familyId), label: t('common.back') };
  if (child === undefined || institutions === undefined) return <p className="muted">{t('app.loading')}</p>;
  if (child === null) return <PageHeader title={t('child.notFound')} back={back} />;
  return (
    <>
      <PageHeader
        title={t('child.editTitle')}
        subtitle={`${child.data.firstName} ${child.data.lastName}`}
        back={back}
      />
      <ChildForm
        familyId={child.data.familyId}
        institutions={institutions}
        id={childId}
        initial={child.data}
        onSaved={(
          id, // After a child is saved, its visit plan follows (new child, corrected birth date).
        ) => void reconcileChildPlan(id).then(() => navigate(paths.child(familyId, childId), { replace: true }))}
        onCancel={() => navigate(paths.family(familyId))}
      />
    </>
  );
}
