/** "Mine besøg": the start screen — who is due for a visit across the caseload. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { worklist } from '../../../shared/caseload/worklist.ts';
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
  const items = worklist(
    contacts.map((c) => ({ id: c.id, ...c.data })),
    localToday(),
    nurse ? { nurse } : {},
  );
  const rows: WorklistRow[] = items.map(({ contact, bucket, dueDate, outsideWindow }) => {
    const child = childById.get(contact.childId);
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
      href: paths.child(contact.familyId, contact.childId),
    };
  });
  const nurses = [...new Set(contacts.map((c) => c.data.nurse.trim()).filter(Boolean))].sort((a, b) =>
    a.localeCompare(b, 'da'),
  );
  return { rows, nurses, me: session?.user.displayName ?? '' };
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
