/**
 * The handover letter for the recipient (A4, print or PDF through the browser): only what was
 * shared, with its additions; the CPR number only when the municipality's setting says so.
 * Works offline from the local store.
 */

import { useParams } from 'wouter';
import { auditWhat } from '../../../shared/audit/what-codes.ts';
import { records, useLive } from '../../db/store.ts';
import { printWithAudit, useAuditOpen, useAuditPrint } from '../../features/audit/use-audit.ts';
import { HandoverLetter } from '../../features/daycare/handover-letter.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { daycarePaths } from '../daycare-paths.ts';
import { chainOf } from './daycare-loaders.ts';

export function HandoverLetterPage() {
  const { t } = useTranslation();
  const { familyId, childId, handoverId } = useParams<{ familyId: string; childId: string; handoverId: string }>();
  const data = useLive(async () => {
    const [chain, child, settings, consents] = await Promise.all([
      chainOf('handover', childId, handoverId),
      records.get('child', childId),
      records.settings(),
      records.ofFamily('consent', familyId),
    ]);
    if (!chain.record) return null;
    const institution = await records.get('institution', chain.record.data.institutionId);
    return { ...chain, record: chain.record, child, settings, consents, institution };
  }, [handoverId, childId, familyId]);
  const shown = data ? [{ what: auditWhat.handoverLetter, familyId, childId, recordId: handoverId }] : null;
  useAuditOpen(shown);
  useAuditPrint(shown);
  const back = { to: daycarePaths.handover(familyId, childId, handoverId), label: t('common.back') };
  if (data === undefined) return <p className="muted">{t('app.loading')}</p>;
  if (data === null) return <PageHeader title={t('app.notFound')} back={back} />;
  const { record, additions, child, settings, consents, institution } = data;
  const name = child ? `${child.data.firstName} ${child.data.lastName}`.trim() : '';
  return (
    <article className="print-summary print-letter">
      <PageHeader
        title={t('daycare.letter.title')}
        subtitle={name}
        back={back}
        actions={
          <button type="button" className="button button--primary" onClick={() => shown && printWithAudit(shown)}>
            {t('daycare.letter.print')}
          </button>
        }
      />
      <HandoverLetter
        handover={record.data}
        additions={additions.map((a) => a.data)}
        institution={institution?.data ?? null}
        child={{ name, birthDate: child?.data.birthDate ?? '', cpr: child?.data.cpr ?? '' }}
        showCpr={settings.data.daycare.letterShowsCpr}
        consentDate={consents.find((c) => c.id === record.data.consentId)?.data.date ?? ''}
      />
    </article>
  );
}
