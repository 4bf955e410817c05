/**
 * The indicators as one table of rows (the overview's tables and the CSV export read the same rows,
 * so screen and file agree), with the additive relations between them (a total and its parts, per
 * column) that small-count suppression needs. Labels are i18n keys: `evaluation.row.<id pattern>`
 * plus the keys of the chosen values (a reason, a visit type …), translated by the client.
 */

import type { Tally } from './tally.ts';

export const areas = ['reach', 'timeliness', 'content', 'cosp', 'cooperation', 'outcomes'] as const;
export type Area = (typeof areas)[number];

export const units = [
  'children',
  'families',
  'visits',
  'responses',
  'participants',
  'registrations',
  'sessions',
  'courses',
  'events',
  'persons',
] as const;
export type Unit = (typeof units)[number];

/** A label: its key and the keys of values shown in it ({{value}}), translated by the caller. */
export type LabelRef = { key: string; value?: string };

export const numberColumns = ['count', 'children', 'families'] as const;
export type NumberColumn = (typeof numberColumns)[number];

export type IndicatorRow = {
  id: string;
  area: Area;
  label: LabelRef;
  unit: Unit;
  /** The units counted; null when the app does not record this yet (not zero). */
  count: number | null;
  /** Distinct children and families behind the units; null where they mean nothing. */
  children: number | null;
  families: number | null;
  /** The row whose count is this row's denominator (the share is shown in per cent). */
  shareOf?: string;
  /** 1: a part of the row above; 2: a breakdown by reason or target, which the overview hides while 0. */
  level: 0 | 1 | 2;
  /** What is behind the figure, for the drill-down. */
  tally?: Tally;
};

/** total = Σ parts, in each of the columns given. */
export type Relation = { total: string; parts: string[]; columns: NumberColumn[] };

export type IndicatorTable = { rows: IndicatorRow[]; relations: Relation[] };

export type TableBuilder = {
  add: (row: Omit<IndicatorRow, 'children' | 'families' | 'count' | 'level'> & Partial<IndicatorRow>) => void;
  relate: (total: string, parts: string[], columns?: NumberColumn[]) => void;
  table: IndicatorTable;
};

/** Rows are added in display order; a row's count and distinct children and families come from its tally. */
export function tableBuilder(): TableBuilder {
  const table: IndicatorTable = { rows: [], relations: [] };
  return {
    table,
    add: (row) => {
      const t = row.tally;
      table.rows.push({
        count: t?.n ?? null,
        children: t ? t.children.length : null,
        families: t ? t.families.length : null,
        level: 0,
        ...row,
      });
    },
    relate: (total, parts, columns = ['count', 'children', 'families']) =>
      table.relations.push({ total, parts, columns }),
  };
}
