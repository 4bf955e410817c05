/**
 * One area of the indicators: heading, what it counts, the chart (lazy) and the table with the same
 * figures (the chart's text alternative; timeliness and assessment change as a grid). A count with
 * children or families behind it is a button that opens the list behind it (the drill-down).
 * Breakdowns by reason or target are listed only where they are not 0.
 */
import type { Indicators } from '../../../shared/evaluation/indicators.ts';
import type { Area, IndicatorRow } from '../../../shared/evaluation/table.ts';
import { LazyChart } from './chart.tsx';
import { chartSpec } from './chart-spec.ts';
import { labelText, percent, type Translate, useEvalT } from './labels.ts';
import { type Matrix, matrixOf } from './matrix.ts';

type Props = {
  area: Area;
  rows: IndicatorRow[];
  indicators: Indicators;
  onOpen: (row: IndicatorRow, label: string) => void;
};

function Count({ row, label, onOpen }: { row: IndicatorRow; label: string; onOpen: Props['onOpen'] }) {
  const { t, language } = useEvalT();
  if (row.count === null) return <>{t('evaluation.table.notRecorded')}</>;
  const text = row.count.toLocaleString(language === 'en' ? 'en-GB' : 'da-DK');
  if (!row.tally || row.count === 0) return <>{text}</>;
  return (
    <button
      type="button"
      className="link-button"
      aria-label={t('evaluation.table.open', { label, count: text })}
      onClick={() => onOpen(row, label)}
    >
      {text}
    </button>
  );
}

const shareOf = (row: IndicatorRow, byId: Map<string, IndicatorRow>, language: string) => {
  const den = row.shareOf ? byId.get(row.shareOf) : undefined;
  return den?.count && row.count !== null ? percent((row.count / den.count) * 100, language) : '';
};

function MatrixTable({
  matrix,
  byId,
  t,
  tableId,
  title,
  onOpen,
}: {
  matrix: Matrix;
  byId: Map<string, IndicatorRow>;
  t: Translate;
  tableId: string;
  title: string;
  onOpen: Props['onOpen'];
}) {
  const { language } = useEvalT();
  return (
    <table className="eval-table eval-table--matrix" id={tableId}>
      <caption className="visually-hidden">{title}</caption>
      <thead>
        <tr>
          <th scope="col">{t(matrix.corner)}</th>
          {matrix.columns.map((c) => (
            <th key={c} scope="col">
              {t(c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {matrix.lines.map((line) => {
          const name = labelText(t, line.label);
          return (
            <tr key={line.id}>
              <th scope="row">{name}</th>
              {line.cells.map((cell, i) => (
                <td key={matrix.columns[i]}>
                  {cell ? (
                    <>
                      <Count row={cell} label={`${name}: ${t(matrix.columns[i] ?? '')}`} onOpen={onOpen} />
                      <span className="muted eval-share"> {shareOf(cell, byId, language)}</span>
                    </>
                  ) : null}
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function AreaSection({ area, rows, indicators, onOpen }: Props) {
  const { t, language } = useEvalT();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const title = t(`evaluation.areas.${area}`);
  const tableId = `eval-table-${area}`;
  const matrix = matrixOf(area, rows);
  const listed = (matrix ? matrix.rest : rows).filter((r) => r.level !== 2 || (r.count ?? 0) > 0);
  return (
    <section className="card eval-area" aria-labelledby={`eval-${area}`}>
      <h2 id={`eval-${area}`}>{title}</h2>
      <p className="muted">{t(`evaluation.areaNotes.${area}`)}</p>
      <LazyChart spec={chartSpec(area, indicators, t)} title={title} tableId={tableId} />
      {matrix ? (
        <MatrixTable matrix={matrix} byId={byId} t={t} tableId={tableId} title={title} onOpen={onOpen} />
      ) : null}
      {listed.length > 0 ? (
        <table className="eval-table" id={matrix ? `${tableId}-more` : tableId}>
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
            {listed.map((row) => {
              const label = labelText(t, row.label);
              const number = (v: number | null) =>
                v === null ? '' : v.toLocaleString(language === 'en' ? 'en-GB' : 'da-DK');
              return (
                <tr
                  key={row.id}
                  className={row.level > 0 ? `eval-table__sub eval-table__sub--${row.level}` : undefined}
                >
                  <th scope="row">{label}</th>
                  <td>
                    <Count row={row} label={label} onOpen={onOpen} />{' '}
                    <span className="muted">{t(`evaluation.units.${row.unit}`)}</span>
                  </td>
                  <td>{number(row.children)}</td>
                  <td>{number(row.families)}</td>
                  <td>{shareOf(row, byId, language)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
