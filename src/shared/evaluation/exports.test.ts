/**
 * The exports on the hand-computed caseload (fixture.ts): the indicators CSV as Danish Excel reads
 * it, with small counts suppressed, and the pseudonymised event file with its description.
 */
import { describe, expect, it } from 'vitest';
import { BOM, parseCsv } from './csv.ts';
import { eventsDescription } from './event-description.ts';
import { eventCodes, eventsCsv, exportColumns, exportEvents } from './event-export.ts';
import { fixture, Q1, settings, TODAY } from './fixture.ts';
import { computeIndicators } from './indicators.ts';
import { type IndicatorsCsvTexts, indicatorsCsv, SMALL_MARK } from './indicators-csv.ts';
import { newPseudonymiser } from './pseudonym.ts';
import { suppress } from './suppression.ts';
import { indicatorTable } from './table-rows.ts';

const texts: IndicatorsCsvTexts = {
  title: 'Evaluering',
  period: 'Periode',
  scope: 'Omfang',
  scopeValue: 'Hele teamet',
  generated: 'Dannet',
  suppression: 'Tal 1–4 vises som <5',
  header: {
    area: 'Område',
    indicator: 'Indikator',
    unit: 'Enhed',
    count: 'Antal',
    children: 'Børn',
    families: 'Familier',
    share: 'Andel (%)',
  },
  notRecorded: 'ikke registreret',
  area: (a) => a,
  unit: (u) => u,
  label: (l) => (l.value ? `${l.key}(${l.value})` : l.key),
};

describe('the indicators CSV', () => {
  const table = indicatorTable(computeIndicators(fixture, { period: Q1, today: TODAY, settings }));
  const file = indicatorsCsv(table, Q1, TODAY, texts);
  const rows = parseCsv(file);
  const line = (label: string) => rows.find((r) => r[1] === label);

  it('is UTF-8 with a BOM, ; separated, with the header block and the column line', () => {
    expect(file.startsWith(BOM)).toBe(true);
    expect(rows[1]).toEqual(['Periode', '2026-01-01', '2026-03-31']);
    expect(rows[6]).toEqual(['Område', 'Indikator', 'Enhed', 'Antal', 'Børn', 'Familier', 'Andel (%)']);
    expect(rows.slice(7).every((r) => r.length === 7)).toBe(true);
  });

  it('shows every count of this small caseload as <5 and zeros as 0, shares only of visible counts', () => {
    // Offered 3 families (F1, F2, F6): small; so are accepted, declined, unanswered (1 each).
    expect(line('evaluation.row.reach.offered')?.slice(3)).toEqual([SMALL_MARK, SMALL_MARK, SMALL_MARK, '']);
    expect(line('evaluation.row.reach.accepted')?.[6]).toBe('');
    expect(line('evaluation.row.reach.lostReason(family.lost.reasons.ingen-kontakt)')?.slice(3, 6)).toEqual([
      '0',
      '0',
      '0',
    ]);
    // COS-P: 8 sessions held, 10 of 12 registrations mødt (83,3 %); afbud and udeblevet 1 each.
    expect(line('evaluation.row.cosp.sessionsHeld')?.[3]).toBe('8');
    expect(line('evaluation.row.cosp.registered')?.[3]).toBe('12');
    expect(line('evaluation.row.cosp.attendance(evaluation.attendance.moedt)')?.slice(3)).toEqual([
      '10',
      '',
      '',
      '83,3',
    ]);
    // Handovers are not recorded by the app yet: not 0.
    expect(line('evaluation.cooperation.overlevering')?.[3]).toBe('ikke registreret');
  });

  it('leaves no relation of the real table with exactly one hidden cell, in any column', () => {
    const out = new Map(suppress(table).map((r) => [r.id, r]));
    expect(table.relations.length).toBeGreaterThan(20);
    for (const rel of table.relations)
      for (const column of rel.columns) {
        const cells = [rel.total, ...rel.parts].map((id) => out.get(id)?.shown[column].kind);
        expect(cells.filter((k) => k === 'small' || k === 'hidden').length, `${rel.total} ${column}`).not.toBe(1);
      }
  });
});

