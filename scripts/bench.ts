/**
 * `npm run bench`: runs the benchmark suites in scripts/bench/<suite>.ts (each exports `run`, see
 * scripts/bench/lib.ts), all of them or those named on the command line. Each suite's results go
 * to reports/bench/<suite>.json and its section of docs/benchmarks.md (other sections are kept).
 * `--smoke` makes a tiny run for CI that proves the suites work: it writes
 * reports/bench/<suite>.smoke.json and leaves docs/benchmarks.md alone. `--records N` runs a suite
 * with N records instead of its default (a medium run while working on it): it writes
 * reports/bench/<suite>.records-N.json and .md and also leaves docs/benchmarks.md alone. `--only
 * PART` runs one part of a suite (those its `parts` lists, e.g. `sync --only app`: the app's first
 * sync against the engine's download); it writes reports/bench/<suite>.only-PART[.records-N].json
 * and .md and leaves docs/benchmarks.md and the full reports/bench/<suite>.json alone.
 * Usage: node scripts/bench.ts [suite ...] [--smoke] [--records N] [--only PART]
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type BenchSuite, replaceSection } from './bench/lib.ts';

/** Add a suite here: its module is loaded only when it runs. */
const suites: Record<string, () => Promise<BenchSuite>> = {
  caseload: async () => (await import('./bench/caseload.ts')).suite,
  sync: async () => (await import('./bench/sync.ts')).suite,
  startup: async () => (await import('./bench/startup.ts')).suite,
  server: async () => (await import('./bench/server.ts')).suite,
  overview: async () => (await import('./bench/overview.ts')).suite,
};

const root = join(import.meta.dirname, '..');
const reportsDir = join(root, 'reports', 'bench');
const docsFile = join(root, 'docs', 'benchmarks.md');

const docsHeader = `# Benchmarks

Measured with \`npm run bench\` (all suites) or \`npm run bench -- <suite> ...\`; \`--smoke\` makes a
tiny run for CI whose figures mean nothing. Each suite lives in \`scripts/bench/<suite>.ts\`, writes
its raw figures to \`reports/bench/<suite>.json\` and replaces its own section below. Figures depend
on the machine: compare runs on the same machine only.
`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      smoke: { type: 'boolean', default: false },
      records: { type: 'string' },
      only: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const names = Object.keys(suites);
  if (values.help) {
    console.log(`Usage: node scripts/bench.ts [${names.join('|')} ...] [--smoke] [--records N] [--only PART]`);
    return 0;
  }
  const records = values.records === undefined ? undefined : Number(values.records);
  if (records !== undefined && !(Number.isSafeInteger(records) && records >= 100)) {
    console.error(`--records must be a whole number from 100, not "${values.records}".`);
    return 2;
  }
  const unknown = positionals.filter((name) => !Object.hasOwn(suites, name));
  if (unknown.length > 0) {
    console.error(`Unknown benchmark suite(s): ${unknown.join(', ')}. Known: ${names.join(', ')}.`);
    return 2;
  }
  const selected = positionals.length > 0 ? positionals : names;
  const smoke = values.smoke ?? false;
  const only = values.only;
  if (only !== undefined) {
    for (const name of selected) {
      const parts = (await suites[name]?.())?.parts ?? [];
      if (!parts.includes(only)) {
        console.error(
          `--only ${only}: the suite "${name}" has ${parts.length > 0 ? `the parts ${parts.join(', ')}` : 'no parts'}.`,
        );
        return 2;
      }
    }
  }
  mkdirSync(reportsDir, { recursive: true });

  for (const name of selected) {
    const load = suites[name];
    if (!load) continue;
    const variant =
      (only !== undefined ? `.only-${only}` : '') +
      (smoke ? '.smoke' : records !== undefined ? `.records-${records}` : '');
    console.log(`[bench] ${name}${variant ? ` (${variant.slice(1)})` : ''}`);
    const started = performance.now();
    const log = (line: string) => console.log(`[bench] ${line}`);
    const result = await (await load()).run({
      smoke,
      log,
      ...(records !== undefined ? { records } : {}),
      ...(only !== undefined ? { only } : {}),
    });
    const report = join(reportsDir, `${name}${variant}.json`);
    writeFileSync(report, `${JSON.stringify(result.json, null, 2)}\n`);
    console.log(`[bench] ${name}: wrote ${report}`);
    if (!variant) {
      const current = existsSync(docsFile) ? readFileSync(docsFile, 'utf8') : docsHeader;
      writeFileSync(docsFile, replaceSection(current, name, result.title, result.markdown));
      console.log(`[bench] ${name}: updated docs/benchmarks.md`);
    } else if (!smoke) {
      writeFileSync(report.replace(/\.json$/, '.md'), `## ${result.title}\n\n${result.markdown}\n`);
    }
    console.log(`[bench] ${name}: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
