/** Add or edit a caregiver of a family. */

import { useLocation, useParams } from 'wouter';
import { useRecord } from '../../db/store.ts';
import { CaregiverForm } from '../../features/caregivers/caregiver-form.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { paths } from '../paths.ts';

export function NewCaregiverPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const { familyId } = useParams<{ familyId: string }>();
  const done = () => navigate(paths.family(familyId), { replace: true });
  return (
    <>
      <PageHeader
        title={t('caseload.newCaregiverTitle')}
        back={{ to: paths.family(familyId), label: t('common.back') }}
      />
      <CaregiverForm familyId={familyId} onSaved={done} onCancel={done} />
    </>
  );
}

export function EditCaregiverPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const { familyId, caregiverId } = useParams<{ familyId: string; caregiverId: string }>();
  const caregiver = useRecord('caregiver', caregiverId);
  const done = () => navigate(paths.family(familyId), { replace: true });
  const back = { to: paths.family(familyId), label: t('common.back') };
  if (caregiver === undefined) return null;
  if (caregiver === null) return <PageHeader title={t('app.notFound')} back={back} />;
  return (
    <>
      <PageHeader title={t('caseload.editCaregiverTitle')} subtitle={caregiver.data.name} back={back} />
      <CaregiverForm familyId={familyId} id={caregiverId} initial={caregiver.data} onSaved={done} onCancel={done} />
    </>
  );
}
