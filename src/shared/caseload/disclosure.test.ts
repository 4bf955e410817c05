import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { type Consent, consentSchema, consentState } from './consent.ts';
import {
  checkLegalBasis,
  type DisclosureRule,
  disclosureGate,
  type LegalBasisFields,
  recordGate,
} from './disclosure.ts';

type Stored = Consent & { id: string };
const consent = (id: string, date: string, patch: Partial<Consent> = {}): Stored => ({
  id,
  familyId: '0b3c5a3e-8a4f-4c39-9d1e-3f4f5a6b7c8d',
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
});

const handover: DisclosureRule = {
  consent: 'videregivelse-til-dagtilbud',
  exceptions: ['sundhedsloven-43-stk-2', 'barnets-lov-tidlig-forebyggelse'],
};
const consentOnly: DisclosureRule = { consent: 'videregivelse-til-dagtilbud', exceptions: [] };
const withConsent = { legalBasis: 'samtykke' } as const;

describe('the disclosure gate with consent', () => {
  it('lets an active consent through and names it', () => {
    const given = consent('a', '2026-01-10');
    expect(disclosureGate([given], handover, withConsent, ['2026-02-01'])).toEqual({
      ok: true,
      basis: 'samtykke',
      consent: given,
    });
  });

  it('refuses without a consent of the type, and before it was given', () => {
    const other = consent('a', '2026-01-10', { type: 'tvaerfagligt-moede' });
    expect(disclosureGate([other], handover, withConsent, ['2026-02-01'])).toEqual({
      ok: false,
      reason: 'consent-missing',
    });
    expect(disclosureGate([consent('b', '2026-03-01')], handover, withConsent, ['2026-02-01'])).toEqual({
      ok: false,
      reason: 'consent-missing',
    });
  });

  it('refuses from the day of a withdrawal; a disclosure dated before it still passed', () => {
    const withdrawn = consent('a', '2026-01-10', { withdrawnAt: '2026-02-15' });
    expect(disclosureGate([withdrawn], handover, withConsent, ['2026-02-14']).ok).toBe(true);
    expect(disclosureGate([withdrawn], handover, withConsent, ['2026-02-15'])).toEqual({
      ok: false,
      reason: 'consent-withdrawn',
    });
  });

  it('refuses a disclosure dated before a withdrawal but signed on or after it (every date counts)', () => {
    const withdrawn = consent('a', '2026-01-10', { withdrawnAt: '2026-02-15' });
    expect(disclosureGate([withdrawn], handover, withConsent, ['2026-02-10', '2026-02-16'])).toEqual({
      ok: false,
      reason: 'consent-withdrawn',
    });
  });

  it('refuses after a time-limited consent has expired, and accepts on its last day', () => {
    const limited = consent('a', '2026-01-10', { validUntil: '2026-06-30' });
    expect(disclosureGate([limited], handover, withConsent, ['2026-06-30']).ok).toBe(true);
    expect(disclosureGate([limited], handover, withConsent, ['2026-07-01'])).toEqual({
      ok: false,
      reason: 'consent-expired',
    });
    expect(consentState([limited], 'videregivelse-til-dagtilbud', '2026-07-01')).toBe('expired');
    const renewed = consent('b', '2026-07-02');
    expect(disclosureGate([limited, renewed], handover, withConsent, ['2026-07-02'])).toMatchObject({
      ok: true,
      consent: renewed,
    });
  });

  it('shares instrument scores only with a consent that covers them', () => {
    const plain = consent('a', '2026-01-10');
    const scores = consent('b', '2026-01-10', { instrumentScores: true });
    const request = { legalBasis: 'samtykke', scores: true };
    expect(disclosureGate([plain], handover, request, ['2026-02-01'])).toEqual({
      ok: false,
      reason: 'scores-not-consented',
    });
    expect(disclosureGate([scores], handover, request, ['2026-02-01'])).toMatchObject({ ok: true });
  });

  it('treats a record without basis fields (a shared language result) as claiming consent', () => {
    expect(disclosureGate([consent('a', '2026-01-10')], consentOnly, {}, ['2026-02-01']).ok).toBe(true);
    expect(disclosureGate([], consentOnly, {}, ['2026-02-01'])).toEqual({ ok: false, reason: 'consent-missing' });
  });
});

