/**
 * One area of the indicators: heading, what it counts, the chart (lazy) and the table with the same
 * figures (the chart's text alternative). A count with children or families behind it is a button
 * that opens the list behind it (the drill-down).
 */
import type { Indicators } from '../../../shared/evaluation/indicators.ts';
import type { Area, IndicatorRow } from '../../../shared/evaluation/table.ts';
import { LazyChart } from './chart.tsx';
import { chartSpec } from './chart-spec.ts';
import { labelText, percent, useEvalT } from './labels.ts';

type Props = {
  area: Area;
  rows: IndicatorRow[];
  indicators: Indicators;
  onOpen: (row: IndicatorRow, label: string) => void;
};

export function AreaSection({ area, rows, indicators, onOpen }: Props) {
  const { t, language } = useEvalT();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const title = t(`evaluation.areas.${area}`);
  const tableId = `eval-table-${area}`;
  const number = (value: number | null) =>
    value === null ? t('evaluation.table.notRecorded') : value.toLocaleString(language === 'en' ? 'en-GB' : 'da-DK');
  return (
    <section className="card eval-area" aria-labelledby={`eval-${area}`}>
      <h2 id={`eval-${area}`}>{title}</h2>
      <p className="muted">{t(`evaluation.areaNotes.${area}`)}</p>
      <LazyChart spec={chartSpec(area, indicators, t)} title={title} tableId={tableId} />
      <table className="eval-table" id={tableId}>
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('evaluation.table.indicator')}</th>
            <th scope="col">{t('evaluation.table.count')}</th>
            <th scope="col">{t('evaluation.table.children')}</th>
            <th scope="col">{t('evaluation.table.families')}</th>
            <th scope="col">{t('evaluation.table.share')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const label = labelText(t, row.label);
            const den = row.shareOf ? byId.get(row.shareOf) : undefined;
            const share = den?.count && row.count !== null ? percent((row.count / den.count) * 100, language) : '';
            const openable = row.tally !== undefined && row.count !== null && row.count > 0;
            return (
              <tr key={row.id} className={row.level === 1 ? 'eval-table__sub' : undefined}>
                <th scope="row">{label}</th>
                <td>
                  {openable ? (
                    <button
                      type="button"
                      className="link-button"
                      aria-label={t('evaluation.table.open', { label, count: number(row.count) })}
                      onClick={() => onOpen(row, label)}
                    >
                      {number(row.count)}
                    </button>
                  ) : (
                    number(row.count)
                  )}{' '}
                  <span className="muted">{t(`evaluation.units.${row.unit}`)}</span>
                </td>
                <td>{row.children === null ? '' : number(row.children)}</td>
                <td>{row.families === null ? '' : number(row.families)}</td>
                <td>{share}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
