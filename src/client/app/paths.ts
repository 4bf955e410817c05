/** The app's URLs (Danish paths), in one place for links and routes. */
export const paths = {
  families: '/familier',
  newFamily: '/familier/ny',
  family: (id: string) => `/familier/${id}`,
  editFamily: (id: string) => `/familier/${id}/rediger`,
  newChild: (familyId: string) => `/familier/${familyId}/boern/nyt`,
  editChild: (familyId: string, childId: string) => `/familier/${familyId}/boern/${childId}/rediger`,
  device: '/enhed',
  attention: '/kraever-handling',
  conflict: (id: string) => `/kraever-handling/konflikt/${id}`,
};
