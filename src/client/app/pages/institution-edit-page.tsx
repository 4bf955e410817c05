/** Add or edit a childcare institution of the team's register; `?tilbage=` returns to the flow that asked. */

import { useLocation, useParams, useSearch } from 'wouter';
import { useRecord } from '../../db/store.ts';
import { InstitutionForm } from '../../features/daycare/institution-form.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { returnPath } from '../daycare-paths.ts';
import { paths } from '../paths.ts';

export function NewInstitutionPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const back = returnPath(useSearch(), paths.daycare);
  return (
    <>
      <PageHeader title={t('daycare.newInstitutionTitle')} back={{ to: back, label: t('common.back') }} />
      <InstitutionForm onSaved={() => navigate(back, { replace: true })} onCancel={() => navigate(back)} />
    </>
  );
}

export function EditInstitutionPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const { institutionId } = useParams<{ institutionId: string }>();
  const institution = useRecord('institution', institutionId);
  const back = { to: paths.daycare, label: t('common.back') };
  if (institution === undefined) return <p className="muted">{t('app.loading')}</p>;
  if (institution === null) return <PageHeader title={t('app.notFound')} back={back} />;
  return (
    <>
      <PageHeader title={t('daycare.editInstitutionTitle')} subtitle={institution.data.name} back={back} />
      <InstitutionForm
        id={institutionId}
        initial={institution.data}
        onSaved={() => navigate(paths.daycare, { replace: true })}
        onCancel={() => navigate(paths.daycare)}
      />
    </>
  );
}