describe('the pseudonymised event export', () => {
  const events = exportEvents(fixture, { period: Q1, today: TODAY, settings });
  const birthDates = new Map(fixture.children.map((c) => [c.id, c.data.birthDate]));

  it('lists the events of the period: e.g. C1 at 18 months, the 1½-year visit in window, EPDS 17', () => {
    const c1 = events.filter((e) => e.childId === 'C1');
    expect(c1.map((e) => `${e.event}:${e.detail}:${e.value}`)).toEqual(
      expect.arrayContaining([
        'kontakt:besoeg-1-5-aar:in-window',
        'besoeg:besoeg-1-5-aar:hjemmebesoeg',
        'epds:mor:17',
        'epds-over-graense:mor:',
        'henvisning:egen-laege:',
        'tilbud:accepteret:',
        'cosp-udfald:gennemfoert:',
      ]),
    );
    expect(events.filter((e) => e.event === 'cosp-fremmoede' && e.familyId === 'F2').map((e) => e.value)).toEqual([
      'moedt',
      'moedt',
      'afbud',
      'udeblevet',
      'ikke-registreret',
      'ikke-registreret',
      'ikke-registreret',
      'ikke-registreret',
    ]);
  });

  it('has no id, name or date, and ages in months', async () => {
    const file = await eventsCsv(events, birthDates, await newPseudonymiser());
    const rows = parseCsv(file);
    expect(rows[0]).toEqual([...exportColumns]);
    expect(file).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    for (const id of [...fixture.children.map((c) => c.id), ...fixture.families.map((f) => f.id)])
      expect(rows.flat().includes(id), id).toBe(false);
    for (const c of fixture.children) expect(file).not.toContain(c.data.firstName);
    // The 1½-year visit of C1 (born 2024-07-10) on 2026-01-12: 18 completed months.
    const visit = rows.find((r) => r[3] === 'besoeg' && r[4] === 'besoeg-1-5-aar');
    expect(visit?.[2]).toBe('18');
    expect(rows.slice(1).every((r) => r.length === 6 && /^[0-9a-f]{16}$/.test(r[1] ?? ''))).toBe(true);
  });

  it('pseudonymises with HMAC-SHA-256 and a salt drawn per export', async () => {
    // HMAC-SHA-256(key = 32 bytes of 0x07, "child:C1"), first 16 hex digits, computed with Node's
    // crypto.createHmac when this test was written.
    const expected = '87075dc233fee06f';
    expect(await (await newPseudonymiser(new Uint8Array(32).fill(7)))('child', 'C1')).toBe(expected);
    const [a, b] = await Promise.all([newPseudonymiser(), newPseudonymiser()]);
    expect(await a('child', 'C1')).toBe(await a('child', 'C1'));
    expect(await a('child', 'C1')).not.toBe(await b('child', 'C1'));
    expect(await a('child', 'C1')).not.toBe(await a('family', 'C1'));
  });

  it('is described: every column, every event code, and every code the export used', () => {
    const text = eventsDescription(
      settings,
      { period: '2026-01-01–2026-03-31', scope: 'Hele teamet', generated: TODAY },
      (k) => `«${k}»`,
    );
    for (const column of exportColumns) expect(text).toContain(`«evaluation.description.column.${column}»`);
    for (const code of eventCodes) expect(text).toContain(`  ${code}: «evaluation.description.event.${code}»`);
    for (const e of events) {
      if (e.detail && e.event !== 'cosp-fremmoede' && e.event !== 'emne')
        expect(text, `${e.event} ${e.detail}`).toContain(`    ${e.detail} = `);
      if (e.value && !['epds', 'adbb'].includes(e.event))
        expect(text, `${e.event} ${e.value}`).toContain(`    ${e.value} = `);
    }
    expect(text).toContain('besoeg-1-5-aar = Besøg ved 1½ år');
  });
});
