/**
 * The aggregated indicators as a CSV file for the steering group and Sundhedsstyrelsen: a header
 * block (title, period, scope, the day it was made, the suppression rule), an empty line, then one
 * line per indicator row with its area, label, unit, count, distinct children and families, and
 * the share in per cent. Small counts are suppressed (suppression.ts); texts come translated from
 * the caller, so the file is in the UI's language and this module holds no UI text.
 */
import { csvFile, csvLine, decimalComma } from './csv.ts';
import type { Period } from './period.ts';
import { type Shown, suppress } from './suppression.ts';
import type { Area, IndicatorTable, LabelRef, Unit } from './table.ts';

export type IndicatorsCsvTexts = {
  title: string;
  period: string;
  scope: string;
  scopeValue: string;
  generated: string;
  suppression: string;
  header: {
    area: string;
    indicator: string;
    unit: string;
    count: string;
    children: string;
    families: string;
    share: string;
  };
  notRecorded: string;
  area: (area: Area) => string;
  unit: (unit: Unit) => string;
  label: (label: LabelRef) => string;
};

export const SMALL_MARK = '<5';
export const HIDDEN_MARK = 'x';

const cell = (shown: Shown, notRecorded: string): string | number => {
  switch (shown.kind) {
    case 'value':
      return shown.value;
    case 'small':
      return SMALL_MARK;
    case 'hidden':
      return HIDDEN_MARK;
    case 'none':
      return notRecorded;
  }
};

export function indicatorsCsv(table: IndicatorTable, period: Period, today: string, texts: IndicatorsCsvTexts): string {
  const h = texts.header;
  const lines = [
    csvLine([texts.title]),
    csvLine([texts.period, period.from, period.to]),
    csvLine([texts.scope, texts.scopeValue]),
    csvLine([texts.generated, today]),
    csvLine([texts.suppression]),
    '',
    csvLine([h.area, h.indicator, h.unit, h.count, h.children, h.families, h.share]),
  ];
  for (const row of suppress(table)) {
    const notRecorded = row.count === null ? texts.notRecorded : '';
    lines.push(
      csvLine([
        texts.area(row.area),
        texts.label(row.label),
        texts.unit(row.unit),
        cell(row.shown.count, notRecorded),
        cell(row.shown.children, ''),
        cell(row.shown.families, ''),
        row.sharePercent === null ? '' : decimalComma(row.sharePercent),
      ]),
    );
  }
  return csvFile(lines);
}
