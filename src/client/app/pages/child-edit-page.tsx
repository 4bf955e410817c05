/** Add a child to a family, and edit a child. */
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'wouter';
import { records, useLive } from '../../db/store.ts';
import { ChildForm } from '../../features/children/child-form.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { paths } from '../paths.ts';

export function NewChildPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const familyId = useParams<{ familyId: string }>().familyId;
  const family = useLive(async () => (await records.get('family', familyId)) ?? null, [familyId]);
  const back = { to: paths.family(familyId), label: t('common.back') };
  if (family === undefined) return <p className="muted">{t('app.loading')}</p>;
  if (family === null) return <PageHeader title={t('family.notFound')} back={back} />;
  return (
    <>
      <PageHeader title={t('child.newTitle')} subtitle={family.data.name} back={back} />
      <ChildForm
        familyId={familyId}
        onSaved={() => navigate(paths.family(familyId), { replace: true })}
        onCancel={() => navigate(paths.family(familyId))}
      />
    </>
  );
}

export function EditChildPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const { familyId, childId } = useParams<{ familyId: string; childId: string }>();
  const child = useLive(async () => (await records.get('child', childId)) ?? null, [childId]);
  const back = { to: paths.family(familyId), label: t('common.back') };
  if (child === undefined) return <p className="muted">{t('app.loading')}</p>;
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
        id={childId}
        initial={child.data}
        onSaved={() => navigate(paths.family(familyId), { replace: true })}
        onCancel={() => navigate(paths.family(familyId))}
      />
    </>
  );
}
