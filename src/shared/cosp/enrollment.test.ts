import { describe, expect, it } from 'vitest';
import type { Consent } from '../caseload/consent.ts';
import { enrolmentGate } from './enrollment.ts';
import { ids } from './test-fixtures.ts';

type Stored = Consent & { id: string };
const consent = (id: string, date: string, patch: Partial<Consent> = {}): Stored => ({
  id,
  familyId: ids.family,
  type: 'deltagelse-i-cos-p',
  givenBy: 'Sara Jensen',
  form: 'mundtlig',
  date,
  scope: '',
  withdrawnAt: '',
  withdrawnNote: '',
  validUntil: '',
  instrumentScores: false,
  ...patch,
});

describe('enrolment gate', () => {
  it('refuses without a consent of the COS-P type', () => {
    expect(enrolmentGate([], ids.family, '2025-09-01')).toEqual({ ok: false, reason: 'consent-missing' });
    const other = consent('a', '2025-08-01', { type: 'videregivelse-til-dagtilbud' });
    expect(enrolmentGate([other], ids.family, '2025-09-01')).toEqual({ ok: false, reason: 'consent-missing' });
  });

  it('refuses before the consent was given', () => {
    expect(enrolmentGate([consent('a', '2025-09-02')], ids.family, '2025-09-01')).toEqual({
      ok: false,
      reason: 'consent-missing',
    });
  });

  it("does not use another family's consent", () => {
    const elsewhere = consent('a', '2025-08-01', { familyId: ids.caregiver });
    expect(enrolmentGate([elsewhere], ids.family, '2025-09-01')).toEqual({ ok: false, reason: 'consent-missing' });
  });

  it('admits with an active consent and returns it', () => {
    const given = consent('a', '2025-08-01');
    expect(enrolmentGate([given], ids.family, '2025-08-01')).toEqual({ ok: true, consent: given });
  });

  it('refuses from the day the consent is withdrawn, until a new one is given', () => {
    const withdrawn = consent('a', '2025-08-01', {
      withdrawnAt: '2025-09-10',
      withdrawnNote: 'Ønsker ikke at deltage',
    });
    expect(enrolmentGate([withdrawn], ids.family, '2025-09-09').ok).toBe(true);
    expect(enrolmentGate([withdrawn], ids.family, '2025-09-10')).toEqual({ ok: false, reason: 'consent-withdrawn' });
    const renewed = consent('b', '2025-10-01');
    expect(enrolmentGate([renewed, withdrawn], ids.family, '2025-10-01')).toEqual({ ok: true, consent: renewed });
  });

  it('refuses once a time-limited consent has expired (the same gate as every disclosure)', () => {
    const limited = consent('a', '2025-08-01', { validUntil: '2025-12-31' });
    expect(enrolmentGate([limited], ids.family, '2025-12-31').ok).toBe(true);
    expect(enrolmentGate([limited], ids.family, '2026-01-01')).toEqual({ ok: false, reason: 'consent-expired' });
  });
});
