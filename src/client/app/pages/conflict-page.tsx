/** One conflict, side by side. */

import { useLocation, useParams } from 'wouter';
import { auditWhat } from '../../../shared/audit/what-codes.ts';
import { isRecordKind } from '../../../shared/schemas/kinds.ts';
import { records, useLive } from '../../db/store.ts';
import { useAuditOpen } from '../../features/audit/use-audit.ts';
import { ConflictResolver } from '../../features/sync/conflict-resolver.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { paths } from '../paths.ts';
import { recordTitle } from './record-title.ts';

async function load(id: string) {
  const conflict = await records.get('conflict', id);
  if (!conflict) return null;
  const { recordKind, recordId } = conflict.data;
  const current = isRecordKind(recordKind) ? await records.getWithDeleted(recordKind, recordId) : undefined;
  return {
    conflict,
    title: await recordTitle(recordKind, recordId),
    current: current
      ? {
          data: current.data as Record<string, unknown>,
          updatedBy: current.updatedBy,
          updatedAt: current.updatedAt,
          deleted: current.deleted,
        }
      : null,
  };
}

/** Both versions of a record are a citizen's data when the record is a family's (settings are not). */
function conflictShown(conflict: { recordKind: string; recordId: string }, current: Record<string, unknown> | null) {
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const familyId = conflict.recordKind === 'family' ? conflict.recordId : str(current?.familyId);
  if (familyId === '') return [];
  const childId = conflict.recordKind === 'child' ? conflict.recordId : str(current?.childId);
  return [{ what: auditWhat.conflict, familyId, recordId: conflict.recordId, ...(childId ? { childId } : {}) }];
}

export function ConflictPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const { conflictId } = useParams<{ conflictId: string }>();
  const data = useLive(() => load(conflictId), [conflictId]);
  const back = { to: paths.attention, label: t('attention.title') };
  useAuditOpen(data ? conflictShown(data.conflict.data, data.current?.data ?? null) : null);
  if (data === undefined) return <p className="muted">{t('app.loading')}</p>;
  if (data === null) return <PageHeader title={t('attention.notFound')} back={back} />;
  return (
    <>
      <PageHeader title={t('attention.resolveTitle')} subtitle={data.title} back={back} />
      {data.conflict.data.status === 'resolved' ? (
        <p className="notice">{t('attention.alreadyResolved', { who: data.conflict.data.resolvedBy || '–' })}</p>
      ) : (
        <section className="card">
          <ConflictResolver
            conflictId={data.conflict.id}
            conflict={data.conflict.data}
            current={data.current}
            onResolved={() => navigate(paths.attention)}
          />
        </section>
      )}
    </>
  );
}
