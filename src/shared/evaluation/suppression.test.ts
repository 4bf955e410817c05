/**
 * Small-count suppression: counts 1–4 become "<5", and no hidden cell can be computed back from a
 * total and the other parts (worked examples, then a property over random tables).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppress } from './suppression.ts';
import type { IndicatorRow, IndicatorTable } from './table.ts';

const row = (id: string, count: number, extra: Partial<IndicatorRow> = {}): IndicatorRow => ({
  id,
  area: 'reach',
  label: { key: id },
  unit: 'families',
  count,
  children: null,
  families: null,
  level: 0,
  ...extra,
});
const kinds = (table: IndicatorTable) =>
  Object.fromEntries(
    suppress(table).map((r) => [r.id, r.shown.count.kind === 'value' ? r.shown.count.value : r.shown.count.kind]),
  );

describe('suppression', () => {
  it('hides 1–4 as small, shows 0 and 5+', () => {
    const table = { rows: [row('a', 0), row('b', 1), row('c', 4), row('d', 5)], relations: [] };
    expect(kinds(table)).toEqual({ a: 0, b: 'small', c: 'small', d: 5 });
  });

  it('hides the smallest other part when a part is the only hidden cell of its relation', () => {
    // offered 20 = accepted 13 + declined 3 + unanswered 4? No: 3 and 4 are both small, two hidden: fine.
    expect(
      kinds({
        rows: [row('t', 20), row('p1', 13), row('p2', 3), row('p3', 4)],
        relations: [{ total: 't', parts: ['p1', 'p2', 'p3'], columns: ['count'] }],
      }),
    ).toEqual({ t: 20, p1: 13, p2: 'small', p3: 'small' });
    // 20 = 10 + 3 + 7: 3 alone could be computed (20 − 10 − 7), so 7 (the smallest visible part) goes too.
    expect(
      kinds({
        rows: [row('t', 20), row('p1', 10), row('p2', 3), row('p3', 7)],
        relations: [{ total: 't', parts: ['p1', 'p2', 'p3'], columns: ['count'] }],
      }),
    ).toEqual({ t: 20, p1: 10, p2: 'small', p3: 'hidden' });
    // A small total whose parts are all visible would be their sum: hide a part (here the 0).
    expect(
      kinds({
        rows: [row('t', 3), row('p1', 3), row('p2', 0)],
        relations: [{ total: 't', parts: ['p1', 'p2'], columns: ['count'] }],
      }),
    ).toEqual({ t: 'small', p1: 'small', p2: 0 });
  });

  it('follows nested relations to a fixed point and hides shares of hidden counts', () => {
    // declined 9 = reason a 2 + reason b 7 → b hidden; then offered 30 = accepted 21 + declined 9 is fine.
    // But accepted 27 + declined 3 (small) in offered 30 → accepted must go, and its share with it.
    const table: IndicatorTable = {
      rows: [
        row('offered', 30),
        row('accepted', 27, { shareOf: 'offered' }),
        row('declined', 3, { shareOf: 'offered' }),
        row('declined.a', 3),
        row('declined.b', 0),
      ],
      relations: [
        { total: 'offered', parts: ['accepted', 'declined'], columns: ['count'] },
        { total: 'declined', parts: ['declined.a', 'declined.b'], columns: ['count'] },
      ],
    };
    expect(kinds(table)).toEqual({
      offered: 30,
      accepted: 'hidden',
      declined: 'small',
      'declined.a': 'small',
      'declined.b': 0,
    });
    const shares = Object.fromEntries(suppress(table).map((r) => [r.id, r.sharePercent]));
    expect(shares).toMatchObject({ accepted: null, declined: null });
  });

  it('never leaves a small count visible or a relation with exactly one hidden cell (random tables)', () => {
    const tableArb = fc
      .array(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 })
      .map((groups): IndicatorTable => {
        // Group g: total T<g> = Σ parts P<g>.<i>; the totals themselves are parts of a grand total.
        const rows: IndicatorRow[] = [];
        const relations: IndicatorTable['relations'] = [];
        groups.forEach((parts, g) => {
          rows.push(
            row(
              `T${g}`,
              parts.reduce((a, b) => a + b, 0),
            ),
          );
          parts.forEach((p, i) => {
            rows.push(row(`P${g}.${i}`, p, { shareOf: `T${g}` }));
          });
          relations.push({ total: `T${g}`, parts: parts.map((_, i) => `P${g}.${i}`), columns: ['count'] });
        });
        rows.push(
          row(
            'ALL',
            rows.filter((r) => r.id.startsWith('T')).reduce((s, r) => s + (r.count ?? 0), 0),
          ),
        );
        relations.push({ total: 'ALL', parts: groups.map((_, g) => `T${g}`), columns: ['count'] });
        return { rows, relations };
      });
    fc.assert(
      fc.property(tableArb, (table) => {
        const out = suppress(table);
        const shown = new Map(out.map((r) => [r.id, r.shown.count]));
        for (const r of out)
          if (r.shown.count.kind === 'value') expect(r.shown.count.value === 0 || r.shown.count.value >= 5).toBe(true);
        for (const rel of table.relations) {
          const hidden = [rel.total, ...rel.parts].filter((id) => shown.get(id)?.kind !== 'value').length;
          expect(hidden).not.toBe(1);
        }
        for (const r of out) if (r.sharePercent !== null) expect(shown.get(r.id)?.kind).toBe('value');
      }),
      { numRuns: 300 },
    );
  });
});
