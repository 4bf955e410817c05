/**
 * The three exports of the overview, built by the shared pure builders and handed to the browser
 * as downloads. Each goes through onSensitiveAction first (the audit gap is documented there).
 */
import { eventsDescription } from '../../../shared/evaluation/event-description.ts';
import { eventsCsv, exportEvents } from '../../../shared/evaluation/event-export.ts';
import { indicatorsCsv } from '../../../shared/evaluation/indicators-csv.ts';
import { newPseudonymiser } from '../../../shared/evaluation/pseudonym.ts';
import type { EvaluationOptions, EvaluationRecords } from '../../../shared/evaluation/records.ts';
import type { IndicatorTable } from '../../../shared/evaluation/table.ts';
import { downloadText } from './download.ts';
import { labelText, type Translate } from './labels.ts';
import { onSensitiveAction } from './sensitive-action.ts';

export type ExportKind = 'indicators' | 'events' | 'description';

const fileName = (kind: ExportKind, options: EvaluationOptions) => {
  const span = `${options.period.from}_${options.period.to}`;
  return kind === 'indicators'
    ? `tusind-dage-indikatorer-${span}.csv`
    : kind === 'events'
      ? `tusind-dage-haendelser-pseudonymiseret-${span}.csv`
      : `tusind-dage-haendelser-databeskrivelse-${span}.txt`;
};

export async function runExport(
  kind: ExportKind,
  input: { records: EvaluationRecords; options: EvaluationOptions; table: IndicatorTable; scopeLabel: string },
  t: Translate,
): Promise<string> {
  const { records, options, table, scopeLabel } = input;
  const name = fileName(kind, options);
  await onSensitiveAction({
    action: 'export',
    what: kind,
    period: options.period,
    ...(options.nurse === undefined ? {} : { nurse: options.nurse }),
  });
  if (kind === 'indicators') {
    const csv = indicatorsCsv(table, options.period, options.today, {
      title: t('evaluation.csv.title'),
      period: t('evaluation.csv.period'),
      scope: t('evaluation.csv.scope'),
      scopeValue: scopeLabel,
      generated: t('evaluation.csv.generated'),
      suppression: t('evaluation.csv.suppression'),
      header: {
        area: t('evaluation.table.area'),
        indicator: t('evaluation.table.indicator'),
        unit: t('evaluation.table.unit'),
        count: t('evaluation.table.count'),
        children: t('evaluation.table.children'),
        families: t('evaluation.table.families'),
        share: t('evaluation.table.sharePercent'),
      },
      notRecorded: t('evaluation.table.notRecorded'),
      area: (area) => t(`evaluation.areas.${area}`),
      unit: (unit) => t(`evaluation.units.${unit}`),
      label: (label) => labelText(t, label),
    });
    downloadText(name, csv, 'text/csv');
  } else if (kind === 'events') {
    const events = exportEvents(records, options);
    const birthDates = new Map(records.children.map((c) => [c.id, c.data.birthDate]));
    downloadText(name, await eventsCsv(events, birthDates, await newPseudonymiser()), 'text/csv');
  } else {
    const meta = {
      period: `${options.period.from} – ${options.period.to}`,
      scope: scopeLabel,
      generated: options.today,
    };
    downloadText(name, eventsDescription(options.settings, meta, t), 'text/plain');
  }
  return name;
}
