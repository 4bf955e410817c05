/**
 * Visits: starting one (from a planned contact, or ad hoc) creates the draft visit record at once,
 * so what the nurse types has a home from the first keystroke; the visit page holds the form and
 * the visit's journal notes.
 */
import { Fragment, lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { auditWhat } from '../../../shared/audit/what-codes.ts';
import { isMeetingType } from '../../../shared/caseload/contact.ts';
import { localToday } from '../../../shared/domain/age.ts';
import { growthAge } from '../../../shared/growth/age.ts';
import { instrumentDraftKey, observationDraftKey, visitDraftKey } from '../../../shared/visits/draft.ts';
import {
  currentObservations,
  type MeasurementsValues,
  observationSections,
} from '../../../shared/visits/observation.ts';
import { type FormSection, sectionsFor, visitSignProblems } from '../../../shared/visits/templates.ts';
import { adHocVisit, contactCompletion, isVisitAuthor, visitFromContact } from '../../../shared/visits/visit.ts';
import { records, useLive } from '../../db/store.ts';
import { writer } from '../../db/write-store.ts';
import { useAuditOpen } from '../../features/audit/use-audit.ts';
import type { ChartPoint } from '../../features/growth/growth-chart.tsx';
import { AdbbForm, EpdsForm } from '../../features/visits/instruments.tsx';
import { Journal } from '../../features/visits/journal.tsx';
import { MeasurementsForm } from '../../features/visits/measurements-form.tsx';
import { SectionForm } from '../../features/visits/section-forms.tsx';
import { SectionIndex } from '../../features/visits/section-index.tsx';
import { sectionEntries } from '../../features/visits/section-states.ts';
import { discardDraftVisit } from '../../features/visits/visit-actions.ts';
import { type SignBlocker, VisitForm } from '../../features/visits/visit-form.tsx';
import { useSaveAttempt } from '../../forms/save-attempt.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { getSession } from '../../sync/session.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { daycarePaths } from '../daycare-paths.ts';
import { paths } from '../paths.ts';
import { daycareSharing } from './daycare-sharing.ts';
import { parentNames } from './visit-loaders.ts';

const GrowthChart = lazy(async () => ({
  default: (await import('../../features/growth/growth-chart.tsx')).GrowthChart,
}));

type Dated = MeasurementsValues & { date: string; visitId: string; observationId: string };

/**
 * The child's measurements across visits, oldest first (a visit's date is the measurement's): per
 * visit the values that hold now, i.e. the last correction when the section was corrected.
 */
async function measurementsOf(childId: string): Promise<Dated[]> {
  const [observations, visits] = await Promise.all([
    records.byIndex('observation', 'childId', childId),
    records.byIndex('visit', 'childId', childId),
  ]);
  const byVisit = new Map<string, typeof observations>();
  for (const o of observations) {
    if (o.data.values.section !== 'measurements') continue;
    const list = byVisit.get(o.data.visitId);
    if (list) list.push(o);
    else byVisit.set(o.data.visitId, [o]);
  }
  return visits
    .flatMap((visit) => {
      const view = currentObservations(byVisit.get(visit.id) ?? []).measurements;
      if (!view || visit.data.date === '') return [];
      const values = view.current.data.values as MeasurementsValues;
      return [{ ...values, date: visit.data.date, visitId: visit.id, observationId: view.current.id }];
    })
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** The parts of a visit with input kept in a draft but not saved (EPDS: any parent's; the record itself: 'visit'). */
async function unsavedSections(visitId: string, caregiverIds: string[]): Promise<(FormSection | 'visit')[]> {
  const keys: [FormSection | 'visit', string][] = [
    ['visit', visitDraftKey(visitId)],
    ...observationSections.map((section): [FormSection, string] => [section, observationDraftKey(visitId, section)]),
    ...caregiverIds.map((id): [FormSection, string] => ['epds', instrumentDraftKey(visitId, 'epds', id)]),
    ['adbb', instrumentDraftKey(visitId, 'adbb')],
  ];
  const found = await Promise.all(
    keys.map(async ([section, key]) => ((await records.byIndex('draft', 'formKey', key)).length > 0 ? [section] : [])),
  );
  return [...new Set(found.flat())];
}

async function signer() {
  const session = await getSession();
  return { id: session?.user.id ?? '', displayName: session?.user.displayName ?? '' };
}

export function StartVisitPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const { familyId, childId, contactId } = useParams<{ familyId: string; childId: string; contactId?: string }>();
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void (async () => {
      const me = await signer();
      const contact = contactId ? await records.get('contact', contactId) : undefined;
      // A planned interdisciplinary visit or meeting in daycare opens its own form (meeting-page.tsx).
      if (contact && contactId && isMeetingType(contact.data.type)) {
        navigate(daycarePaths.meetingFromContact(familyId, childId, contactId), { replace: true });
        return;
      }
      if (contact?.data.type === 'overlevering') {
        navigate(daycarePaths.newHandover(familyId, childId), { replace: true });
        return;
      }
      // A visit already started for this contact is reopened, not duplicated.
      const existing = contactId
        ? (await records.byIndex('visit', 'childId', childId)).find((v) => v.data.contactId === contactId)
        : undefined;
      const id =
        existing?.id ??
        (await writer.create(
          'visit',
          contact ? visitFromContact(contact, localToday(), me) : adHocVisit({ childId, familyId }, localToday(), me),
        ));
      navigate(paths.visit(familyId, childId, id), { replace: true });
    })();
  }, [contactId, childId, familyId, navigate]);
  return <p className="muted">{t('app.loading')}</p>;
}

