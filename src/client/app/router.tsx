/**
 * Routes (wouter: 2.5 KB instead of react-router's 31 KB, which kept the first screen inside the
 * 150 KB budget; see docs/decisions/0001-stack.md). Every screen is lazy-loaded; the service
 * worker precaches all chunks, so lazy screens open offline too. In-app navigation away from a
 * form with unsaved input asks first (aroundNav); leaving the page is guarded by beforeunload.
 */
import { lazy, type ReactNode } from 'react';
import { Redirect, Route, Router, Switch } from 'wouter';
import { loadScreenTexts } from '../i18n/i18n.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import { hasUnsavedInput } from '../pwa/unsaved.ts';
import { Layout } from './layout.tsx';
// The first screen after unlocking is part of the entry (its texts are in the core catalogue): a
// lazy worklist would show only after React's Suspense reveal throttle (300 ms) once its chunk came.
import { WorklistPage } from './pages/worklist-page.tsx';
import { paths } from './paths.ts';
import { SessionGate } from './session-gate.tsx';

/** A lazy screen: its code and the texts of screens beyond the first load together. */
const page = <K extends string>(load: () => Promise<Record<K, () => ReactNode>>, name: K) =>
  lazy(async () => {
    const [module] = await Promise.all([load(), loadScreenTexts()]);
    return { default: module[name] };
  });

const FamiliesPage = page(() => import('./pages/families-page.tsx'), 'FamiliesPage');
const FamilyPage = page(() => import('./pages/family-page.tsx'), 'FamilyPage');
const NewFamilyPage = page(() => import('./pages/family-edit-page.tsx'), 'NewFamilyPage');
const EditFamilyPage = page(() => import('./pages/family-edit-page.tsx'), 'EditFamilyPage');
const NewChildPage = page(() => import('./pages/child-edit-page.tsx'), 'NewChildPage');
const EditChildPage = page(() => import('./pages/child-edit-page.tsx'), 'EditChildPage');
const DevicePage = page(() => import('./pages/device-page.tsx'), 'DevicePage');
const NeedsAttentionPage = page(() => import('./pages/needs-attention-page.tsx'), 'NeedsAttentionPage');
const ConflictPage = page(() => import('./pages/conflict-page.tsx'), 'ConflictPage');
const ChildPage = page(() => import('./pages/child-page.tsx'), 'ChildPage');
const NewCaregiverPage = page(() => import('./pages/caregiver-edit-page.tsx'), 'NewCaregiverPage');
const EditCaregiverPage = page(() => import('./pages/caregiver-edit-page.tsx'), 'EditCaregiverPage');
const NewConsentPage = page(() => import('./pages/consent-new-page.tsx'), 'NewConsentPage');
const NewContactPage = page(() => import('./pages/contact-edit-page.tsx'), 'NewContactPage');
const EditContactPage = page(() => import('./pages/contact-edit-page.tsx'), 'EditContactPage');
const SettingsPage = page(() => import('./pages/settings-page.tsx'), 'SettingsPage');
const CospPage = page(() => import('./pages/cosp-page.tsx'), 'CospPage');
const NewCoursePage = page(() => import('./pages/course-edit-page.tsx'), 'NewCoursePage');
const EditCoursePage = page(() => import('./pages/course-edit-page.tsx'), 'EditCoursePage');
const CoursePage = page(() => import('./pages/course-page.tsx'), 'CoursePage');
const SessionPage = page(() => import('./pages/session-page.tsx'), 'SessionPage');
const StartVisitPage = page(() => import('./pages/visit-page.tsx'), 'StartVisitPage');
const VisitPage = page(() => import('./pages/visit-page.tsx'), 'VisitPage');
const VisitPrintPage = page(() => import('./pages/visit-print-page.tsx'), 'VisitPrintPage');
// The cooperation with daycare: one lazy entry with its own routes (pages/cooperation-screens.tsx).
const CooperationScreens = page(() => import('./pages/cooperation-screens.tsx'), 'CooperationScreens');
const AdminPage = page(() => import('./pages/admin-page.tsx'), 'AdminPage');
const AdminUserPage = page(() => import('./pages/admin-user-page.tsx'), 'AdminUserPage');
const EvaluationPage = page(() => import('./pages/evaluation-page.tsx'), 'EvaluationPage');
const AccessLogPage = page(() => import('./pages/access-log-page.tsx'), 'AccessLogPage');
const NotFoundPage = page(() => import('./pages/not-found-page.tsx'), 'NotFoundPage');

