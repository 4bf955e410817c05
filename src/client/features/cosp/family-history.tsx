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

export type JournalReflection = {
  id: string;
  course: string;
  text: string;
  status: 'kladde' | 'underskrevet';
  signedBy: string;
  corrections: { id: string; text: string; signedBy: string }[];
};

/** COS-P reflections filed in the family's journal: signed originals with their corrections. */
export function FamilyReflections({ items }: { items: JournalReflection[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <>
      <h3>{t('cosp.reflectionsInJournal')}</h3>
      <ul className="plain-list">
        {items.map((r) => (
          <li key={r.id} className="reflection__signed">
            <p className="muted">{r.course}</p>
            <p className="prewrap">{r.text}</p>
            <p className="muted">
              {r.status === 'underskrevet'
                ? t('cosp.session.signed', { who: r.signedBy })
                : t('cosp.session.saveDraft')}
            </p>
            {r.corrections.map((c) => (
              <p key={c.id} className="reflection__amendment">
                <strong>{t('cosp.session.amendment')}:</strong> {c.text}{' '}
                <span className="muted">({t('cosp.session.signed', { who: c.signedBy })})</span>
              </p>
            ))}
          </li>
        ))}
      </ul>
    </>
  );
}
