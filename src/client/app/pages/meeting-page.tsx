/**
 * Interdisciplinary home visits and meetings in daycare: starting one (ad hoc by type, or from a
 * planned contact of that type, which it then carries out) creates its draft at once; the author's
 * draft opens the meeting form, a signed meeting its record with additions.
 */
import { useEffect, useRef } from 'react';
import { useLocation, useParams } from 'wouter';
import { isMeetingType } from '../../../shared/caseload/contact.ts';
import { activeInstitutions } from '../../../shared/daycare/institution.ts';
import type { MeetingType } from '../../../shared/daycare/meeting.ts';
import { records, useLive } from '../../db/store.ts';
import { startMeeting } from '../../features/daycare/daycare-actions.ts';
import { MeetingForm } from '../../features/daycare/meeting-form.tsx';
import { MeetingView } from '../../features/daycare/meeting-view.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { getSession } from '../../sync/session.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { daycarePaths } from '../daycare-paths.ts';
import { paths } from '../paths.ts';
import { chainOf, withIds } from './daycare-loaders.ts';

async function signer() {
  const session = await getSession();
  return { id: session?.user.id ?? '', displayName: session?.user.displayName ?? '' };
}

export function StartMeetingPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const { familyId, childId, type, contactId } = useParams<{
    familyId: string;
    childId: string;
    type?: string;
    contactId?: string;
  }>();
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void (async () => {
      const contact = contactId ? await records.get('contact', contactId) : undefined;
      const kind: MeetingType | null = contact
        ? isMeetingType(contact.data.type)
          ? contact.data.type
          : null
        : type && isMeetingType(type)
          ? type
          : null;
      if (!kind) {
        navigate(paths.child(familyId, childId), { replace: true });
        return;
      }
      const id = await startMeeting({ familyId, childId, ...(contactId ? { contactId } : {}) }, kind, await signer());
      navigate(daycarePaths.meeting(familyId, childId, id), { replace: true });
    })();
  }, [familyId, childId, type, contactId, navigate]);
  return <p className="muted">{t('app.loading')}</p>;
}

export function MeetingPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const { familyId, childId, meetingId } = useParams<{ familyId: string; childId: string; meetingId: string }>();
  const data = useLive(async () => {
    const [chain, child, institutions, consents, me] = await Promise.all([
      chainOf('cooperationMeeting', childId, meetingId),
      records.get('child', childId),
      records.all('institution'),
      records.ofFamily('consent', familyId),
      signer(),
    ]);
    return chain.record ? { ...chain, record: chain.record, child, institutions, consents, me } : null;
  }, [meetingId, childId, familyId]);
  const childHref = paths.child(familyId, childId);
  if (data === undefined) return <p className="muted">{t('app.loading')}</p>;
  if (data === null) return <PageHeader title={t('app.notFound')} back={{ to: childHref, label: t('common.back') }} />;
  const { record, additions, child, institutions, consents, me } = data;
  const name = child ? `${child.data.firstName} ${child.data.lastName}`.trim() : '';
  const m = record.data;
  const mine = m.status === 'kladde' && (m.authorId === '' || m.authorId === me.id);
  const here = daycarePaths.meeting(familyId, childId, meetingId);
  return (
    <>
      <PageHeader
        title={t('daycare.meeting.title', { type: t(`caseload.plan.types.${m.type}`), name })}
        subtitle={t(`daycare.status.${m.status}`)}
        back={{ to: childHref, label: name || t('common.back') }}
      />
      {mine ? (
        <MeetingForm
          key={record.id}
          id={record.id}
          meeting={m}
          institutions={activeInstitutions(institutions)}
          consents={withIds(consents)}
          me={me}
          consentHref={daycarePaths.newConsentFor(familyId, 'tvaerfagligt-moede', here)}
          onSigned={() => navigate(here, { replace: true })}
        />
      ) : (
        <MeetingView
          meeting={record}
          additions={additions}
          institutionName={institutions.find((i) => i.id === m.institutionId)?.data.name ?? ''}
          consentDate={consents.find((c) => c.id === m.consentId)?.data.date ?? ''}
          me={m.status === 'underskrevet' && m.authorId === me.id ? me : null}
        />
      )}
    </>
  );
}
