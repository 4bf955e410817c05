import { describe, expect, it } from 'vitest';
import { decodeLmsTable, type EncodedLmsTable, loadGrowthReference } from './reference.ts';

describe('growth references', () => {
  it('decodes scaled day-to-day differences exactly', () => {
    const encoded: EncodedLmsTable = {
      indicator: 'weight-for-age',
      unit: 'kg',
      lastDay: 2,
      decimals: { l: 4, m: 4, s: 5 },
      dreng: { l: [3487, -360, -98], m: [33464, -290, 196], s: [14602, 91, -17] },
      pige: { l: [1, 0, 0], m: [1, 0, 0], s: [1, 0, 0] },
    };
    const table = decodeLmsTable(encoded);
    expect(table.dreng).toEqual({
      l: [0.3487, 0.3127, 0.3029],
      m: [3.3464, 3.3174, 3.337],
      s: [0.14602, 0.14693, 0.14676],
    });
    expect(table).not.toHaveProperty('decimals');
  });

  it('ships all three tables for both sexes, days 0–1826, with WHO values at the ends', async () => {
    const weight = await loadGrowthReference('weight-for-age');
    const length = await loadGrowthReference('length-for-age');
    const head = await loadGrowthReference('head-circumference-for-age');
    for (const table of [weight, length, head]) {
      expect(table.lastDay).toBe(1826);
      for (const sex of ['dreng', 'pige'] as const) {
        for (const p of ['l', 'm', 's'] as const) expect(table[sex][p]).toHaveLength(1827);
      }
    }
    expect(weight.pige.m.at(-1)).toBe(18.2179);
    expect(weight.pige.l.at(-1)).toBe(-0.3518);
    expect(weight.pige.s.at(-1)).toBe(0.14821);
    expect(length.dreng.m[0]).toBe(49.8842);
    expect(length.dreng.m[731]).toBe(87.1303);
    expect(length.pige.m[731]).toBe(85.7299);
    expect(head.dreng.m[0]).toBe(34.4618);
    expect(head.dreng.s[3]).toBe(0.03595);
    expect(length.dreng.l.every((l) => l === 1)).toBe(true);
  });

  it('loads each table once', async () => {
    expect(await loadGrowthReference('head-circumference-for-age')).toBe(
      await loadGrowthReference('head-circumference-for-age'),
    );
  });
});
