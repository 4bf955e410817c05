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
  /** Register a consent of a type, then return to `back` (the flow that needed it). */
  newConsentFor: (familyId: string, type: string, back: string) =>
    `/familier/${familyId}/samtykker/nyt?type=${encodeURIComponent(type)}&tilbage=${encodeURIComponent(back)}`,
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
  newHandover: (familyId: string, childId: string) => `/familier/${familyId}/boern/${childId}/overlevering/ny`,
  handover: (familyId: string, childId: string, id: string) =>
    `/familier/${familyId}/boern/${childId}/overlevering/${id}`,
  handoverLetter: (familyId: string, childId: string, id: string) =>
    `/familier/${familyId}/boern/${childId}/overlevering/${id}/brev`,
  newMeeting: (familyId: string, childId: string, type: string) =>
    `/familier/${familyId}/boern/${childId}/moede/ny/${type}`,
  meetingFromContact: (familyId: string, childId: string, contactId: string) =>
    `/familier/${familyId}/boern/${childId}/moede/fra/${contactId}`,
  meeting: (familyId: string, childId: string, id: string) => `/familier/${familyId}/boern/${childId}/moede/${id}`,
  daycare: '/dagtilbud',
  newInstitution: '/dagtilbud/institutioner/ny',
  institution: (id: string) => `/dagtilbud/institutioner/${id}`,
  newActivity: (type: string) => `/dagtilbud/aktiviteter/ny/${type}`,
  activity: (id: string) => `/dagtilbud/aktiviteter/${id}`,
  cosp: '/cosp',
  newCourse: '/cosp/ny',
  course: (id: string) => `/cosp/${id}`,
  editCourse: (id: string) => `/cosp/${id}/rediger`,
  session: (courseId: string, id: string) => `/cosp/${courseId}/session/${id}`,
  settings: '/indstillinger',
  device: '/enhed',
  attention: '/kraever-handling',
  admin: '/admin',
  adminUser: (id: string) => `/admin/brugere/${id}`,
  conflict: (id: string) => `/kraever-handling/konflikt/${id}`,
};

/** The `?tilbage=` path of a screen another flow sent the nurse to: within the app only, never another site. */
export const returnPath = (search: string, fallback: string): string => {
  const back = new URLSearchParams(search).get('tilbage') ?? '';
  return back.startsWith('/') && !back.startsWith('//') ? back : fallback;
};
