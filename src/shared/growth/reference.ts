/**
 * Growth references: WHO 2006 LMS tables by age in days, generated into ./data by
 * scripts/generate-growth-data.ts. Each table is its own module, imported only when a chart or a
 * plausibility check needs it (a separate chunk, not on the first screen), and decoded once.
 */
import type { sexes } from '../schemas/child.ts';

export type Sex = (typeof sexes)[number];

export const indicators = ['weight-for-age', 'length-for-age', 'head-circumference-for-age'] as const;
export type Indicator = (typeof indicators)[number];

type Param = 'l' | 'm' | 's';

/** One parameter array per sex; the index is the age in days. */
export type LmsSeries = Readonly<Record<Param, readonly number[]>>;

type TableInfo = {
  readonly indicator: Indicator;
  readonly unit: 'kg' | 'cm';
  /** The oldest age in days the table covers (the first is 0). */
  readonly lastDay: number;
  /** Length/height only: from this day the reference is standing height, before it recumbent length. */
  readonly standingFromDay?: number;
};

export type LmsTable = TableInfo & { readonly dreng: LmsSeries; readonly pige: LmsSeries };

/**
 * As generated: each parameter as integers (value × 10^decimals), each entry the difference from
 * the previous day's. Decoding divides exact integers by an exact power of ten, so it yields the
 * same doubles as parsing WHO's decimals (the generator checks this for every value).
 */
export type EncodedLmsTable = TableInfo & {
  readonly decimals: Readonly<Record<Param, number>>;
  readonly dreng: LmsSeries;
  readonly pige: LmsSeries;
};

export type GrowthReferences = Readonly<Record<Indicator, LmsTable>>;

function decodeSeries(encoded: readonly number[], decimals: number): number[] {
  const scale = 10 ** decimals;
  let running = 0;
  return encoded.map((delta) => {
    running += delta;
    return running / scale;
  });
}

export function decodeLmsTable(table: EncodedLmsTable): LmsTable {
  const { decimals, dreng, pige, ...info } = table;
  const decode = (series: LmsSeries): LmsSeries => ({
    l: decodeSeries(series.l, decimals.l),
    m: decodeSeries(series.m, decimals.m),
    s: decodeSeries(series.s, decimals.s),
  });
  return { ...info, dreng: decode(dreng), pige: decode(pige) };
}

async function importTable(indicator: Indicator): Promise<EncodedLmsTable> {
  // Literal import paths, one per table, so the bundler splits each into its own chunk.
  switch (indicator) {
    case 'weight-for-age':
      return (await import('./data/weight-for-age.ts')).weightForAge;
    case 'length-for-age':
      return (await import('./data/length-for-age.ts')).lengthForAge;
    case 'head-circumference-for-age':
      return (await import('./data/head-circumference-for-age.ts')).headCircumferenceForAge;
  }
}

const loaded = new Map<Indicator, Promise<LmsTable>>();

/** Imports and decodes one table; later calls share the first result. */
export function loadGrowthReference(indicator: Indicator): Promise<LmsTable> {
  let table = loaded.get(indicator);
  if (!table) {
    table = importTable(indicator).then(decodeLmsTable);
    // A failed import (offline before the chunk was cached) must not stick: allow a retry.
    table.catch(() => loaded.delete(indicator));
    loaded.set(indicator, table);
  }
  return table;
}

/** All three tables, for plausibility checks on a visit's measurements. */
export async function loadGrowthReferences(): Promise<GrowthReferences> {
  const [weight, length, head] = await Promise.all([
    loadGrowthReference('weight-for-age'),
    loadGrowthReference('length-for-age'),
    loadGrowthReference('head-circumference-for-age'),
  ]);
  return { 'weight-for-age': weight, 'length-for-age': length, 'head-circumference-for-age': head };
}
