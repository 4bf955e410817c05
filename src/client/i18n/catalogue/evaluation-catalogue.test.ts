/**
 * The catalogues have a text for every key the evaluation builds by rule: every row label and the
 * value shown in it, every code of the event file's description, every column and event text, so
 * neither the overview, the CSV nor the description ever shows a raw key.
 */
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../shared/caseload/settings.ts';
import { eventCodebook } from '../../../shared/evaluation/event-description.ts';
import { eventCodes, exportColumns } from '../../../shared/evaluation/event-export.ts';
import { fixture, Q1, TODAY } from '../../../shared/evaluation/fixture.ts';
import { computeIndicators } from '../../../shared/evaluation/indicators.ts';
import { areas, units } from '../../../shared/evaluation/table.ts';
import { indicatorTable } from '../../../shared/evaluation/table-rows.ts';
import { defaultVisitTopics } from '../../../shared/visits/visit.ts';
import { screensDa } from './da/screens.ts';
import { da } from './da.ts';
import { screensEn } from './en/screens.ts';
import { en } from './en.ts';

function lookup(catalogues: object[], key: string): unknown {
  for (const catalogue of catalogues) {
    let node: unknown = catalogue;
    for (const part of key.split('.'))
      node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
    if (node !== undefined) return node;
  }
  return undefined;
}

function keys(): string[] {
  const ind = computeIndicators(fixture, { period: Q1, today: TODAY, settings: defaultSettings });
  // Every topic the forms offer, so the content rows of any caseload have labels.
  ind.content.topics = defaultVisitTopics.map((topic) => ({ topic, tally: ind.content.visits }));
  const table = indicatorTable(ind);
  const labels = table.rows.flatMap((r) => [r.label.key, ...(r.label.value ? [r.label.value] : [])]);
  const book = Object.values(eventCodebook(defaultSettings)).flatMap((e) =>
    [e.detail, e.value].flatMap((d) => (d && !('range' in d) ? d.map((c) => c.label) : [])),
  );
  return [
    ...labels,
    ...book.filter((l) => !l.startsWith('=')),
    ...areas.flatMap((a) => [`evaluation.areas.${a}`, `evaluation.areaNotes.${a}`]),
    ...units.map((u) => `evaluation.units.${u}`),
    ...exportColumns.map((c) => `evaluation.description.column.${c}`),
    ...eventCodes.map((c) => `evaluation.description.event.${c}`),
    ...['improved', 'unchanged', 'worsened', 'notComparable', 'visit', 'area', 'total'].map(
      (k) => `evaluation.matrix.${k}`,
    ),
    'nav.evaluation',
  ];
}

describe.each([
  ['da', [da, screensDa]],
  ['en', [en, screensEn]],
])('the %s catalogue', (_language, catalogues) => {
  it('has a text for every key of the evaluation', () => {
    const all = keys();
    const missing = all.filter((key) => {
      const text = lookup(catalogues, key);
      return typeof text !== 'string' || text.trim() === '';
    });
    expect(missing).toEqual([]);
    expect(all.length).toBeGreaterThan(200);
  });
});
