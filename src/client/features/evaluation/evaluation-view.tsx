/**
 * The team leader's overview (issue 17): period and scope, the caseload per nurse, the indicators
 * per area as charts and tables, drill-down lists, exports, and a printable A4 report. Works on
 * the records already on the device (offline too); computes everything with src/shared/evaluation.
 */
import { useMemo, useState } from 'react';
import { caseloadByNurse } from '../../../shared/evaluation/caseload.ts';
import { computeIndicators } from '../../../shared/evaluation/indicators.ts';
import { type Period, quarterOf } from '../../../shared/evaluation/period.ts';
import { type EvaluationRecords, type EvaluationSettings, nursesOf } from '../../../shared/evaluation/records.ts';
import { areas } from '../../../shared/evaluation/table.ts';
import { indicatorTable } from '../../../shared/evaluation/table-rows.ts';
import type { Tally } from '../../../shared/evaluation/tally.ts';
import { formatDate } from '../../ui/dates.ts';
import { AreaSection } from './area-section.tsx';
import { CaseloadTable } from './caseload-table.tsx';
import { Drilldown, type Hrefs } from './drilldown.tsx';
import { runExport } from './export-actions.ts';
import { ExportsPanel } from './exports-panel.tsx';
import { useEvalT } from './labels.ts';
import { PeriodPicker } from './period-picker.tsx';
import { onSensitiveAction } from './sensitive-action.ts';
import './evaluation.css';

type Props = { records: EvaluationRecords; settings: EvaluationSettings; today: string; hrefs: Hrefs };

export function EvaluationView({ records, settings, today, hrefs }: Props) {
  const { t, language } = useEvalT();
  const [period, setPeriod] = useState<Period>(() => {
    const q = quarterOf(today);
    return { from: q.from, to: q.to };
  });
  const [nurse, setNurse] = useState<string | undefined>(undefined);
  const [open, setOpen] = useState<{ label: string; tally: Tally } | null>(null);
  const options = useMemo(
    () => ({ period, today, settings, ...(nurse === undefined ? {} : { nurse }) }),
    [period, today, settings, nurse],
  );
  const indicators = useMemo(() => {
    const start = performance.now();
    const computed = computeIndicators(records, options);
    performance.measure('overview:indicators', { start });
    return computed;
  }, [records, options]);
  const table = useMemo(() => indicatorTable(indicators), [indicators]);
  const caseload = useMemo(() => {
    const start = performance.now();
    const computed = caseloadByNurse(records, today);
    performance.measure('overview:caseload', { start });
    return computed;
  }, [records, today]);
  const nurses = useMemo(() => nursesOf(records), [records]);
  const names = useMemo(() => {
    const children = new Map(
      records.children.map((c) => [
        c.id,
        { name: `${c.data.firstName} ${c.data.lastName}`.trim(), familyId: c.data.familyId },
      ]),
    );
    const families = new Map(records.families.map((f) => [f.id, f.data.name]));
    return { child: (id: string) => children.get(id), family: (id: string) => families.get(id) };
  }, [records]);
  const scopeLabel =
    nurse === undefined
      ? t('evaluation.scope.team')
      : nurse === ''
        ? t('evaluation.scope.none')
        : t('evaluation.scope.value', { name: nurse });

  const openList = (what: string, label: string, tally: Tally) => {
    void onSensitiveAction({
      action: 'drilldown',
      what,
      period,
      familyIds: tally.families,
      ...(nurse === undefined ? {} : { nurse }),
    });
    setOpen({ label, tally });
  };

  return (
    <div className="eval">
      <PeriodPicker
        today={today}
        period={period}
        onPeriod={setPeriod}
        nurses={nurses}
        nurse={nurse}
        onNurse={setNurse}
      />
      <p className="eval-scope">
        <strong>
          {t('evaluation.period.showing', {
            from: formatDate(period.from, language),
            to: formatDate(period.to, language),
          })}
        </strong>
        {' · '}
        {scopeLabel}
        <span className="print-only">
          {' · '}
          {t('evaluation.printed', { when: new Date().toLocaleString(language === 'en' ? 'en-GB' : 'da-DK') })}
        </span>
      </p>
      <CaseloadTable rows={caseload.rows} team={caseload.team} onOpen={openList} />
      {areas.map((area) => (
        <AreaSection
          key={area}
          area={area}
          rows={table.rows.filter((r) => r.area === area)}
          indicators={indicators}
          onOpen={(row, label) => row.tally && openList(row.id, label, row.tally)}
        />
      ))}
      <ExportsPanel run={(kind) => runExport(kind, { records, options, table, scopeLabel }, t)} />
      {open ? (
        <Drilldown label={open.label} tally={open.tally} names={names} hrefs={hrefs} onClose={() => setOpen(null)} />
      ) : null}
    </div>
  );
}