export function VisitPage() {
  const { t, i18n } = useTranslation();
  const [, navigate] = useLocation();
  const [discardRefused, setDiscardRefused] = useState(false);
  const { attempt, message: saveFailure } = useSaveAttempt();
  const { familyId, childId, visitId } = useParams<{ familyId: string; childId: string; visitId: string }>();
  const data = useLive(async () => {
    const [visit, child, notes, me, measurements, instruments, caregivers, settings, observations, drafts, consents] =
      await Promise.all([
        records.get('visit', visitId),
        records.get('child', childId),
        records.byIndex('journalNote', 'visitId', visitId),
        signer(),
        measurementsOf(childId),
        records.byIndex('instrumentResponse', 'visitId', visitId),
        records.ofFamily('caregiver', familyId),
        records.settings(),
        records.byIndex('observation', 'visitId', visitId),
        records.ofFamily('caregiver', familyId).then((list) =>
          unsavedSections(
            visitId,
            list.map((c) => c.id),
          ),
        ),
        records.ofFamily('consent', familyId),
      ]);
    const formerParents = await parentNames(instruments, caregivers);
    return visit
      ? {
          visit,
          child,
          notes,
          me,
          measurements,
          instruments,
          caregivers,
          settings,
          observations,
          drafts,
          formerParents,
          consents,
        }
      : null;
  }, [visitId, childId]);
  const back = { to: paths.child(familyId, childId), label: t('common.back') };
  const shown = data?.visit.data;
  useAuditOpen(
    shown ? [{ what: auditWhat.visit, familyId: shown.familyId, childId: shown.childId, recordId: visitId }] : null,
  );
  if (data === undefined) return <p className="muted">{t('app.loading')}</p>;
  if (data === null) return <PageHeader title={t('app.notFound')} back={back} />;
  const {
    visit,
    child,
    notes,
    me,
    measurements,
    instruments,
    caregivers,
    settings,
    observations,
    drafts,
    formerParents,
    consents,
  } = data;
  const sharing = daycareSharing(
    t,
    i18n.language,
    consents.map((c) => c.data),
    visit.data.date,
    daycarePaths.newConsentFor(familyId, 'videregivelse-til-dagtilbud', paths.visit(familyId, childId, visitId)),
  );

  const specs = sectionsFor(visit.data.type);
  const views = currentObservations(observations);
  const blockers: SignBlocker[] = [
    ...visitSignProblems(visit.data, observations),
    ...drafts.flatMap((section) => (section === 'visit' ? [] : [{ section, problem: 'unsaved' as const }])),
  ];
  // Only the author edits and signs a draft (the server refuses anyone else); others read it.
  const visitRef = {
    id: visitId,
    date: visit.data.date,
    familyId,
    childId,
    editable: visit.data.status === 'kladde' && isVisitAuthor(visit.data, me.id),
  };
  const epds = instruments.flatMap((r) =>
    r.data.response.instrument === 'EPDS'
      ? [{ id: r.id, caregiverId: r.data.caregiverId, response: r.data.response }]
      : [],
  );
  const adbb = instruments.find((r) => r.data.response.instrument === 'ADBB');
  const planFollowUp = async (window: { from: string; to: string }) => {
    await writer.create('contact', {
      childId,
      familyId,
      type: 'behovsbesoeg',
      source: 'manual',
      targetDate: window.from,
      windowFrom: window.from,
      windowTo: window.to,
      nurse: me.displayName,
      note: 'ADBB',
    });
  };
  const childName = child ? `${child.data.firstName} ${child.data.lastName}`.trim() : '';
  const signed = visit.data.status !== 'kladde';
  const index = sectionEntries(
    {
      signed,
      recordDraft: drafts.includes('visit'),
      sections: specs,
      saved: new Set<FormSection>([
        ...observationSections.filter((section) => views[section]),
        ...(epds.length > 0 ? (['epds'] as const) : []),
        ...(adbb ? (['adbb'] as const) : []),
      ]),
      drafts: new Set(drafts.filter((d): d is FormSection => d !== 'visit')),
      notes: notes.length,
    },
    (part) =>
      part === 'visit' ? t('visits.record') : part === 'journal' ? t('visits.journal') : t(`visits.section.${part}`),
  );

  /** An accidental start: gone after a confirmation, its planned contact planned again. */
  const discard = async () => {
    if (!window.confirm(t('visits.discardConfirm'))) return;
    const outcome = await discardDraftVisit(visitId);
    if (outcome.ok) navigate(paths.child(familyId, childId), { replace: true });
    else setDiscardRefused(true);
  };

  const onSigned = async () => {
    if (!visit.data.contactId) return;
    const contact = await records.get('contact', visit.data.contactId);
    const done = contact ? contactCompletion(visit.data, contact.data) : null;
    if (contact && done) await writer.update('contact', contact.id, { ...contact.data, ...done });
  };

  return (
    <>
      <PageHeader
        title={`${t(`caseload.plan.types.${visit.data.type}`)}: ${childName}`}
        subtitle={t(`visits.status.${visit.data.status}`)}
        back={{ to: paths.child(familyId, childId), label: childName || t('common.back') }}
        actions={
          <>
            {signed ? null : (
              <button type="button" className="button button--danger" onClick={attempt(discard)}>
                {t('visits.discard')}
              </button>
            )}
            <Link href={paths.printVisit(familyId, childId, visitId)} className="button">
              {t('visits.printSummary')}
            </Link>
          </>
        }
      />
      {discardRefused ? (
        <p className="alert" role="alert">
          {t('visits.discardRefused')}
        </p>
      ) : null}
      {saveFailure}
      <SectionIndex entries={index} />
      <div id="section-visit" className="visit-part">
        <VisitForm
          key={`${visit.id}-${visit.data.status}`}
          visitId={visit.id}
          visit={visit.data}
          signer={me}
          blockers={blockers}
          onSigned={onSigned}
        />
      </div>
      {specs.map(({ section, required }) => {
        switch (section) {
          case 'measurements':
            return child ? (
              <Fragment key={section}>
                <MeasurementsForm
                  visit={visitRef}
                  child={child.data}
                  required={required}
                  saved={(() => {
                    const own = measurements.find((m) => m.visitId === visitId);
                    return own ? { id: own.observationId, values: own } : null;
                  })()}
                  history={views.measurements}
                  signer={me}
                  previous={
                    measurements.filter((m) => m.visitId !== visitId && m.date <= visit.data.date).at(-1) ?? null
                  }
                />
                <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
                  <GrowthChart sex={child.data.sex} points={chartPoints(child.data, measurements)} />
                </Suspense>
              </Fragment>
            ) : null;
          case 'epds':
            // A recorded EPDS is shown even when its parent is no longer among the caregivers.
            return caregivers.length > 0 || epds.length > 0 ? (
              <div key={section} id="section-epds" className="visit-part">
                <EpdsForm
                  visit={visitRef}
                  caregivers={caregivers.map((c) => ({ id: c.id, name: c.data.name, relation: c.data.relation }))}
                  formerNames={formerParents}
                  cutoffs={settings.data.epdsCutoffs}
                  saved={epds}
                />
              </div>
            ) : null;
          case 'adbb':
            return child ? (
              <div key={section} id="section-adbb" className="visit-part">
                <AdbbForm
                  visit={visitRef}
                  birthDate={child.data.birthDate}
                  cutoff={settings.data.adbbCutoff}
                  saved={adbb ? { id: adbb.id, answers: adbb.data.response.answers } : null}
                  onPlanFollowUp={planFollowUp}
                />
              </div>
            ) : null;
          default: {
            const current = views[section]?.current;
            return (
              <SectionForm
                key={section}
                section={section}
                visit={visitRef}
                required={required}
                saved={current ? { id: current.id, values: current.data.values } : null}
                history={views[section]}
                signer={me}
                {...(section === 'language' ? { daycareSharing: sharing } : {})}
              />
            );
          }
        }
      })}
      <div id="section-journal" className="visit-part">
        <Journal notes={notes} refs={{ familyId, childId, visitId }} me={me} />
      </div>
    </>
  );
}

function chartPoints(
  child: { birthDate: string; gestationalAgeWeeks: number | null; gestationalAgeDays: number | null },
  measurements: Dated[],
): ChartPoint[] {
  return measurements.map((m) => {
    const age = growthAge({ ...child, on: m.date });
    return {
      ageDays: age.useCorrected && age.correctedDays !== null ? age.correctedDays : age.chronologicalDays,
      weightKg: m.weightGrams === null ? null : m.weightGrams / 1000,
      lengthCm: m.lengthCm,
      headCm: m.headCircumferenceCm,
    };
  });
}
