/**
 * One child: details, the 1000-day timeline, the visit plan, the visits, the cooperation with
 * daycare (the handover due before a childcare start, handovers and interdisciplinary meetings)
 * and the child's journal (its own notes, the notes of its visits, the family's notes that concern
 * all its children, and its signed handovers and meetings).
 * An archived (deleted) child or family is still shown, read-only: nothing signed is ever hidden.
 */

import { Link, useParams } from 'wouter';
import { auditWhat } from '../../../shared/audit/what-codes.ts';
import { isMeetingType } from '../../../shared/caseload/contact.ts';
import { formatCpr } from '../../../shared/domain/cpr.ts';
import { records, useLive } from '../../db/store.ts';
import { useAuditOpen } from '../../features/audit/use-audit.ts';
import { CooperationJournal } from '../../features/daycare/cooperation-journal.tsx';
import { CooperationList, type CooperationRow } from '../../features/daycare/cooperation-list.tsx';
import { PlanTable } from '../../features/plan/plan-table.tsx';
import { Timeline } from '../../features/plan/timeline.tsx';
import { Journal } from '../../features/visits/journal.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { getSession } from '../../sync/session.ts';
import { Age } from '../../ui/age.tsx';
import { formatDate } from '../../ui/dates.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { daycarePaths } from '../daycare-paths.ts';
import { paths } from '../paths.ts';
import { childCooperation } from './daycare-loaders.ts';

