/**
 * Small-count suppression for exported tables (docs/decisions/0042-exports.md). The rule:
 * 1. Primary: a count of 1–4 is shown as "<5" (0 and 5 upwards are shown).
 * 2. Complementary: in every additive relation (a total and its parts, in one column) a hidden cell
 *    must never be the only one, or it could be computed back from the others. While some relation
 *    has exactly one hidden cell, the smallest visible part of it is hidden too (ties: the first
 *    listed), or the total when no part is left; repeated until no relation has exactly one.
 *    Complementary cells are shown as "x": they need not be small, so "<5" would be untrue.
 * 3. A share is hidden when its numerator or its denominator is hidden.
 * Counts a table does not record (null) stay empty and count as known-unknown to nobody: they are
 * never part of a relation's arithmetic.
 */
import type { IndicatorRow, IndicatorTable, NumberColumn } from './table.ts';

export type Shown = { kind: 'value'; value: number } | { kind: 'small' } | { kind: 'hidden' } | { kind: 'none' };

export type SuppressedRow = IndicatorRow & {
  shown: Record<NumberColumn, Shown>;
  /** The share in per cent (0–100), or null (no denominator, or hidden). */
  sharePercent: number | null;
};

export const SMALL_MIN = 1;
export const SMALL_MAX = 4;

const isSmall = (v: number | null) => v !== null && v >= SMALL_MIN && v <= SMALL_MAX;

export function suppress(table: IndicatorTable): SuppressedRow[] {
  const byId = new Map(table.rows.map((r) => [r.id, r]));
  const hidden = new Map<string, 'small' | 'hidden'>();
  const key = (id: string, column: NumberColumn) => `${id}|${column}`;
  const value = (id: string, column: NumberColumn) => byId.get(id)?.[column] ?? null;
  for (const row of table.rows)
    for (const column of ['count', 'children', 'families'] as const)
      if (isSmall(row[column])) hidden.set(key(row.id, column), 'small');

  for (let changed = true; changed; ) {
    changed = false;
    for (const relation of table.relations) {
      for (const column of relation.columns) {
        const cells = [relation.total, ...relation.parts].filter((id) => value(id, column) !== null);
        const hiddenCells = cells.filter((id) => hidden.has(key(id, column)));
        if (hiddenCells.length !== 1) continue;
        const candidates = relation.parts
          .filter((id) => value(id, column) !== null && !hidden.has(key(id, column)))
          .sort((a, b) => (value(a, column) ?? 0) - (value(b, column) ?? 0));
        const pick = candidates[0] ?? (hidden.has(key(relation.total, column)) ? undefined : relation.total);
        if (pick === undefined || value(pick, column) === null) continue;
        hidden.set(key(pick, column), 'hidden');
        changed = true;
      }
    }
  }

  const shown = (row: IndicatorRow, column: NumberColumn): Shown => {
    const v = row[column];
    if (v === null) return { kind: 'none' };
    const h = hidden.get(key(row.id, column));
    return h === 'small' ? { kind: 'small' } : h === 'hidden' ? { kind: 'hidden' } : { kind: 'value', value: v };
  };
  return table.rows.map((row) => {
    const den = row.shareOf ? byId.get(row.shareOf) : undefined;
    const visible =
      den !== undefined &&
      row.count !== null &&
      den.count !== null &&
      den.count > 0 &&
      !hidden.has(key(row.id, 'count')) &&
      !hidden.has(key(den.id, 'count'));
    return {
      ...row,
      shown: { count: shown(row, 'count'), children: shown(row, 'children'), families: shown(row, 'families') },
      sharePercent: visible ? ((row.count as number) / (den.count as number)) * 100 : null,
    };
  });
}
