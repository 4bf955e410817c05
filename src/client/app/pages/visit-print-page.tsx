/**
 * The visit summary for the paper file, laid out for A4 (styles.css @media print): the child and
 * family, the visit, every section with the values that hold now (corrections with who, when and
 * why, then the values as first recorded), instruments with their computed scores, and the signed
 * journal notes. Built from the shared visitSummary, so print and screen agree; works offline.
 */
import { useEffect, useState } from 'react';
import { useParams } from 'wouter';
import { auditWhat } from '../../../shared/audit/what-codes.ts';
import { type GrowthReferences, loadGrowthReferences } from '../../../shared/growth/reference.ts';
import { formatDateDa, type SummaryRow, visitSummary } from '../../../shared/visits/visit-summary.ts';
import { records, useLive } from '../../db/store.ts';
import { type OpenEvent, printWithAudit, useAuditOpen } from '../../features/audit/use-audit.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { paths } from '../paths.ts';
import { parentNames } from './visit-loaders.ts';

export function VisitPrintPage() {
  const { t } = useTranslation();
  const { familyId, childId, visitId } = useParams<{ familyId: string; childId: string; visitId: string }>();
  const [references, setReferences] = useState<GrowthReferences | null>(null);
  useEffect(() => {
    void loadGrowthReferences().then(setReferences);
  }, []);
  const data = useLive(async () => {
    const [visit, child, family, observations, instruments, notes, caregivers] = await Promise.all([
      records.get('visit', visitId),
      records.get('child', childId),
      records.get('family', familyId),
      records.byIndex('observation', 'visitId', visitId),
      records.byIndex('instrumentResponse', 'visitId', visitId),
      records.byIndex('journalNote', 'visitId', visitId),
      records.ofFamily('caregiver', familyId),
    ]);
    const names = {
      ...Object.fromEntries(caregivers.map((c) => [c.id, c.data.name])),
      ...(await parentNames(instruments, caregivers)),
    };
    return visit ? { visit, child, family, observations, instruments, notes, names } : null;
  }, [visitId, childId, familyId]);
  const back = { to: paths.visit(familyId, childId, visitId), label: t('visits.backToVisit') };
  const shown = data?.visit.data;
  const printed: OpenEvent[] | null = shown
    ? [{ what: auditWhat.visitSummary, familyId: shown.familyId, childId: shown.childId, recordId: visitId }]
    : null;
  useAuditOpen(printed);
  if (data === undefined || references === null) return <p className="muted">{t('app.loading')}</p>;
  if (data === null) return <PageHeader title={t('app.notFound')} back={back} />;
  const { visit, child, family, observations, instruments, notes, names } = data;
  const summary = visitSummary(visit.data, observations, instruments, notes, {
    ...(child ? { growth: { child: child.data, references } } : {}),
    parentNames: names,
  });
  const childName = child ? `${child.data.firstName} ${child.data.lastName}`.trim() : '';
  const value = (row: SummaryRow) =>
    [row.text, row.keys.map((key) => t(key as 'visits.field.type')).join(', ')].filter((s) => s !== '').join(' – ');

  return (
    <article className="print-summary">
      <PageHeader
        title={`${t('visits.printTitle')}: ${childName}`}
        subtitle={family?.data.name ?? ''}
        back={back}
        actions={
          <button type="button" className="button button--primary" onClick={() => printWithAudit(printed ?? [])}>
            {t('visits.print')}
          </button>
        }
      />
      <dl className="print-summary__child">
        <div>
          <dt>{t('child.identity')}</dt>
          <dd>{childName || '–'}</dd>
        </div>
        <div>
          <dt>{t('child.cpr')}</dt>
          <dd>{child?.data.cpr || '–'}</dd>
        </div>
        <div>
          <dt>{t('child.birthDate')}</dt>
          <dd>{child ? formatDateDa(child.data.birthDate) : '–'}</dd>
        </div>
        <div>
          <dt>{t('visits.printed')}</dt>
          <dd>{new Date().toLocaleString('da-DK', { dateStyle: 'short', timeStyle: 'short' })}</dd>
        </div>
      </dl>
      {visit.data.status === 'kladde' ? <p className="notice">{t('visits.printDraft')}</p> : null}
      {summary.problems.length > 0 ? (
        <ul className="notice">
          {summary.problems.map((p) => (
            <li key={`${p.section}-${p.problem}`}>
              {t(`visits.blocker.${p.problem}`, { section: t(`visits.section.${p.section}`) })}
            </li>
          ))}
        </ul>
      ) : null}
      {summary.sections.map((section) => (
        <section key={section.key} className="print-summary__section" aria-labelledby={`print-${section.key}`}>
          <h2 id={`print-${section.key}`}>
            {t(section.labelKey as 'visits.section.visit')}
            {section.state === 'original' ? ` (${t('visits.asFirstRecorded')})` : ''}
          </h2>
          <table className="print-summary__rows">
            <tbody>
              {section.rows.map((row, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are a fixed printout (e.g. two participants share a label)
                <tr key={i} className={row.emphasis ? 'print-summary__emphasis' : undefined}>
                  <th scope="row">{t(row.labelKey as 'visits.field.type')}</th>
                  <td className="prewrap">{value(row) || '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </article>
  );
}
