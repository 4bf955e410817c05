/**
 * The URLs of the cooperation with daycare: handovers and meetings on a child, the team's
 * institutions and talks, and the consent registration a gated flow sends the nurse to. Kept apart
 * from paths.ts (the first screen's) because only the lazily loaded screens link here; the
 * top bar's entry is paths.daycare.
 */
import { paths } from './paths.ts';

export const daycarePaths = {
  /** Register a consent of a type, then return to `back` (the flow that needed it). */
  newConsentFor: (familyId: string, type: string, back: string) =>
    `/familier/${familyId}/samtykker/nyt?type=${encodeURIComponent(type)}&tilbage=${encodeURIComponent(back)}`,
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
  newInstitution: `${paths.daycare}/institutioner/ny`,
  institution: (id: string) => `${paths.daycare}/institutioner/${id}`,
  newActivity: (type: string) => `${paths.daycare}/aktiviteter/ny/${type}`,
  activity: (id: string) => `${paths.daycare}/aktiviteter/${id}`,
};

/** The `?tilbage=` path of a screen another flow sent the nurse to: within the app only, never another site. */
export const returnPath = (search: string, fallback: string): string => {
  const back = new URLSearchParams(search).get('tilbage') ?? '';
  return back.startsWith('/') && !back.startsWith('//') ? back : fallback;
};
