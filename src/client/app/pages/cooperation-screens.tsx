/**
 * The screens of the cooperation with daycare behind one lazy route (router.tsx): the team's
 * institutions and talks under /dagtilbud, and a child's handovers and meetings. One lazy entry
 * instead of ten keeps the first screen's preload map small (the size budget); each screen is
 * still its own module.
 */
import { Route, Switch } from 'wouter';
import { EditActivityPage, NewActivityPage } from './activity-edit-page.tsx';
import { DaycarePage } from './daycare-page.tsx';
import { HandoverLetterPage } from './handover-letter-page.tsx';
import { HandoverPage, StartHandoverPage } from './handover-page.tsx';
import { EditInstitutionPage, NewInstitutionPage } from './institution-edit-page.tsx';
import { MeetingPage, StartMeetingPage } from './meeting-page.tsx';
import { NotFoundPage } from './not-found-page.tsx';

const child = '/familier/:familyId/boern/:childId';

export function CooperationScreens() {
  return (
    <Switch>
      <Route path="/dagtilbud" component={DaycarePage} />
      <Route path="/dagtilbud/institutioner/ny" component={NewInstitutionPage} />
      <Route path="/dagtilbud/institutioner/:institutionId" component={EditInstitutionPage} />
      <Route path="/dagtilbud/aktiviteter/ny/:type" component={NewActivityPage} />
      <Route path="/dagtilbud/aktiviteter/:activityId" component={EditActivityPage} />
      <Route path={`${child}/overlevering/ny`} component={StartHandoverPage} />
      <Route path={`${child}/overlevering/:handoverId`} component={HandoverPage} />
      <Route path={`${child}/overlevering/:handoverId/brev`} component={HandoverLetterPage} />
      <Route path={`${child}/moede/ny/:type`} component={StartMeetingPage} />
      <Route path={`${child}/moede/fra/:contactId`} component={StartMeetingPage} />
      <Route path={`${child}/moede/:meetingId`} component={MeetingPage} />
      <Route component={NotFoundPage} />
    </Switch>
  );
}
