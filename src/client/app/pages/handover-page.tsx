/**
 * A handover on the child: starting one creates its draft at once (so what the nurse types has a
 * home from the first keystroke, offline too); the author's draft opens the guided flow, a signed
 * handover (or a colleague's draft) its snapshot with additions and the letter.
 */
import { useEffect, useRef } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { activeInstitutions } from '../../../shared/daycare/institution.ts';
import { records, useLive } from '../../db/store.ts';
import { startHandover } from '../../features/daycare/daycare-actions.ts';
import { HandoverFlow } from '../../features/daycare/handover-flow.tsx';
import { HandoverView } from '../../features/daycare/handover-view.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { getSession } from '../../sync/session.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { daycarePaths } from '../daycare-paths.ts';
import { paths } from '../paths.ts';
import { chainOf, childScores, withIds } from './daycare-loaders.ts';
import { useScoreText } from './daycare-scores.ts';

async function signer() {
  const session = await getSession();
  return { id: session?.user.id ?? '', displayName: session?.user.displayName ?? '' };
}

export function StartHandoverPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const { familyId, childId } = useParams<{ familyId: string; childId: string }>();
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void (async () => {
      const id = await startHandover({ familyId, childId }, await signer());
      navigate(daycarePaths.handover(familyId, childId, id), { replace: true });
    })();
  }, [familyId, childId, navigate]);
  return <p className="muted">{t('app.loading')}</p>;
}

export function HandoverPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const { familyId, childId, handoverId } = useParams<{ familyId: string; childId: string; handoverId: string }>();
  const scoreText = useScoreText();
  const data = useLive(async () => {
    const [chain, child, institutions, consents, caregivers, scores, me] = await Promise.all([
      chainOf('handover', childId, handoverId),
      records.get('child', childId),
      records.all('institution'),
      records.ofFamily('consent', familyId),
      records.ofFamily('caregiver', familyId),
      childScores(childId),
      signer(),
    ]);
    return chain.record
      ? { ...chain, record: chain.record, child, institutions, consents, caregivers, scores, me }
      : null;
  }, [handoverId, childId, familyId]);
  const childHref = paths.child(familyId, childId);
  if (data === undefined) return <p className="muted">{t('app.loading')}</p>;
  if (data === null) return <PageHeader title={t('app.notFound')} back={{ to: childHref, label: t('common.back') }} />;
  const { record, additions, child, institutions, consents, caregivers, scores, me } = data;
  const name = child ? `${child.data.firstName} ${child.data.lastName}`.trim() : '';
  const h = record.data;
  const mine = h.status === 'kladde' && (h.authorId === '' || h.authorId === me.id);
  const institution = institutions.find((i) => i.id === h.institutionId)?.data ?? null;
  const here = daycarePaths.handover(familyId, childId, handoverId);
  return (
    <>
      <PageHeader
        title={t('daycare.handover.title', { name })}
        subtitle={t(`daycare.status.${h.status}`)}
        back={{ to: childHref, label: name || t('common.back') }}
        actions={
          h.status === 'underskrevet' ? (
            <Link href={daycarePaths.handoverLetter(familyId, childId, handoverId)} className="button">
              {t('daycare.handover.letter')}
            </Link>
          ) : null
        }
      />
      {mine ? (
        <HandoverFlow
          key={record.id}
          id={record.id}
          handover={h}
          institutions={[
            ...activeInstitutions(institutions),
            // A draft keeps its institution even after it was archived.
            ...institutions.filter((i) => i.id === h.institutionId && i.data.archivedAt !== ''),
          ]}
          consents={withIds(consents)}
          availableScores={scores.map(scoreText)}
          caregiverNames={caregivers.map((c) => c.data.name)}
          me={me}
          consentHref={daycarePaths.newConsentFor(familyId, 'videregivelse-til-dagtilbud', here)}
          newInstitutionHref={`${daycarePaths.newInstitution}?tilbage=${encodeURIComponent(here)}`}
          onSigned={() => navigate(here, { replace: true })}
          onDiscarded={() => navigate(childHref, { replace: true })}
        />
      ) : (
        <HandoverView
          handover={record}
          additions={additions}
          institution={institution}
          consentDate={consents.find((c) => c.id === h.consentId)?.data.date ?? ''}
          me={h.status === 'underskrevet' ? me : null}
        />
      )}
    </>
  );
}
