/** "Mine besøg": the start screen — who is due for a visit across the caseload. */
import { useState } from 'react';
import { worklist } from '../../../shared/caseload/worklist.ts';
import { localToday } from '../../../shared/domain/age.ts';
import { records, useLive } from '../../db/store.ts';
import { teamNurses } from '../../features/worklist/team-nurses.ts';
import { type WorklistRow, WorklistView } from '../../features/worklist/worklist-view.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { getSession } from '../../sync/session.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { paths } from '../paths.ts';

async function load(nurse: string) {
  const [contacts, children, families, visits, session] = await Promise.all([
    records.all('contact'),
    records.all('child'),
    records.all('family'),
    records.all('visit'),
    getSession(),
  ]);
  const childById = new Map(children.map((c) => [c.id, c.data]));
  const familyById = new Map(families.map((f) => [f.id, f.data]));
  // A planned contact whose visit is already started (a draft) is continued, not started again.
  const draftFor = new Set(visits.filter((v) => v.data.status === 'kladde').map((v) => v.data.contactId));
  // Rows only for the buckets the screen shows: "later" is most open contacts, never rendered here.
  // Only open contacts can be on the list (the rule's own first test): most of a caseload's
  // contacts are done, and copying them all for the rule was a large part of the first screen.
  const items = worklist(
    contacts.filter((c) => c.data.status === 'planlagt').map((c) => ({ id: c.id, ...c.data })),
    localToday(),
    nurse ? { nurse } : {},
  ).filter((item) => item.bucket !== 'later');
  const rows: WorklistRow[] = items.map(({ contact, bucket, dueDate, deadline, outsideWindow }) => {
    const child = childById.get(contact.childId);
    return {
      id: contact.id,
      bucket,
      dueDate,
      deadline,
      booked: contact.plannedDate !== '',
      outsideWindow,
      windowFrom: contact.windowFrom,
      windowTo: contact.windowTo,
      type: contact.type,
      childName: child ? `${child.firstName} ${child.lastName}`.trim() : '–',
      familyName: familyById.get(contact.familyId)?.name ?? '–',
      nurse: contact.nurse,
      started: draftFor.has(contact.id),
      // The start route reopens a visit already started for the contact (as the child's plan does).
      visitHref: paths.startVisit(contact.familyId, contact.childId, contact.id),
      childHref: paths.child(contact.familyId, contact.childId),
    };
  });
  const me = session?.user.displayName ?? '';
  return { rows, nurses: teamNurses({ me, families, contacts, visits }), me };
}

export function WorklistPage() {
  const { t } = useTranslation();
  const [nurse, setNurse] = useState('');
  const data = useLive(() => load(nurse), [nurse]);
  return (
    <>
      <PageHeader title={t('caseload.worklist.title')} subtitle={t('caseload.worklist.intro')} />
      {data ? (
        <WorklistView rows={data.rows} nurses={data.nurses} nurse={nurse} me={data.me} onNurseChange={setNurse} />
      ) : (
        <p className="muted">{t('app.loading')}</p>
      )}
    </>
  );
}