describe('the disclosure gate with an exception', () => {
  it('accepts an allowed exception with a written justification, without any consent', () => {
    const request = {
      legalBasis: 'undtagelse',
      exception: 'barnets-lov-tidlig-forebyggelse',
      justification: 'Enkeltstående udveksling på møde i det tidlige forebyggende samarbejde.',
    };
    expect(disclosureGate([], handover, request, ['2026-02-01'])).toEqual({
      ok: true,
      basis: 'undtagelse',
      exception: 'barnets-lov-tidlig-forebyggelse',
    });
  });

  it('refuses an exception without a justification (blank counts as none)', () => {
    for (const justification of ['', '   ', undefined]) {
      const request = { legalBasis: 'undtagelse', exception: 'sundhedsloven-43-stk-2', justification };
      expect(disclosureGate([], handover, request, ['2026-02-01'])).toEqual({
        ok: false,
        reason: 'justification-missing',
      });
    }
  });

  it('refuses an exception the disclosure does not allow, or an unknown one', () => {
    const justified = { legalBasis: 'undtagelse', justification: 'Begrundelse' };
    expect(disclosureGate([], consentOnly, { ...justified, exception: 'sundhedsloven-43-stk-2' }, [])).toEqual({
      ok: false,
      reason: 'exception-not-allowed',
    });
    expect(disclosureGate([], handover, { ...justified, exception: 'fordi' }, [])).toEqual({
      ok: false,
      reason: 'exception-not-allowed',
    });
  });

  it('never shares instrument scores under an exception', () => {
    const request = {
      legalBasis: 'undtagelse',
      exception: 'sundhedsloven-43-stk-2',
      justification: 'Begrundelse',
      scores: true,
    };
    expect(disclosureGate([], handover, request, ['2026-02-01'])).toEqual({
      ok: false,
      reason: 'scores-not-consented',
    });
  });

  it('refuses a basis that is neither consent nor exception', () => {
    expect(disclosureGate([consent('a', '2026-01-10')], handover, { legalBasis: 'fordi' }, ['2026-02-01'])).toEqual({
      ok: false,
      reason: 'basis-missing',
    });
    const draft: LegalBasisFields = { legalBasis: '', consentId: '', exception: '', justification: '' };
    expect(recordGate([consent('a', '2026-01-10')], handover, draft, ['2026-02-01'])).toEqual({
      ok: false,
      reason: 'basis-missing',
    });
  });
});

describe('legal-basis fields', () => {
  const messages = { required: 'req', notApplicable: 'na' };
  const issues = (fields: LegalBasisFields, final: boolean) => {
    const found: string[] = [];
    checkLegalBasis({ addIssue: (i) => found.push(`${String(i.path[0])}:${i.message}`) }, fields, messages, final);
    return found;
  };
  const none: LegalBasisFields = { legalBasis: '', consentId: '', exception: '', justification: '' };

  it('a final record names its basis; an exception is named and justified', () => {
    expect(issues(none, false)).toEqual([]);
    expect(issues(none, true)).toEqual(['legalBasis:req']);
    expect(issues({ ...none, legalBasis: 'undtagelse' }, true)).toEqual(['exception:req', 'justification:req']);
  });

  it('consent carries no exception or justification, an exception no consent', () => {
    expect(issues({ ...none, legalBasis: 'samtykke', justification: 'x' }, true)).toEqual(['justification:na']);
    expect(
      issues(
        {
          legalBasis: 'undtagelse',
          consentId: 'c',
          exception: 'sundhedsloven-43-stk-2',
          justification: 'x',
        },
        true,
      ),
    ).toEqual(['consentId:na']);
  });
});

describe('the consent schema', () => {
  it('keeps old consents readable (no time limit, no scores) and refuses an end before the start', () => {
    const old = z.parse(consentSchema, {
      familyId: '0b3c5a3e-8a4f-4c39-9d1e-3f4f5a6b7c8d',
      type: 'evaluering',
      givenBy: 'Sara',
      form: 'mundtlig',
      date: '2025-01-01',
    });
    expect(old).toMatchObject({ validUntil: '', instrumentScores: false });
    const backwards = consentSchema.safeParse({ ...old, validUntil: '2024-12-31' });
    expect(backwards.success).toBe(false);
    expect(backwards.error?.issues.map((i) => i.path.join('.'))).toEqual(['validUntil']);
  });
});
