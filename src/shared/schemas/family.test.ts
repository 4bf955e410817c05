import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { familySchema } from './family.ts';
import { msg } from './fields.ts';

const messageAt = (input: unknown, path: string) => {
  const result = familySchema.safeParse(input);
  return result.success ? undefined : result.error.issues.find((i) => i.path.join('.') === path)?.message;
};

describe('family schema: the evaluation facts (offer, answer, lost to follow-up)', () => {
  it('parses a family stored before the facts existed, with nothing recorded', () => {
    const family = familySchema.parse({ name: 'Familien Før', status: 'aktiv', inclusionDate: '2025-01-02' });
    expect(family.extraVisitsOffer).toEqual({ offeredOn: '', answer: '', declineReason: '' });
    expect(family.lostToFollowUp).toEqual({ reason: '', date: '' });
  });

  it('accepts an offer with its answer, and a refusal with its reason', () => {
    const accepted = { offeredOn: '2025-11-03', answer: 'accepteret' };
    expect(familySchema.parse({ name: 'A', extraVisitsOffer: accepted }).extraVisitsOffer.answer).toBe('accepteret');
    const declined = { offeredOn: '2025-11-03', answer: 'afslaaet', declineReason: 'tidspres' };
    expect(familySchema.safeParse({ name: 'A', extraVisitsOffer: declined }).success).toBe(true);
    expect(familySchema.safeParse({ name: 'A', extraVisitsOffer: { offeredOn: '2025-11-03' } }).success).toBe(true);
  });

  it('refuses an answer without the offer date, a refusal without reason, a reason on an acceptance', () => {
    expect(messageAt({ name: 'A', extraVisitsOffer: { answer: 'accepteret' } }, 'extraVisitsOffer.offeredOn')).toBe(
      msg.required,
    );
    const noReason = { offeredOn: '2025-11-03', answer: 'afslaaet' };
    expect(messageAt({ name: 'A', extraVisitsOffer: noReason }, 'extraVisitsOffer.declineReason')).toBe(msg.required);
    const reasonOnYes = { offeredOn: '2025-11-03', answer: 'accepteret', declineReason: 'tidspres' };
    expect(messageAt({ name: 'A', extraVisitsOffer: reasonOnYes }, 'extraVisitsOffer.declineReason')).toBe(
      msg.notApplicable,
    );
    expect(
      messageAt({ name: 'A', extraVisitsOffer: { declineReason: 'fri-tekst' } }, 'extraVisitsOffer.declineReason'),
    ).toBe(msg.invalidChoice);
  });

  it('needs both the reason and the date of a loss to follow-up', () => {
    expect(messageAt({ name: 'A', lostToFollowUp: { reason: 'fraflyttet' } }, 'lostToFollowUp.date')).toBe(
      msg.required,
    );
    expect(messageAt({ name: 'A', lostToFollowUp: { date: '2026-01-05' } }, 'lostToFollowUp.reason')).toBe(
      msg.required,
    );
    expect(
      familySchema.safeParse({ name: 'A', lostToFollowUp: { reason: 'ingen-kontakt', date: '2026-01-05' } }).success,
    ).toBe(true);
  });

  it('still validates partial updates field by field, as the server does (z.partial of the object)', () => {
    const partial = z.partial(familySchema);
    expect(partial.safeParse({ extraVisitsOffer: { offeredOn: '2025-11-03', answer: 'afslaaet' } }).success).toBe(
      false,
    );
    expect(partial.safeParse({ extraVisitsOffer: { offeredOn: '2025-11-03', answer: 'accepteret' } }).success).toBe(
      true,
    );
  });
});
