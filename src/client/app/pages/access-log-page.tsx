/**
 * "Adgangslog" (leaders and admins): a citizen's "who has seen my data" in under a minute. One
 * search field over this device's caseload (works offline), one result list; choosing a child or a
 * family loads its extract from the server (online only: the server holds every device's events)
 * and shows who opened, changed, printed, exported or handed over its data, and when. The extract
 * is printable on A4 and saved as CSV for Excel; both are audited like any other print or export,
 * and the server audits every read of it.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import { auditWhat } from '../../../shared/audit/what-codes.ts';
import { useLive } from '../../db/store.ts';
import { AccessExtractView } from '../../features/audit/access-extract-view.tsx';
import { extractErrorKey } from '../../features/audit/audit-api.ts';
import { type CitizenHit, searchCitizens } from '../../features/audit/citizen-search.ts';
import { CitizenSearch } from '../../features/audit/citizen-search-view.tsx';
import { extractCsv } from '../../features/audit/csv.ts';
import { extractRows } from '../../features/audit/extract-rows.ts';
import { saveTextFile } from '../../features/audit/save-file.ts';
import { useAccessExtract } from '../../features/audit/use-access-extract.ts';
import { exportWithAudit, type OpenEvent, printWithAudit, useAuditPrint } from '../../features/audit/use-audit.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useOnline } from '../../pwa/device-state.ts';
import { getSession } from '../../sync/session.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { familyIndex, searchableCaseload } from './access-log-loaders.ts';

export function AccessLogPage() {
  const { t, i18n } = useTranslation();
  const online = useOnline();
  const session = useLive(() => getSession(), []);
  const caseload = useLive(searchableCaseload, []);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [chosen, setChosen] = useState<CitizenHit | null>(null);
  const hits = useMemo(() => (caseload ? searchCitizens(deferredQuery, caseload) : []), [deferredQuery, caseload]);
  const familyId = chosen?.familyId ?? null;
  const index = useLive(async () => (familyId ? familyIndex(familyId) : null), [familyId]);

  const extract = useAccessExtract(familyId, online);
  const loaded = extract.loaded;

  const shownCitizen: OpenEvent[] | null =
    chosen && loaded
      ? [
          {
            what: auditWhat.accessExtract,
            familyId: chosen.familyId,
            ...(chosen.kind === 'child' ? { childId: chosen.id } : {}),
          },
        ]
      : null;
  useAuditPrint(shownCitizen);

  const role = session?.user.role;
  const header = <PageHeader title={t('accessLog.title')} subtitle={t('accessLog.intro')} />;
  if (role !== undefined && role !== 'leader' && role !== 'admin') {
    return (
      <>
        {header}
        <p className="notice" role="alert">
          {t('accessLog.errors.forbidden')}
        </p>
      </>
    );
  }

  const rows =
    loaded && index
      ? extractRows(loaded.data.events, {
          text: (key) => t(key as 'accessLog.title'),
          childName: (id) => index.childNames.get(id),
          childOf: (id) => index.childOf.get(id),
        })
      : [];
  const as = (what: string) => (shownCitizen ?? []).map((e) => ({ ...e, what }));
  const title = chosen
    ? chosen.kind === 'child'
      ? t('accessLog.extractForChild', { name: chosen.name, family: chosen.familyName })
      : t('accessLog.extractForFamily', { name: chosen.name })
    : '';
  const madeAt = loaded?.at ?? new Date();
  const subtitle = t('accessLog.madeBy', {
    time: madeAt.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'da-DK'),
    name: session?.user.displayName ?? '',
    count: rows.length,
  });
  const saveCsv = () =>
    exportWithAudit(as(auditWhat.accessExtractCsv), () =>
      saveTextFile(
        `adgangslog-${madeAt.toISOString().slice(0, 10)}.csv`,
        extractCsv(rows, {
          at: t('accessLog.columns.at'),
          deviceAt: t('accessLog.columns.deviceAt'),
          user: t('accessLog.columns.user'),
          username: t('accessLog.columns.username'),
          action: t('accessLog.columns.action'),
          what: t('accessLog.columns.what'),
          child: t('accessLog.columns.child'),
          device: t('accessLog.columns.device'),
        }),
        'text/csv;charset=utf-8',
      ),
    );

  return (
    <>
      {header}
      <CitizenSearch query={query} onQuery={setQuery} hits={hits} chosen={chosen} onChoose={setChosen} />
      {chosen && extract.loading && !loaded ? <p className="muted">{t('app.loading')}</p> : null}
      {chosen && extract.error !== null ? (
        <section className="notice" role="alert">
          <p>{t(extractErrorKey(extract.error))}</p>
          <button type="button" className="button" onClick={extract.refresh}>
            {t('accessLog.retry')}
          </button>
        </section>
      ) : null}
      {chosen && loaded ? (
        <AccessExtractView
          title={title}
          subtitle={subtitle}
          rows={rows}
          truncated={loaded.data.truncated}
          onPrint={() => printWithAudit(as(auditWhat.accessExtract))}
          onCsv={saveCsv}
          onRefresh={extract.refresh}
        />
      ) : null}
    </>
  );
}
