/**
 * Generates src/shared/growth/data/*.ts from WHO's LMS tables (weianthro, lenanthro, hcanthro: the
 * files in data-raw/growthstandards of the WHO anthro repository, as tab-separated text). Each
 * parameter is stored as integers (value × 10^decimals) in differences from the previous day: about
 * a seventh of the plain decimals gzipped, and decoded bit for bit (src/shared/growth/reference.ts).
 * The output is committed; run this only when the source tables change. --check compares instead
 * of writing and exits 1 when a generated file is out of date.
 * Usage: node scripts/generate-growth-data.ts <folder with the .tsv files> [--check]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LAST_DAY = 1826;
const outDir = join(import.meta.dirname, '..', 'src', 'shared', 'growth', 'data');

type Spec = {
  source: string;
  out: string;
  exportName: string;
  indicator: string;
  unit: string;
  title: string;
  hasPosition: boolean;
};

const specs: Spec[] = [
  {
    source: 'weianthro',
    out: 'weight-for-age.ts',
    exportName: 'weightForAge',
    indicator: 'weight-for-age',
    unit: 'kg',
    title: 'weight-for-age (kg)',
    hasPosition: false,
  },
  {
    source: 'lenanthro',
    out: 'length-for-age.ts',
    exportName: 'lengthForAge',
    indicator: 'length-for-age',
    unit: 'cm',
    title: 'length/height-for-age (cm; lying length before standingFromDay, standing height from it)',
    hasPosition: true,
  },
  {
    source: 'hcanthro',
    out: 'head-circumference-for-age.ts',
    exportName: 'headCircumferenceForAge',
    indicator: 'head-circumference-for-age',
    unit: 'cm',
    title: 'head circumference-for-age (cm)',
    hasPosition: false,
  },
];

type Param = 'l' | 'm' | 's';
const params: Param[] = ['l', 'm', 's'];
type Series = Record<Param, number[]> & { standingFromDay: number | null };

const decimalsOf = (text: string) => text.split('.')[1]?.length ?? 0;

type Parsed = { series: Record<'dreng' | 'pige', Series>; decimals: Record<Param, number> };

function parse(text: string, spec: Spec): Parsed {
  const [header, ...lines] = text.trim().split('\n');
  const expected = spec.hasPosition ? 'sex\tage\tl\tm\ts\tloh' : 'sex\tage\tl\tm\ts';
  if (header?.trim() !== expected) throw new Error(`${spec.source}: unexpected header "${header}"`);
  const series = {
    dreng: { l: [], m: [], s: [], standingFromDay: null } as Series,
    pige: { l: [], m: [], s: [], standingFromDay: null } as Series,
  };
  const decimals: Record<Param, number> = { l: 0, m: 0, s: 0 };
  for (const line of lines) {
    const [sex, age, l, m, s, loh] = line.trim().split('\t');
    // WHO codes sex 1 = boy, 2 = girl.
    const target = sex === '1' ? series.dreng : sex === '2' ? series.pige : null;
    if (!target) throw new Error(`${spec.source}: bad sex in "${line}"`);
    if (Number(age) !== target.m.length) throw new Error(`${spec.source}: ages not contiguous at "${line}"`);
    const values = [Number(l), Number(m), Number(s)];
    if (!values.every(Number.isFinite) || Number(m) <= 0 || Number(s) <= 0)
      throw new Error(`${spec.source}: bad LMS in "${line}"`);
    const texts: Record<Param, string> = { l: l ?? '', m: m ?? '', s: s ?? '' };
    for (const p of params) {
      target[p].push(Number(texts[p]));
      decimals[p] = Math.max(decimals[p], decimalsOf(texts[p]));
    }
    if (spec.hasPosition) {
      if (loh === 'H' && target.standingFromDay === null) target.standingFromDay = Number(age);
      // The flag must switch once, from L to H.
      if ((loh === 'L') !== (target.standingFromDay === null)) throw new Error(`${spec.source}: bad loh "${line}"`);
    }
  }
  for (const sex of ['dreng', 'pige'] as const) {
    if (series[sex].m.length !== LAST_DAY + 1) throw new Error(`${spec.source}: ${sex} does not reach ${LAST_DAY}`);
  }
  if (series.dreng.standingFromDay !== series.pige.standingFromDay)
    throw new Error(`${spec.source}: the L/H boundary differs between the sexes`);
  return { series, decimals };
}

/** Scaled integers as differences from the previous day; fails unless decoding gives the same doubles. */
function encode(values: number[], decimals: number): number[] {
  const scale = 10 ** decimals;
  const ints = values.map((v) => Math.round(v * scale));
  ints.forEach((n, i) => {
    // The decoder divides the integer by the scale: exact because both are exact doubles.
    if (n / scale !== values[i]) throw new Error(`value ${values[i]} does not round-trip at ${decimals} decimals`);
  });
  return ints.map((n, i) => (i === 0 ? n : n - (ints[i - 1] ?? 0)));
}

function render(spec: Spec, { series, decimals }: Parsed): string {
  const sex = (name: 'dreng' | 'pige') =>
    `  ${name}: {\n${params.map((p) => `    ${p}: [${encode(series[name][p], decimals[p]).join(',')}],\n`).join('')}  },\n`;
  const boundary = spec.hasPosition ? `  standingFromDay: ${series.dreng.standingFromDay},\n` : '';
  return `/**
 * WHO Child Growth Standards (2006): ${spec.title}.
 * LMS parameters by age in days 0–${LAST_DAY}, one array per parameter and sex, encoded as integers
 * (value × 10^decimals) in differences from the previous day; decodeLmsTable in ../reference.ts.
 * Source: WHO anthro repository (github.com/WorldHealthOrganization/anthro),
 * data-raw/growthstandards/${spec.source}.txt. Generated by scripts/generate-growth-data.ts: do not edit.
 */
import type { EncodedLmsTable } from '../reference.ts';

export const ${spec.exportName}: EncodedLmsTable = {
  indicator: '${spec.indicator}',
  unit: '${spec.unit}',
  lastDay: ${LAST_DAY},
${boundary}  decimals: { l: ${decimals.l}, m: ${decimals.m}, s: ${decimals.s} },
${sex('dreng')}${sex('pige')}};
`;
}

if (import.meta.main) {
  const sourceDir = process.argv[2];
  const check = process.argv.includes('--check');
  if (!sourceDir || sourceDir.startsWith('--')) {
    console.error('Usage: node scripts/generate-growth-data.ts <folder with the .tsv files> [--check]');
    process.exit(2);
  }
  let stale = false;
  for (const spec of specs) {
    const output = render(spec, parse(readFileSync(join(sourceDir, `${spec.source}.tsv`), 'utf8'), spec));
    const target = join(outDir, spec.out);
    if (check) {
      let current = '';
      try {
        current = readFileSync(target, 'utf8');
      } catch {}
      if (current !== output) {
        stale = true;
        console.log(`out of date: ${target}`);
      }
    } else {
      writeFileSync(target, output);
      console.log(`wrote ${target} (${output.length} bytes)`);
    }
  }
  if (stale) process.exit(1);
}
