import { describe, expect, it } from 'vitest';
import type { AuditEventView } from '../../../shared/admin/views.ts';
import { CSV_BOM, csvField, csvTime, extractCsv, toCsv } from './csv.ts';
import { extractRows, type RowContext } from './extract-rows.ts';

const anna = { id: 'u1', username: 'anna', displayName: 'Anna Holm' };
const ipad = { id: '2f0b8c1d-aaaa-bbbb-cccc-000000000000', name: 'iPad (Safari)' };
const event = (e: Partial<AuditEventView>): AuditEventView => ({
  at: '2026-03-02T08:15:00.000Z',
  source: 'server',
  action: 'sync.pull',
  deviceAt: null,
  user: anna,
  device: ipad,
  details: null,
  ...e,
});
const ctx: RowContext = {
  text: (key) => `[${key}]`,
  childName: (id) => (id === 'c1' ? 'Alma Jensen' : undefined),
  childOf: (id) => (id === 'v1' || id === 'c1' ? 'c1' : undefined),
};

describe('the rows of the access extract', () => {
  it('say who did what to which child on which device, from the device and the server', () => {
    const rows = extractRows(
      [
        event({
          source: 'device',
          action: 'open',
          deviceAt: '2026-03-02T08:14:00.000Z',
          details: { what: 'child', childId: 'c1' },
        }),
        event({ source: 'device', action: 'print', details: { what: 'visit-summary', childId: 'c1', recordId: 'v1' } }),
        event({ action: 'sync.write', details: { kind: 'visit', recordId: 'v1', status: 'applied' } }),
        event({ action: 'sync.write', details: { kind: 'family', recordId: 'f1', status: 'conflict' } }),
        event({ action: 'sync.pull', details: { records: 12 } }),
        event({ action: 'audit.read', user: null, device: { id: '9a8b7c6d-0000', name: '' } }),
        event({ source: 'device', action: 'open', details: { what: 'some-future-page' } }),
      ],
      ctx,
    );
    expect(rows.map((r) => [r.action, r.what, r.child])).toEqual([
      ['[accessLog.actions.open]', '[accessLog.what.child]', 'Alma Jensen'],
      ['[accessLog.actions.print]', '[accessLog.what.visit-summary]', 'Alma Jensen'],
      ['[accessLog.actions.changed]', '[kinds.visit]', 'Alma Jensen'],
      ['[accessLog.actions.changedConflict]', '[kinds.family]', ''],
      ['[accessLog.actions.received]', '[accessLog.what.records]', ''],
      ['[accessLog.actions.readLog]', '[accessLog.what.access-extract]', ''],
      ['[accessLog.actions.open]', 'some-future-page', ''],
    ]);
    expect(rows[0]).toMatchObject({ user: 'Anna Holm', username: 'anna', device: 'iPad (Safari)', fromDevice: true });
    expect(rows[0]?.deviceAt).toBe('2026-03-02T08:14:00.000Z');
    expect(rows[5]).toMatchObject({
      user: '[accessLog.unknownUser]',
      device: '9a8b7c6d',
      fromDevice: false,
    });
  });
});

describe('the CSV file', () => {
  it('starts with a BOM, separates with ; and ends lines with CRLF', () => {
    const csv = toCsv(['Tid', 'Bruger'], [['2026-03-02 09:15:00', 'Anna Holm']]);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv).toBe(`${CSV_BOM}Tid;Bruger\r\n2026-03-02 09:15:00;Anna Holm\r\n`);
  });

  it('quotes fields with ; " or line breaks, and defuses formulas', () => {
    expect(csvField('Holm; Anna')).toBe('"Holm; Anna"');
    expect(csvField('Anna "A" Holm')).toBe('"Anna ""A"" Holm"');
    expect(csvField('to\nlinjer')).toBe('"to\nlinjer"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+45 1234')).toBe("'+45 1234");
    expect(csvField('Søren Ærø Åen')).toBe('Søren Ærø Åen');
  });

  it('writes local times as Excel reads them, and every row of the extract', () => {
    expect(csvTime(null)).toBe('');
    expect(csvTime('2026-03-02T08:15:07.000Z')).toMatch(/^2026-03-0[12] \d\d:\d\d:07$/);
    const rows = extractRows([event({ source: 'device', action: 'open', details: { what: 'family' } })], ctx);
    const headers = {
      at: 'Tidspunkt',
      deviceAt: 'Tidspunkt på enheden',
      user: 'Bruger',
      username: 'Brugernavn',
      action: 'Handling',
      what: 'Hvad',
      child: 'Barn',
      device: 'Enhed',
    };
    const lines = extractCsv(rows, headers).slice(1).split('\r\n');
    expect(lines[0]).toBe('Tidspunkt;Tidspunkt på enheden;Bruger;Brugernavn;Handling;Hvad;Barn;Enhed');
    expect(lines[1]?.split(';').slice(2)).toEqual([
      'Anna Holm',
      'anna',
      '[accessLog.actions.open]',
      '[accessLog.what.family]',
      '',
      'iPad (Safari)',
    ]);
    expect(lines).toHaveLength(3);
  });
});