export function AppRouter() {
  const { t } = useTranslation();
  return (
    <Router
      aroundNav={(navigate, to, options) => {
        if (hasUnsavedInput() && !window.confirm(t('common.unsavedLeave'))) return;
        navigate(to, options);
      }}
    >
      <SessionGate>
        <Layout>
          <Switch>
            <Route path="/">
              <Redirect to={paths.visits} replace />
            </Route>
            <Route path="/familier" component={FamiliesPage} />
            <Route path="/familier/ny" component={NewFamilyPage} />
            <Route path="/familier/:familyId" component={FamilyPage} />
            <Route path="/familier/:familyId/rediger" component={EditFamilyPage} />
            <Route path="/familier/:familyId/boern/nyt" component={NewChildPage} />
            <Route path="/familier/:familyId/boern/:childId/rediger" component={EditChildPage} />
            <Route path="/familier/:familyId/boern/:childId" component={ChildPage} />
            <Route path="/familier/:familyId/boern/:childId/besoeg/nyt" component={NewContactPage} />
            <Route path="/familier/:familyId/boern/:childId/besoeg/:contactId" component={EditContactPage} />
            <Route path="/familier/:familyId/boern/:childId/registrering/ny" component={StartVisitPage} />
            <Route path="/familier/:familyId/boern/:childId/registrering/fra/:contactId" component={StartVisitPage} />
            <Route path="/familier/:familyId/boern/:childId/registrering/:visitId" component={VisitPage} />
            <Route
              path="/familier/:familyId/boern/:childId/registrering/:visitId/udskrift"
              component={VisitPrintPage}
            />
            <Route path="/familier/:familyId/boern/:childId/overlevering/*" component={CooperationScreens} />
            <Route path="/familier/:familyId/boern/:childId/moede/*" component={CooperationScreens} />
            <Route path="/familier/:familyId/omsorgspersoner/ny" component={NewCaregiverPage} />
            <Route path="/familier/:familyId/omsorgspersoner/:caregiverId" component={EditCaregiverPage} />
            <Route path="/familier/:familyId/samtykker/nyt" component={NewConsentPage} />
            <Route path="/besoeg" component={WorklistPage} />
            <Route path="/indstillinger" component={SettingsPage} />
            <Route path="/overblik" component={EvaluationPage} />
            <Route path="/cosp" component={CospPage} />
            <Route path="/cosp/ny" component={NewCoursePage} />
            <Route path="/cosp/:courseId" component={CoursePage} />
            <Route path="/cosp/:courseId/rediger" component={EditCoursePage} />
            <Route path="/cosp/:courseId/session/:sessionId" component={SessionPage} />
            <Route path="/dagtilbud/*?" component={CooperationScreens} />
            <Route path="/enhed" component={DevicePage} />
            <Route path="/kraever-handling" component={NeedsAttentionPage} />
            <Route path="/kraever-handling/konflikt/:conflictId" component={ConflictPage} />
            <Route path="/admin" component={AdminPage} />
            <Route path="/admin/brugere/:userId" component={AdminUserPage} />
            <Route path="/adgangslog" component={AccessLogPage} />
            <Route component={NotFoundPage} />
          </Switch>
        </Layout>
      </SessionGate>
    </Router>
  );
}
