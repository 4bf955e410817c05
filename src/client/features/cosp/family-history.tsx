/** A family's COS-P history on the family page: each enrolment with course, chapters and outcome. */
import { useTranslation } from 'react-i18next';

export type HistoryRow = { id: string; course: string; caregiver: string; chapters: number; outcome: string };

export function FamilyCospHistory({ rows }: { rows: HistoryRow[] }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <p className="muted">{t('cosp.noHistory')}</p>;
  return (
    <ul className="plain-list">
      {rows.map((row) => (
        <li key={row.id} className="row-item">
          {t('cosp.historyLine', {
            course: row.course,
            caregiver: row.caregiver,
            chapters: row.chapters,
            outcome: t(`cosp.outcomes.${row.outcome as ''}`),
          })}
        </li>
      ))}
    </ul>
  );
}
