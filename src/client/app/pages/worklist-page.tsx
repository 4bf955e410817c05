/**
 * "Mine besøg": the start screen — who is due for a visit across the caseload, and which children
 * need a handover before they start in daycare (shared/daycare/handover-due.ts).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { worklist } from '../../../shared/caseload/worklist.ts';
import { handoverWorklistEntries } from '../../../shared/daycare/handover-due.ts';
import { localToday } from '../../../shared/domain/age.ts';
import { records, useLive } from '../../db/store.ts';
import { type WorklistRow, WorklistView } from '../../features/worklist/worklist-view.tsx';
import { getSession } from '../../sync/session.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { paths } from '../paths.ts';

async function load(nurse: string) {
  const [contacts, children, families, session] = await Promise.all([
    records.all('contact'),
    records.all('child'),
    records.all('family'),
    getSession(),
  ]);
  const childById = new Map(children.map((c) => [c.id, c.data]));
  const familyById = new Map(families.map((f) => [f.id, f.data]));
  const handovers = await handoversDue(children, (id) => familyById.get(id)?.tovholder ?? '');
  const items = worklist(
    [
      ...contacts.map((c) => ({ id: c.id, ...c.data })),
      ...handovers.entries.map((e) => ({ ...e, type: 'overlevering' as const })),
    ],
    localToday(),
    nurse ? { nurse } : {},
  );
  const rows: WorklistRow[] = items.map(({ contact, bucket, dueDate, outsideWindow }) => {
    const child = childById.get(contact.childId);
    const handover = contact.type === 'overlevering';
    return {
      id: contact.id,
      bucket,
      dueDate,
      outsideWindow,
      windowFrom: contact.windowFrom,
      windowTo: contact.windowTo,
      type: contact.type,
      childName: child ? `${child.firstName} ${child.lastName}`.trim() : '–',
      familyName: familyById.get(contact.familyId)?.name ?? '–',
      nurse: contact.nurse,
      ...(handover ? { detail: handovers.placeOf(contact.childId) } : {}),
      href: paths.child(contact.familyId, contact.childId),
    };
  });
  const nurses = [...new Set(contacts.map((c) => c.data.nurse.trim()).filter(Boolean))].sort((a, b) =>
    a.localeCompare(b, 'da'),
  );
  return { rows, nurses, me: session?.user.displayName ?? '' };
}

/**
 * Children linked to an institution with a start date and no signed handover there yet. Only when
 * some child has such a link are the handovers, institutions and settings read (the first screen
 * stays as light as it was for a caseload without daycare links).
 */
async function handoversDue(
  children: Awaited<ReturnType<typeof records.all<'child'>>>,
  nurseOf: (familyId: string) => string,
) {
  const linked = children.filter((c) => c.data.institutionId !== '' && c.data.childcareStart !== '');
  if (linked.length === 0) return { entries: [], placeOf: () => '' };
  const [handovers, institutions, settings] = await Promise.all([
    records.all('handover'),
    records.all('institution'),
    records.settings(),
  ]);
  const places = new Map(institutions.map((i) => [i.id, i.data.name]));
  const placeOf = new Map(linked.map((c) => [c.id, places.get(c.data.institutionId) ?? '']));
  const entries = handoverWorklistEntries(
    linked.map((c) => ({ id: c.id, ...c.data })),
    handovers.map((h) => h.data),
    settings.data.daycare.handoverWeeksBefore,
    localToday(),
    nurseOf,
  );
  return { entries, placeOf: (childId: string) => placeOf.get(childId) ?? '' };
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
