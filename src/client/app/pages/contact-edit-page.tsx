/** Edit a planned contact, or add a need-based visit by hand. */

import { useLocation, useParams } from 'wouter';
import { localToday } from '../../../shared/domain/age.ts';
import { useLive, useRecord } from '../../db/store.ts';
import { ContactForm } from '../../features/plan/contact-form.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { getSession } from '../../sync/session.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { paths } from '../paths.ts';

export function NewContactPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const { familyId, childId } = useParams<{ familyId: string; childId: string }>();
  const me = useLive(async () => (await getSession())?.user.displayName ?? '', []);
  const done = () => navigate(paths.child(familyId, childId), { replace: true });
  if (me === undefined) return null;
  const today = localToday();
  return (
    <>
      <PageHeader
        title={t('caseload.plan.addVisitTitle')}
        back={{ to: paths.child(familyId, childId), label: t('common.back') }}
      />
      <ContactForm
        initial={{
          childId,
          familyId,
          type: 'behovsbesoeg',
          source: 'manual',
          scheduleKey: '',
          targetDate: today,
          windowFrom: today,
          windowTo: today,
          plannedDate: today,
          status: 'planlagt',
          doneDate: '',
          nurse: me,
          note: '',
        }}
        onSaved={done}
        onCancel={done}
      />
    </>
  );
}

export function EditContactPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const { familyId, childId, contactId } = useParams<{ familyId: string; childId: string; contactId: string }>();
  const contact = useRecord('contact', contactId);
  const done = () => navigate(paths.child(familyId, childId), { replace: true });
  const back = { to: paths.child(familyId, childId), label: t('common.back') };
  if (contact === undefined) return null;
  if (contact === null) return <PageHeader title={t('app.notFound')} back={back} />;
  return (
    <>
      <PageHeader title={t('caseload.plan.editTitle')} back={back} />
      <ContactForm id={contactId} initial={contact.data} onSaved={done} onCancel={done} />
    </>
  );
}
