/** Shared test data for the daycare-cooperation tests: fixed ids and builders with sensible defaults. */
import type { Consent } from '../caseload/consent.ts';
import type { Signer, Stored } from '../journal/signature.ts';
import { type Handover, newHandover, signHandoverData } from './handover.ts';
import { type Meeting, newMeeting } from './meeting.ts';

export const ids = {
  family: '1c4d6b4f-9b5a-4d4a-8e2f-4a5b6c7d8e9f',
  child: '3e6f8d6b-bc7c-4f6c-8a4b-6c7d8e9fa0b1',
  otherChild: '3e6f8d6b-bc7c-4f6c-8a4b-6c7d8e9fa0b2',
  institution: '8d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6',
  otherInstitution: '8d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d7',
  consent: '9e2f3a4b-5c6d-4e7f-8a81-92a3b4c5d6e7',
  handover: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
};

export const mette: Signer = { id: 'user-mette', displayName: 'Mette Sundhedsplejerske' };
export const at = new Date('2026-03-02T09:30:00Z');

export const consent = (id: string, date: string, patch: Partial<Consent> = {}): Stored<Consent> => ({
  id,
  data: {
    familyId: ids.family,
    type: 'videregivelse-til-dagtilbud',
    givenBy: 'Sara Jensen',
    form: 'skriftlig',
    date,
    scope: '',
    withdrawnAt: '',
    withdrawnNote: '',
    validUntil: '',
    instrumentScores: false,
    ...patch,
  },
});

/** A complete handover draft to the institution, on consent, ready to sign. */
export const readyHandover = (patch: Partial<Handover> = {}): Handover => ({
  ...newHandover({ familyId: ids.family, childId: ids.child, institutionId: ids.institution }, mette, '2026-03-02'),
  recipientName: 'Lise Holm',
  form: 'overleveringsmoede',
  legalBasis: 'samtykke',
  consentId: ids.consent,
  sections: [
    { section: 'soevn-og-rytme', text: 'Sover to gange om dagen, middagslur ca. kl. 12.' },
    { section: 'sprog', text: 'Siger enkelte ord; forældrene læser højt hver aften.' },
  ],
  parentsConfirmed: true,
  confirmedBy: 'Sara Jensen (mor)',
  ...patch,
});

export const signedHandover = (id: string, patch: Partial<Handover> = {}): Stored<Handover> => ({
  id,
  data: signHandoverData(readyHandover(patch), mette, at),
});

export const signedMeeting = (id: string, patch: Partial<Meeting> = {}): Stored<Meeting> => ({
  id,
  data: {
    ...newMeeting({ familyId: ids.family, childId: ids.child }, 'moede-i-dagtilbud', '2026-02-10', mette),
    participants: [{ name: 'Lise Holm', profession: 'paedagog', institution: 'Solsikken' }],
    legalBasis: 'samtykke',
    status: 'underskrevet',
    signedBy: mette.displayName,
    signedById: mette.id,
    signedAt: '2026-02-10T12:00:00.000Z',
    ...patch,
  },
});
