/**
 * The size budget: all JavaScript and WebAssembly a tablet fetches before "Mine besøg" is usable,
 * gzip-compressed, must be at most 110 KB in each way of getting there (docs/decisions/0072):
 * - first login: the entry and its static imports, the login form, the worklist screen, and the
 *   key-derivation worker (Argon2id, its wasm inlined) with what it imports;
 * - unlock (a returning nurse after a reload): the same with the unlock form instead.
 * Reads Vite's build manifest for the chunk graph, and the built chunks for the workers and wasm
 * they start (`new Worker(new URL(...))`, `*.wasm` URLs), which the manifest does not list.
 * Background sync and the service worker start after the first screen (src/client/pwa/first-screen.ts)
 * and are not counted. tests/e2e/first-screen.e2e.ts checks this count against what a real
 * Chromium fetches in both flows. Prints the figures; exits 1 above budget.
 * Usage: node scripts/check-size.ts [--json]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGET_BYTES = 110 * 1000;
/**
 * The lazy modules each flow loads before the worklist is usable (besides the entry's graph, which
 * holds the login and unlock forms and the worklist screen: static imports, decision 0075).
 */
export const FLOWS = {
  // A first login chooses the PIN before the worklist shows (decision 0060).
  'first login': ['src/client/features/auth/choose-pin.tsx'],
  unlock: [],
} as const;
export type Flow = keyof typeof FLOWS;

const dist = join(import.meta.dirname, '..', 'dist');

type Chunk = { file: string; imports?: string[]; isEntry?: boolean };
type Manifest = Record<string, Chunk>;
export type SizedFile = { file: string; raw: number; gzip: number };

const WORKER_URL = /new\s+(?:Shared)?Worker\(\s*new\s+URL\(\s*["'`]\/?([^"'`]+)["'`]/g;
const WASM_URL = /["'`]\/?([^"'`\s]+\.wasm)["'`]/g;

/** Files a built script starts by itself: workers and wasm, found in its code. */
export function startedBy(code: string): string[] {
  return [...code.matchAll(WORKER_URL), ...code.matchAll(WASM_URL)].map((m) => m[1] ?? '');
}

/** The files of one flow: the chunk graph from the entry and the flow's lazy modules, then workers. */
export function flowFiles(manifest: Manifest, modules: readonly string[], read: (file: string) => string): string[] {
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the Vite manifest`);
    if (files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entry) throw new Error('No entry in the Vite manifest');
  visit(entry);
  for (const module of modules) visit(module);
  // Workers and wasm the counted scripts start, and what those start in turn.
  const queue = [...files].filter((file) => file.endsWith('.js'));
  while (queue.length > 0) {
    const file = queue.pop() as string;
    for (const started of startedBy(read(file))) {
      if (files.has(started)) continue;
      files.add(started);
      if (started.endsWith('.js')) queue.push(started);
    }
  }
  return [...files].filter((file) => /\.(m?js|wasm)$/.test(file));
}

function sized(file: string): SizedFile {
  const path = join(dist, file);
  if (!existsSync(path)) throw new Error(`${file} is referenced but not in dist/`);
  const content = readFileSync(path);
  return { file, raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
}

export function measure() {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const read = (file: string) => readFileSync(join(dist, file), 'utf8');
  const flows = Object.entries(FLOWS).map(([name, modules]) => {
    const files = flowFiles(manifest, modules, read).map(sized);
    return { flow: name as Flow, files, gzip: files.reduce((sum, f) => sum + f.gzip, 0) };
  });
  const largest = flows.reduce((a, b) => (b.gzip > a.gzip ? b : a));
  const files = [...new Map(flows.flatMap((f) => f.files).map((f) => [f.file, f])).values()];
  return {
    flows,
    /** Every file some flow counts. */
    files,
    /** The larger flow's total: the figure held to the budget. */
    gzip: largest.gzip,
    budget: BUDGET_BYTES,
    withinBudget: flows.every((f) => f.gzip <= BUDGET_BYTES),
  };
}

if (import.meta.main) {
  const result = measure();
  if (process.argv.includes('--json')) console.log(JSON.stringify(result));
  else {
    for (const flow of result.flows) {
      console.log(`${flow.flow}:`);
      for (const f of flow.files)
        console.log(`  ${f.file.padEnd(48)} ${(f.gzip / 1000).toFixed(1).padStart(7)} KB gzip`);
      const verdict = flow.gzip <= BUDGET_BYTES ? 'within' : 'OVER';
      console.log(
        `  JavaScript and wasm before the worklist (${flow.flow}): ${(flow.gzip / 1000).toFixed(1)} KB gzip, budget ${BUDGET_BYTES / 1000} KB: ${verdict} budget`,
      );
    }
  }
  if (!result.withinBudget) process.exit(1);
}
