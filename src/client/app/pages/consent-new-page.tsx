/** Register a consent for a family. */

import { useLocation, useParams } from 'wouter';
import { records, useLive } from '../../db/store.ts';
import { ConsentForm } from '../../features/consents/consent-form.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { paths } from '../paths.ts';

export function NewConsentPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const { familyId } = useParams<{ familyId: string }>();
  const names = useLive(
    async () => (await records.ofFamily('caregiver', familyId)).map((c) => c.data.name),
    [familyId],
  );
  const done = () => navigate(paths.family(familyId), { replace: true });
  if (names === undefined) return null;
  return (
    <>
      <PageHeader
        title={t('caseload.newConsentTitle')}
        back={{ to: paths.family(familyId), label: t('common.back') }}
      />
      <ConsentForm familyId={familyId} caregiverNames={names} onSaved={done} onCancel={done} />
    </>
  );
}
