import { describe, expect, it } from 'vitest';
import { disclosureLog } from './disclosure-log.ts';
import { handoverAddition } from './handover.ts';
import { at, consent, ids, mette, readyHandover, signedHandover, signedMeeting } from './test-fixtures.ts';

describe('the disclosure log', () => {
  it('lists signed handovers, their additions and signed meetings, newest first; drafts disclosed nothing', () => {
    const handover = signedHandover(ids.handover);
    const addition = {
      id: 'add',
      data: handoverAddition(handover, { text: 'Nødder' }, 'Glemt', mette, at, '2026-03-05'),
    };
    const draft = { id: 'draft', data: readyHandover() };
    const meeting = signedMeeting('meeting');
    const meetingDraft = signedMeeting('meeting-draft', {
      status: 'kladde',
      signedBy: '',
      signedById: '',
      signedAt: '',
    });
    const log = disclosureLog({
      handovers: [draft, handover, addition],
      meetings: [meetingDraft, meeting],
      consents: [consent(ids.consent, '2026-01-10'), consent('tm', '2026-01-10', { type: 'tvaerfagligt-moede' })],
    });
    expect(log.map((e) => [e.id, e.kind, e.date])).toEqual([
      ['add', 'handover', '2026-03-05'],
      [ids.handover, 'handover', '2026-03-02'],
      ['meeting', 'cooperationMeeting', '2026-02-10'],
    ]);
    expect(log[1]).toMatchObject({
      what: 'overleveringsmoede',
      recipients: ['Lise Holm'],
      by: mette.displayName,
      basis: 'samtykke',
      consentDate: '2026-01-10',
      sections: ['soevn-og-rytme', 'sprog'],
      withdrawnSince: '',
    });
    expect(log[0]).toMatchObject({ additionOf: ids.handover, amendmentReason: 'Glemt' });
    expect(log[2]).toMatchObject({ recipients: ['Lise Holm'], consentDate: '2026-01-10' });
  });

  it('keeps a handover made before a later withdrawal, marked with the withdrawal', () => {
    const log = disclosureLog({
      handovers: [signedHandover(ids.handover)],
      meetings: [],
      consents: [consent(ids.consent, '2026-01-10', { withdrawnAt: '2026-03-20' })],
    });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ basis: 'samtykke', consentDate: '2026-01-10', withdrawnSince: '2026-03-20' });
    // Withdrawn later the same day as the handover (registered after it was signed): still marked.
    const sameDay = disclosureLog({
      handovers: [signedHandover(ids.handover)],
      meetings: [],
      consents: [consent(ids.consent, '2026-01-10', { withdrawnAt: '2026-03-02' })],
    });
    expect(sameDay[0]?.withdrawnSince).toBe('2026-03-02');
  });

  it('shows an exception with its justification, and finds the consent in force when none is named', () => {
    const exception = signedHandover('e', {
      legalBasis: 'undtagelse',
      consentId: '',
      exception: 'sundhedsloven-43-stk-2',
      justification: 'Livstruende allergi',
    });
    const unnamed = signedHandover('u', { consentId: '' });
    const log = disclosureLog({
      handovers: [exception, unnamed],
      meetings: [],
      consents: [consent('c', '2026-02-01')],
    });
    expect(log.find((e) => e.id === 'e')).toMatchObject({
      basis: 'undtagelse',
      exception: 'sundhedsloven-43-stk-2',
      justification: 'Livstruende allergi',
      consentDate: '',
    });
    expect(log.find((e) => e.id === 'u')).toMatchObject({ consentDate: '2026-02-01' });
  });
});
