import { describe, expect, it } from 'vitest';
import { cooperationCounts } from './counts.ts';
import { signedHandover, signedMeeting } from './test-fixtures.ts';

describe('the daycare-cooperation counts', () => {
  it('counts signed originals in the period by kind, type and legal basis', () => {
    const handovers = [
      signedHandover('a').data,
      signedHandover('b', { legalBasis: 'undtagelse', consentId: '', exception: 'sundhedsloven-43-stk-2' }).data,
      { ...signedHandover('c').data, status: 'kladde' as const },
      { ...signedHandover('d').data, amendsId: 'a' },
      { ...signedHandover('e').data, date: '2025-12-31' },
    ];
    const meetings = [
      signedMeeting('m1').data,
      signedMeeting('m2', { type: 'tvaerfagligt-hjemmebesoeg' }).data,
      signedMeeting('m3', { legalBasis: 'undtagelse', exception: 'barnets-lov-tidlig-forebyggelse' }).data,
      signedMeeting('m4', { status: 'kladde' }).data,
    ];
    const activities = [
      { type: 'oplaeg' as const, date: '2026-01-15', participantsCount: 12 },
      { type: 'oplaeg' as const, date: '2026-02-15', participantsCount: null },
      { type: 'kompetenceforum' as const, date: '2026-02-20', participantsCount: 8 },
      { type: 'oplaeg' as const, date: '2027-01-01', participantsCount: 30 },
    ];
    expect(cooperationCounts({ handovers, meetings, activities }, { from: '2026-01-01', to: '2026-12-31' })).toEqual({
      interdisciplinaryHomeVisits: 1,
      meetingsInDaycare: 2,
      meetingsUnderException: 1,
      handovers: 2,
      handoversWithConsent: 1,
      handoversUnderException: 1,
      talks: 2,
      talkParticipants: 12,
      competenceForums: 1,
    });
  });
});
