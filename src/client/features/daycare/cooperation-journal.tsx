/**
 * Handovers and interdisciplinary meetings as they stand in the child's journal: each signed one
 * with its date, what it was, its notes or the sections shared, and who signed and when (its
 * additions are listed on its own page). Drafts are not journal entries yet.
 */

import { Link } from 'wouter';
import type { Handover } from '../../../shared/daycare/handover.ts';
import type { Meeting } from '../../../shared/daycare/meeting.ts';
import type { Stored } from '../../../shared/journal/signature.ts';
import { SignatureLine } from '../../forms/signed-notes.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { formatDate } from '../../ui/dates.ts';

type Props = {
  handovers: Stored<Handover>[];
  meetings: Stored<Meeting>[];
  href: (kind: 'handover' | 'cooperationMeeting', id: string) => string;
};

export function CooperationJournal({ handovers, meetings, href }: Props) {
  const { t, i18n } = useTranslation();
  const entries = [
    ...handovers
      .filter((h) => h.data.status === 'underskrevet')
      .map((h) => ({
        id: h.id,
        date: h.data.date,
        link: href('handover', h.data.amendsId || h.id),
        title: h.data.amendsId
          ? `${t('daycare.cooperation.addition')}: ${t('daycare.cooperation.handover')}`
          : `${t('daycare.cooperation.handover')} (${h.data.form ? t(`daycare.forms.${h.data.form}`).toLocaleLowerCase(i18n.language) : ''})`,
        text: h.data.amendsId ? h.data.text : h.data.sections.map((s) => t(`daycare.sections.${s.section}`)).join(', '),
        signature: h.data,
      })),
    ...meetings
      .filter((m) => m.data.status === 'underskrevet')
      .map((m) => ({
        id: m.id,
        date: m.data.date,
        link: href('cooperationMeeting', m.data.amendsId || m.id),
        title: `${m.data.amendsId ? `${t('daycare.cooperation.addition')}: ` : ''}${t(`caseload.plan.types.${m.data.type}`)}`,
        text: m.data.amendsId ? m.data.text : [m.data.agreements, m.data.text].filter(Boolean).join('\n'),
        signature: m.data,
      })),
  ].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  if (entries.length === 0) return null;
  return (
    <ul className="plain-list">
      {entries.map((e) => (
        <li key={e.id} className="journal-entry">
          <p className="journal-entry__context">
            <Link href={e.link}>
              {formatDate(e.date, i18n.language)} · {e.title}
            </Link>
          </p>
          <div className="journal-note">
            {e.text ? <p className="prewrap">{e.text}</p> : null}
            <SignatureLine note={e.signature} />
          </div>
        </li>
      ))}
    </ul>
  );
}
