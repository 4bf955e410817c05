import { describe, expect, it } from 'vitest';
import { auditEventSchema } from '../../../shared/audit/audit-event.ts';
import { auditWhatCodes } from '../../../shared/audit/what-codes.ts';
import { screensDa } from '../../i18n/catalogue/da/screens.ts';
import { screensEn } from '../../i18n/catalogue/en/screens.ts';

describe('the what codes of device audit events', () => {
  it.each(auditWhatCodes)('%s is a valid code with a Danish and an English name', (code) => {
    const event = { action: 'open', what: code, at: new Date().toISOString() };
    expect(auditEventSchema.safeParse(event).success).toBe(true);
    for (const catalogue of [screensDa, screensEn]) {
      const text = (catalogue.accessLog.what as Record<string, string>)[code];
      expect(text?.trim()).toBeTruthy();
    }
  });
});
