/** A family's COS-P history on the family page: each enrolment with course, chapters and outcome. */

import type { FamilyReflection } from '../../../shared/cosp/family-reflection.ts';
import type { NoteThread } from '../../../shared/journal/signed-note.ts';
import { NoteThreadList } from '../../forms/signed-notes.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';

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

export type JournalReflection = { thread: NoteThread<FamilyReflection>; course: string };

/**
 * COS-P reflections filed in the family's journal: every original with its corrections, read-only
 * here (they are written and corrected on the session), whatever the order they reached the device.
 */
export function FamilyReflections({ items }: { items: JournalReflection[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <>
      <h3>{t('cosp.reflectionsInJournal')}</h3>
      {items.map(({ thread, course }) => (
        <div key={thread.originalId} className="reflection__signed">
          <p className="muted">{course}</p>
          <NoteThreadList threads={[thread]} actions={null} />
        </div>
      ))}
    </>
  );
}
