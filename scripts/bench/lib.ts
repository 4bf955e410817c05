/**
 * Shared pieces of the benchmark suites (scripts/bench/<suite>.ts, run by scripts/bench.ts): the
 * suite contract, timing with warm-up and median/min/max, machine information for the report, and
 * replacing one suite's section of docs/benchmarks.md while keeping the others.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, platform, release, totalmem } from 'node:os';

export type SuiteContext = {
  /** A tiny run that only proves the suite works (CI); its figures mean nothing. */
  smoke: boolean;
  /** `--records N`: a suite's data size instead of its default (suites that have one; e.g. sync). */
  records?: number;
  /** `--only PART`: one part of a suite (suites that list it in `parts`; e.g. sync's `app`). */
  only?: string;
  log(line: string): void;
};

export type SuiteResult = {
  /** Heading of the suite's section in docs/benchmarks.md. */
  title: string;
  /** Written to reports/bench/<suite>.json. */
  json: Record<string, unknown>;
  /** The section body (Markdown, without the heading). */
  markdown: string;
};

/** What every scripts/bench/<suite>.ts exports. */
export type BenchSuite = {
  run(ctx: SuiteContext): Promise<SuiteResult>;
  /** The parts `--only` can run alone (a partial run never replaces the suite's full section). */
  parts?: readonly string[];
};

export type Stats = { runs: number; medianMs: number; minMs: number; maxMs: number };
export type Timing = Stats & { firstMs: number; samplesMs: number[] };

export function stats(samples: readonly number[]): Stats {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = samples.toSorted((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { runs: samples.length, medianMs: median, minMs: sorted[0] as number, maxMs: sorted.at(-1) as number };
}

/**
 * Times `fn` `runs` times after `warmup` untimed calls (the first call, cold, is reported apart as
 * firstMs). The result of each call is kept in a sink so the work cannot be optimised away.
 */
export async function time(fn: () => unknown, options: { runs: number; warmup?: number }): Promise<Timing> {
  const sink: unknown[] = [];
  const once = async () => {
    const start = performance.now();
    sink.push(await fn());
    return performance.now() - start;
  };
  const firstMs = await once();
  for (let i = 1; i < (options.warmup ?? 0); i += 1) await once();
  const samplesMs: number[] = [];
  for (let i = 0; i < options.runs; i += 1) samplesMs.push(await once());
  if (sink.length === 0) throw new Error('unreachable');
  return { ...stats(samplesMs), firstMs, samplesMs };
}

export type MachineInfo = {
  cpu: string;
  nproc: number;
  memoryGb: number;
  node: string;
  os: string;
  /** The 1-minute load average when the suite started: other work on the machine skews figures. */
  loadAverage: number;
};

/** CPU model from /proc/cpuinfo (Linux), else from os.cpus(). */
export function machineInfo(): MachineInfo {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) cpu = line.split(':').slice(1).join(':').trim();
  } catch {
    // Not Linux: keep os.cpus().
  }
  return {
    cpu,
    nproc: availableParallelism(),
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    os: `${platform()} ${release()}`,
    loadAverage: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}

export const machineLine = (m: MachineInfo) =>
  `${m.cpu}, ${m.nproc} CPUs (nproc), ${m.memoryGb} GB RAM, Node ${m.node}, ${m.os}; ` +
  `load average ${m.loadAverage} at the start`;

/** A duration for tables: two decimals below 10 ms, one below 1 s, else whole ms. */
export function ms(value: number): string {
  if (value < 10) return value.toFixed(2);
  if (value < 1000) return value.toFixed(1);
  return Math.round(value).toLocaleString('en-US');
}

export const thousands = (n: number) => n.toLocaleString('en-US');

const markers = (suite: string) => [`<!-- bench:${suite}:start -->`, `<!-- bench:${suite}:end -->`] as const;

/** Replaces (or appends) one suite's section, delimited by HTML comments, keeping the rest. */
export function replaceSection(document: string, suite: string, title: string, body: string): string {
  const [start, end] = markers(suite);
  const section = `${start}\n\n## ${title}\n\n${body.trim()}\n\n${end}`;
  const from = document.indexOf(start);
  const to = document.indexOf(end);
  if (from !== -1 && to > from) return `${document.slice(0, from)}${section}${document.slice(to + end.length)}`;
  return `${document.trimEnd()}\n\n${section}\n`;
}

/** The ports the benchmarks' servers listen on (this machine's share: 8930–8949). */
export const BENCH_PORTS = { from: 8930, to: 8949 } as const;
// A smoke run (CI, `npm test`) starts in the upper half, so it can run beside a full run.
let nextPort: number = process.argv.includes('--smoke') ? BENCH_PORTS.from + 10 : BENCH_PORTS.from;

/** The next free port of BENCH_PORTS on 127.0.0.1 (round robin, skipping ports in use). */
export async function benchPort(): Promise<number> {
  const { createServer } = await import('node:net');
  for (let tries = 0; tries <= BENCH_PORTS.to - BENCH_PORTS.from; tries += 1) {
    const port = nextPort;
    nextPort = port >= BENCH_PORTS.to ? BENCH_PORTS.from : port + 1;
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${BENCH_PORTS.from}–${BENCH_PORTS.to}`);
}
