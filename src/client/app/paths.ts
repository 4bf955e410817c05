/** The app's URLs (Danish paths), in one place for links and routes. */
export const paths = {
  families: '/familier',
  newFamily: '/familier/ny',
  family: (id: string) => `/familier/${id}`,
  editFamily: (id: string) => `/familier/${id}/rediger`,
  newChild: (familyId: string) => `/familier/${familyId}/boern/nyt`,
  editChild: (familyId: string, childId: string) => `/familier/${familyId}/boern/${childId}/rediger`,
  child: (familyId: string, childId: string) => `/familier/${familyId}/boern/${childId}`,
  newCaregiver: (familyId: string) => `/familier/${familyId}/omsorgspersoner/ny`,
  editCaregiver: (familyId: string, id: string) => `/familier/${familyId}/omsorgspersoner/${id}`,
  newConsent: (familyId: string) => `/familier/${familyId}/samtykker/nyt`,
  newContact: (familyId: string, childId: string) => `/familier/${familyId}/boern/${childId}/besoeg/nyt`,
  editContact: (familyId: string, childId: string, id: string) => `/familier/${familyId}/boern/${childId}/besoeg/${id}`,
  visits: '/besoeg',
  startVisit: (familyId: string, childId: string, contactId: string) =>
    `/familier/${familyId}/boern/${childId}/registrering/fra/${contactId}`,
  newVisit: (familyId: string, childId: string) => `/familier/${familyId}/boern/${childId}/registrering/ny`,
  visit: (familyId: string, childId: string, visitId: string) =>
    `/familier/${familyId}/boern/${childId}/registrering/${visitId}`,
  printVisit: (familyId: string, childId: string, visitId: string) =>
    `/familier/${familyId}/boern/${childId}/registrering/${visitId}/udskrift`,
  /** The cooperation with daycare's own screens: daycare-paths.ts (a lazy area of the app). */
  daycare: '/dagtilbud',
  cosp: '/cosp',
  newCourse: '/cosp/ny',
  course: (id: string) => `/cosp/${id}`,
  editCourse: (id: string) => `/cosp/${id}/rediger`,
  session: (courseId: string, id: string) => `/cosp/${courseId}/session/${id}`,
  settings: '/indstillinger',
  evaluation: '/overblik',
  device: '/enhed',
  attention: '/kraever-handling',
  admin: '/admin',
  accessLog: '/adgangslog',
  adminUser: (id: string) => `/admin/brugere/${id}`,
  conflict: (id: string) => `/kraever-handling/konflikt/${id}`,
};
