/**
 * Register a consent for a family. `?type=` preselects the consent a flow stopped for (e.g. the
 * handover's "videregivelse til dagtilbud") and `?tilbage=` returns to that flow afterwards.
 */
import { useLocation, useParams, useSearch } from 'wouter';
import { type ConsentType, consentTypes } from '../../../shared/caseload/consent.ts';
import { records, useLive } from '../../db/store.ts';
import { ConsentForm } from '../../features/consents/consent-form.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { returnPath } from '../daycare-paths.ts';
import { paths } from '../paths.ts';

export function NewConsentPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const { familyId } = useParams<{ familyId: string }>();
  const names = useLive(
    async () => (await records.ofFamily('caregiver', familyId)).map((c) => c.data.name),
    [familyId],
  );
  const search = useSearch();
  const back = returnPath(search, paths.family(familyId));
  const wanted = new URLSearchParams(search).get('type') ?? '';
  const type = (consentTypes as readonly string[]).includes(wanted) ? (wanted as ConsentType) : undefined;
  const done = () => navigate(back, { replace: true });
  if (names === undefined) return null;
  return (
    <>
      <PageHeader title={t('caseload.newConsentTitle')} back={{ to: back, label: t('common.back') }} />
      <ConsentForm
        familyId={familyId}
        caregiverNames={names}
        {...(type ? { initialType: type } : {})}
        onSaved={done}
        onCancel={done}
      />
    </>
  );
}
