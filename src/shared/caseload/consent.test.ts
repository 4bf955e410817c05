import { describe, expect, it } from 'vitest';
import { type Consent, consentHistory, consentState, consentStatus, requireConsent } from './consent.ts';

type Stored = Consent & { id: string };
const consent = (id: string, date: string, patch: Partial<Consent> = {}): Stored => ({
  id,
  familyId: '0b3c5a3e-8a4f-4c39-9d1e-3f4f5a6b7c8d',
  type: 'videregivelse-til-dagtilbud',
  givenBy: 'Sara Jensen',
  form: 'skriftlig',
  date,
  scope: 'Trivsel, søvn og sprog til Solsikken',
  withdrawnAt: '',
  withdrawnNote: '',
  validUntil: '',
  instrumentScores: false,
  ...patch,
});

describe('consent state', () => {
  const given = consent('a', '2025-05-01', { withdrawnAt: '2025-06-01', withdrawnNote: 'Ønsker ikke deling' });

  it('is none before any consent of the type', () => {
    expect(consentState([given], 'videregivelse-til-dagtilbud', '2025-04-30')).toBe('none');
    expect(consentState([given], 'evaluering', '2025-05-10')).toBe('none');
  });

  it('is active until the withdrawal date and withdrawn from it', () => {
    expect(consentState([given], 'videregivelse-til-dagtilbud', '2025-05-01')).toBe('active');
    expect(consentState([given], 'videregivelse-til-dagtilbud', '2025-05-31')).toBe('active');
    expect(consentState([given], 'videregivelse-til-dagtilbud', '2025-06-01')).toBe('withdrawn');
    expect(consentState([given], 'videregivelse-til-dagtilbud', '2026-01-01')).toBe('withdrawn');
  });

  it('becomes active again with a newer consent, keeping the history intact', () => {
    const renewed = consent('b', '2025-08-15', { form: 'mundtlig' });
    const consents = [renewed, given];
    const snapshot = structuredClone(consents);
    expect(consentState(consents, 'videregivelse-til-dagtilbud', '2025-07-01')).toBe('withdrawn');
    const status = consentStatus(consents, 'videregivelse-til-dagtilbud', '2025-08-15');
    expect(status.state).toBe('active');
    expect(status.current).toBe(renewed);
    expect(status.history).toEqual([given, renewed]);
    expect(status.history[0]).toBe(given);
    expect(consents).toEqual(snapshot);
  });

  it('reads two consents of the same day, one withdrawn, as withdrawn', () => {
    const twin = consent('c', '2025-05-01');
    expect(consentState([twin, given], 'videregivelse-til-dagtilbud', '2025-06-02')).toBe('withdrawn');
    expect(consentState([given, twin], 'videregivelse-til-dagtilbud', '2025-06-02')).toBe('withdrawn');
    expect(consentState([twin, given], 'videregivelse-til-dagtilbud', '2025-05-02')).toBe('active');
  });

  it('lists the history per type, oldest first', () => {
    const other = consent('d', '2025-04-01', { type: 'evaluering' });
    expect(
      consentHistory([given, other, consent('e', '2025-03-01')], 'videregivelse-til-dagtilbud').map((c) => c.id),
    ).toEqual(['e', 'a']);
  });
});

describe('requireConsent', () => {
  it('returns the consent that allows the action, or why not', () => {
    const given = consent('a', '2025-05-01', { withdrawnAt: '2025-06-01' });
    expect(requireConsent([given], 'videregivelse-til-dagtilbud', '2025-05-15')).toEqual({ ok: true, consent: given });
    expect(requireConsent([given], 'videregivelse-til-dagtilbud', '2025-06-01')).toEqual({
      ok: false,
      reason: 'consent-withdrawn',
    });
    expect(requireConsent([given], 'deltagelse-i-cos-p', '2025-05-15')).toEqual({
      ok: false,
      reason: 'consent-missing',
    });
    expect(requireConsent([], 'evaluering', '2025-05-15')).toEqual({ ok: false, reason: 'consent-missing' });
  });
});
