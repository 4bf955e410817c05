/** Create ("Ny familie") and edit a family. */

import { useLocation, useParams } from 'wouter';
import { useRecord } from '../../db/store.ts';
import { FamilyForm } from '../../features/families/family-form.tsx';
import { reconcileFamilyPlans } from '../../features/plan/plan-service.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { paths } from '../paths.ts';

export function NewFamilyPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  return (
    <>
      <PageHeader title={t('family.newTitle')} back={{ to: paths.families, label: t('app.backToFamilies') }} />
      <FamilyForm
        onSaved={(id) => navigate(paths.family(id), { replace: true })}
        onCancel={() => navigate(paths.families)}
      />
    </>
  );
}

export function EditFamilyPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const familyId = useParams<{ familyId: string }>().familyId;
  const family = useRecord('family', familyId);
  const back = { to: paths.family(familyId), label: t('common.back') };
  if (family === undefined) return <p className="muted">{t('app.loading')}</p>;
  if (family === null) return <PageHeader title={t('family.notFound')} back={back} />;
  return (
    <>
      <PageHeader title={t('family.editTitle')} subtitle={family.data.name} back={back} />
      <FamilyForm
        id={familyId}
        initial={family.data}
        onSaved={(id) => void reconcileFamilyPlans(id).then(() => navigate(paths.family(id), { replace: true }))}
        onCancel={() => navigate(paths.family(familyId))}
      />
    </>
  );
}
