/** "Kræver handling": conflicts and rejected changes on this device. */

import { isRecordKind } from '../../../shared/schemas/kinds.ts';
import { records, useLive } from '../../db/store.ts';
import { NeedsAttention } from '../../features/sync/needs-attention.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { rejectedChanges } from '../../sync/rejections.ts';
import { getSession } from '../../sync/session.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { paths } from '../paths.ts';
import { recordTitle } from './record-title.ts';

async function load() {
  const [conflicts, rejected, session] = await Promise.all([records.all('conflict'), rejectedChanges(), getSession()]);
  const open = conflicts.filter((c) => c.data.status === 'open');
  return {
    conflicts: await Promise.all(
      open.map(async (c) => ({
        id: c.id,
        data: c.data,
        recordTitle: await recordTitle(c.data.recordKind, c.data.recordId),
        currentBy: isRecordKind(c.data.recordKind)
          ? ((await records.getWithDeleted(c.data.recordKind, c.data.recordId))?.updatedBy ?? '')
          : '',
      })),
    ),
    me: session?.user.displayName ?? '',
    rejected: await Promise.all(
      rejected.map(async (r) => ({ ...r, recordTitle: await recordTitle(r.kind, r.recordId) })),
    ),
  };
}

export function NeedsAttentionPage() {
  const { t } = useTranslation();
  const data = useLive(load, []);
  return (
    <>
      <PageHeader title={t('attention.title')} subtitle={t('attention.intro')} />
      {data ? (
        <NeedsAttention
          conflicts={data.conflicts}
          rejected={data.rejected}
          conflictHref={paths.conflict}
          me={data.me}
        />
      ) : null}
    </>
  );
}
