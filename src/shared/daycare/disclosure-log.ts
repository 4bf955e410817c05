/**
 * The family's disclosure log ("videregivet til …", domain.md §5–6): every signed handover (with
 * its additions) and every signed interdisciplinary meeting of the family's children, with date,
 * recipient, by whom and the legal basis. A disclosure made before a later withdrawal stays in the
 * log, marked with the withdrawal: it was lawful when made and the history is never rewritten.
 * Pure: pass the family's records as stored; drafts disclose nothing and are left out.
 */
import { type Consent, type ConsentType, consentStatus } from '../caseload/consent.ts';
import type { DisclosureException, LegalBasis } from '../caseload/disclosure.ts';
import type { Stored } from '../journal/signature.ts';
import { signedTimeOf } from '../journal/signature.ts';
import { HANDOVER_DISCLOSURE, MEETING_DISCLOSURE } from './daycare-fields.ts';
import type { Handover, HandoverForm, HandoverSection } from './handover.ts';
import type { Meeting, MeetingType } from './meeting.ts';

export type DisclosureEntry = {
  id: string;
  kind: 'handover' | 'cooperationMeeting';
  childId: string;
  date: string;
  /** The form of a handover, or the meeting's type. */
  what: HandoverForm | MeetingType | '';
  institutionId: string;
  /** The person at the institution (handover), or the partners' names (meeting). */
  recipients: string[];
  by: string;
  signedAt: string;
  basis: LegalBasis | '';
  /** The consent relied on (its date), when the basis is consent. */
  consentDate: string;
  exception: DisclosureException | '';
  justification: string;
  sections: HandoverSection[];
  scores: number;
  /** An addition to an earlier handover (its reason). */
  additionOf: string;
  amendmentReason: string;
  /** The consent relied on has since been withdrawn (the withdrawal's date, also the same day), or ''. */
  withdrawnSince: string;
};

type ConsentRecord = Stored<Pick<Consent, 'type' | 'date' | 'withdrawnAt'> & { validUntil?: string }>;

/** The consent a disclosure relied on: the one it names, else the one in force on its date. */
function reliedOn(consents: readonly ConsentRecord[], type: ConsentType, consentId: string, date: string) {
  const named = consents.find((c) => c.id === consentId);
  if (named) return named.data;
  return consentStatus(
    consents.map((c) => c.data),
    type,
    date,
  ).current;
}

export function disclosureLog(input: {
  handovers: readonly Stored<Handover>[];
  meetings: readonly Stored<Meeting>[];
  consents: readonly ConsentRecord[];
}): DisclosureEntry[] {
  const basisOf = (
    data: Pick<Handover, 'legalBasis' | 'consentId' | 'exception' | 'justification' | 'date'>,
    type: ConsentType,
  ) => {
    const consent = data.legalBasis === 'samtykke' ? reliedOn(input.consents, type, data.consentId, data.date) : null;
    return {
      basis: data.legalBasis,
      consentDate: consent?.date ?? '',
      exception: data.exception,
      justification: data.justification,
      withdrawnSince: consent?.withdrawnAt ?? '',
    };
  };
  const handovers = input.handovers
    .filter((h) => h.data.status === 'underskrevet')
    .map(
      (h): DisclosureEntry => ({
        id: h.id,
        kind: 'handover',
        childId: h.data.childId,
        date: h.data.date,
        what: h.data.form,
        institutionId: h.data.institutionId,
        recipients: h.data.recipientName === '' ? [] : [h.data.recipientName],
        by: h.data.signedBy,
        signedAt: signedTimeOf(h.data),
        ...basisOf(h.data, HANDOVER_DISCLOSURE.consent),
        sections: h.data.sections.map((s) => s.section),
        scores: h.data.scores.length,
        additionOf: h.data.amendsId,
        amendmentReason: h.data.amendmentReason,
      }),
    );
  const meetings = input.meetings
    .filter((m) => m.data.status === 'underskrevet' && m.data.amendsId === '')
    .map(
      (m): DisclosureEntry => ({
        id: m.id,
        kind: 'cooperationMeeting',
        childId: m.data.childId,
        date: m.data.date,
        what: m.data.type,
        institutionId: m.data.institutionId,
        recipients: m.data.participants.map((p) => p.name),
        by: m.data.signedBy,
        signedAt: signedTimeOf(m.data),
        ...basisOf(m.data, MEETING_DISCLOSURE.consent),
        sections: [],
        scores: 0,
        additionOf: '',
        amendmentReason: '',
      }),
    );
  return [...handovers, ...meetings].sort(
    (a, b) =>
      (a.date < b.date ? 1 : a.date > b.date ? -1 : 0) ||
      (a.signedAt < b.signedAt ? 1 : a.signedAt > b.signedAt ? -1 : 0) ||
      (a.id < b.id ? -1 : 1),
  );
}
