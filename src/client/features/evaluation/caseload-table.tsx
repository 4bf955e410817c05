/** The caseload per nurse: active families and children, visits planned this month, overdue. */
import type { NurseLoad } from '../../../shared/evaluation/caseload.ts';
import type { Tally } from '../../../shared/evaluation/tally.ts';
import { useEvalT } from './labels.ts';

type Props = {
  rows: NurseLoad[];
  team: Omit<NurseLoad, 'nurse'>;
  onOpen: (what: string, label: string, tally: Tally) => void;
};

const columns = ['families', 'children', 'plannedThisMonth', 'overdue'] as const;
const headings = {
  families: 'families',
  children: 'children',
  plannedThisMonth: 'planned',
  overdue: 'overdue',
} as const;

export function CaseloadTable({ rows, team, onOpen }: Props) {
  const { t } = useEvalT();
  const cell = (name: string, column: (typeof columns)[number], tally: Tally) => {
    const label = `${t(`evaluation.caseload.${headings[column]}`)}: ${name}`;
    return (
      <td key={column}>
        {tally.n > 0 ? (
          <button
            type="button"
            className="link-button"
            aria-label={t('evaluation.table.open', { label, count: String(tally.n) })}
            onClick={() => onOpen(`caseload.${column}`, label, tally)}
          >
            {tally.n}
          </button>
        ) : (
          0
        )}
      </td>
    );
  };
  return (
    <section className="card eval-area" aria-labelledby="eval-caseload">
      <h2 id="eval-caseload">{t('evaluation.caseload.title')}</h2>
      <p className="muted">{t('evaluation.caseload.intro')}</p>
      <table className="eval-table">
        <thead>
          <tr>
            <th scope="col">{t('evaluation.caseload.nurse')}</th>
            {columns.map((c) => (
              <th key={c} scope="col">
                {t(`evaluation.caseload.${headings[c]}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const name = row.nurse === '' ? t('evaluation.scope.none') : row.nurse;
            return (
              <tr key={row.nurse}>
                <th scope="row">{name}</th>
                {columns.map((c) => cell(name, c, row[c]))}
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('evaluation.caseload.total')}</th>
            {columns.map((c) => cell(t('evaluation.caseload.total'), c, team[c]))}
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