export function ChildPage() {
  const { t, i18n } = useTranslation();
  const { familyId, childId } = useParams<{ familyId: string; childId: string }>();
  const data = useLive(async () => {
    const [child, family, contacts, visits, notes, familyNotes, session, cooperation] = await Promise.all([
      records.getWithDeleted('child', childId),
      records.getWithDeleted('family', familyId),
      records.contactsOfChild(childId),
      records.byIndex('visit', 'childId', childId),
      records.byIndex('journalNote', 'childId', childId),
      records.byIndex('journalNote', 'familyId', familyId),
      getSession(),
      childCooperation(childId),
    ]);
    const me = { id: session?.user.id ?? '', displayName: session?.user.displayName ?? '' };
    const journal = [...notes, ...familyNotes.filter((n) => n.data.childId === '')];
    return child ? { child, family, contacts, visits, journal, me, cooperation } : null;
  }, [childId, familyId]);
  const back = { to: paths.family(familyId), label: t('common.back') };
  const shown = data?.child.data;
  useAuditOpen(shown ? [{ what: auditWhat.child, familyId: shown.familyId, childId, recordId: childId }] : null);
  if (data === undefined) return <p className="muted">{t('app.loading')}</p>;
  if (data === null) return <PageHeader title={t('child.notFound')} back={back} />;
  const { child, family, contacts, visits, journal, me, cooperation } = data;
  const coopRows: CooperationRow[] = [
    ...cooperation.handovers.map(({ record, additions }) => ({
      id: record.id,
      kind: 'handover' as const,
      date: record.data.date,
      what: record.data.form,
      place: cooperation.institutionName(record.data.institutionId),
      status: record.data.status,
      additions,
      sync: record.sync,
      href: daycarePaths.handover(familyId, childId, record.id),
    })),
    ...cooperation.meetings.map(({ record, additions }) => ({
      id: record.id,
      kind: 'cooperationMeeting' as const,
      date: record.data.date,
      what: record.data.type,
      place: cooperation.institutionName(record.data.institutionId),
      status: record.data.status,
      additions,
      sync: record.sync,
      href: daycarePaths.meeting(familyId, childId, record.id),
    })),
  ].sort((a, b) => b.date.localeCompare(a.date));
  const signedCooperation = coopRows.filter((r) => r.status === 'underskrevet');
  const name = `${child.data.firstName} ${child.data.lastName}`.trim();
  const archived = child.deleted || family?.deleted === true;
  return (
    <>
      <PageHeader
        title={name}
        subtitle={
          <>
            {family?.data.name} · {formatDate(child.data.birthDate, i18n.language)} ·{' '}
            <Age birthDate={child.data.birthDate} />
            {child.data.cpr ? ` · ${formatCpr(child.data.cpr)}` : ''}
          </>
        }
        back={{ to: paths.family(familyId), label: family?.data.name ?? t('common.back') }}
        actions={
          archived ? (
            <span className="badge">{t('archive.archived')}</span>
          ) : (
            <Link href={paths.editChild(familyId, childId)} className="button">
              {t('common.edit')}
            </Link>
          )
        }
      />
      {archived ? <p className="notice">{t('archive.childNotice')}</p> : null}
      <section className="card" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('caseload.plan.timeline')}</h2>
        <Timeline name={name} birthDate={child.data.birthDate} contacts={contacts} cooperation={signedCooperation} />
      </section>
      <section className="card" aria-labelledby="plan-heading">
        <div className="card__head">
          <h2 id="plan-heading">{t('caseload.plan.title')}</h2>
          {archived ? null : (
            <Link href={paths.newContact(familyId, childId)} className="button button--small">
              {t('caseload.plan.addVisit')}
            </Link>
          )}
        </div>
        {family && family.data.inclusionDate === '' ? (
          <p className="muted">{t('caseload.plan.extraVisitsInfo')}</p>
        ) : null}
        <PlanTable
          items={contacts}
          editHref={(id) => paths.editContact(familyId, childId, id)}
          startHref={(id) => {
            // Interdisciplinary home visits, meetings in daycare and the handover have their own forms.
            const type = contacts.find((c) => c.id === id)?.data.type ?? '';
            if (type === 'overlevering') return daycarePaths.newHandover(familyId, childId);
            return isMeetingType(type)
              ? daycarePaths.meetingFromContact(familyId, childId, id)
              : paths.startVisit(familyId, childId, id);
          }}
        />
      </section>
      <CooperationList
        rows={coopRows}
        due={cooperation.due}
        registerHref={paths.daycare}
        links={
          archived
            ? null
            : {
                handover: daycarePaths.newHandover(familyId, childId),
                homeVisit: daycarePaths.newMeeting(familyId, childId, 'tvaerfagligt-hjemmebesoeg'),
                meeting: daycarePaths.newMeeting(familyId, childId, 'moede-i-dagtilbud'),
              }
        }
      />
      <section className="card" aria-labelledby="visits-heading">
        <div className="card__head">
          <h2 id="visits-heading">{t('visits.visits')}</h2>
          {archived ? null : (
            <Link href={paths.newVisit(familyId, childId)} className="button button--small">
              {t('visits.adHoc')}
            </Link>
          )}
        </div>
        {visits.length === 0 ? (
          <p className="muted">{t('visits.noVisits')}</p>
        ) : (
          <ul className="plain-list">
            {[...visits]
              .sort((a, b) => b.data.date.localeCompare(a.data.date))
              .map((v) => (
                <li key={v.id} className="row-item">
                  <Link href={paths.visit(familyId, childId, v.id)}>
                    {formatDate(v.data.date, i18n.language)} · {t(`caseload.plan.types.${v.data.type}`)}
                  </Link>
                  <span className="badge">{t(`visits.status.${v.data.status}`)}</span>
                </li>
              ))}
          </ul>
        )}
      </section>
      <Journal
        notes={journal}
        refs={{ familyId, childId }}
        me={me}
        readOnly={archived}
        visits={visits}
        extra={
          <CooperationJournal
            handovers={cooperation.all.handovers}
            meetings={cooperation.all.meetings}
            href={(kind, id) =>
              kind === 'handover'
                ? daycarePaths.handover(familyId, childId, id)
                : daycarePaths.meeting(familyId, childId, id)
            }
          />
        }
      />
    </>
  );
}
