/**
 * Two areas read better as a grid than as a long list: timeliness (one line per visit, a column
 * per category) and the change in assessment levels (one line per area). `matrixOf` picks those
 * rows out of an area's table rows; the rest stay in the list.
 */
import { changeCategories } from '../../../shared/evaluation/outcomes.ts';
import type { Area, IndicatorRow } from '../../../shared/evaluation/table.ts';
import { timelinessCategories } from '../../../shared/evaluation/timeliness.ts';
import { assessmentAreas } from '../../../shared/visits/observation.ts';

export type Matrix = {
  /** i18n keys of the first column's heading and of each further column's heading. */
  corner: string;
  columns: string[];
  lines: { id: string; label: IndicatorRow['label']; cells: (IndicatorRow | undefined)[] }[];
  rest: IndicatorRow[];
};

export function matrixOf(area: Area, rows: IndicatorRow[]): Matrix | null {
  const byId = new Map(rows.map((r) => [r.id, r]));
  if (area === 'timeliness') {
    const cats = ['judged', ...timelinessCategories];
    const lines = rows
      .filter((r) => r.id.endsWith('.judged'))
      .map((r) => {
        const prefix = r.id.slice(0, -'.judged'.length);
        return { id: prefix, label: r.label, cells: cats.map((c) => byId.get(`${prefix}.${c}`)) };
      });
    return {
      corner: 'evaluation.matrix.visit',
      columns: cats.map((c) => (c === 'judged' ? 'evaluation.matrix.total' : `evaluation.timeliness.${c}`)),
      lines,
      rest: [],
    };
  }
  if (area === 'outcomes') {
    const cats = [...changeCategories, 'notComparable'];
    const inMatrix = new Set(assessmentAreas.flatMap((a) => cats.map((c) => `outcomes.${a}.${c}`)));
    return {
      corner: 'evaluation.matrix.area',
      columns: cats.map((c) => `evaluation.matrix.${c}`),
      lines: assessmentAreas.map((a) => ({
        id: a,
        label: { key: `visits.area.${a}` },
        cells: cats.map((c) => byId.get(`outcomes.${a}.${c}`)),
      })),
      rest: rows.filter((r) => !inMatrix.has(r.id)),
    };
  }
  return null;
}
