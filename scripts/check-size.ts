/**
 * The size budget: the JavaScript a tablet must download to show the first screen (the entry, its
 * static imports, the first screen's lazy chunk with its static imports, and the record schemas
 * it loads on demand), gzip-compressed,
 * must be at most 150 KB. Reads Vite's build manifest; prints the figure; exits 1 above budget.
 * Usage: node scripts/check-size.ts [--json]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGET_BYTES = 150 * 1000;
const FIRST_SCREEN = 'src/client/app/pages/worklist-page.tsx';
/**
 * Modules the first screen loads on demand before it can show anything: the schemas of the
 * records it reads. They may be their own entries or shared chunks named after the module.
 */
const FIRST_SCREEN_ON_DEMAND = ['family', 'child', 'contact'];
const chunkKeysFor = (manifest: Record<string, Chunk>, name: string) =>
  Object.keys(manifest).filter(
    (key) => key.endsWith(`/${name}.ts`) || new RegExp(`^_${name}-[A-Za-z0-9_-]{8}\\.js$`).test(key),
  );
const dist = join(import.meta.dirname, '..', 'dist');

type Chunk = { file: string; imports?: string[]; isEntry?: boolean };

export function firstScreenFiles(manifest: Record<string, Chunk>): string[] {
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entry) throw new Error('No entry in the Vite manifest');
  visit(entry);
  if (!manifest[FIRST_SCREEN]) throw new Error(`First screen ${FIRST_SCREEN} is not a chunk`);
  visit(FIRST_SCREEN);
  for (const name of FIRST_SCREEN_ON_DEMAND) {
    const keys = chunkKeysFor(manifest, name);
    if (keys.length === 0) throw new Error(`No chunk for ${name} in the Vite manifest`);
    for (const key of keys) visit(key);
  }
  return [...files].filter((file) => file.endsWith('.js'));
}

export function measure() {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<string, Chunk>;
  const files = firstScreenFiles(manifest).map((file) => {
    const content = readFileSync(join(dist, file));
    return { file, raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
  });
  const gzip = files.reduce((sum, f) => sum + f.gzip, 0);
  return { files, gzip, budget: BUDGET_BYTES, withinBudget: gzip <= BUDGET_BYTES };
}

if (import.meta.main) {
  const result = measure();
  if (process.argv.includes('--json')) console.log(JSON.stringify(result));
  else {
    for (const f of result.files)
      console.log(`  ${f.file.padEnd(48)} ${(f.gzip / 1000).toFixed(1).padStart(7)} KB gzip`);
    const verdict = result.withinBudget ? 'within' : 'OVER';
    console.log(
      `Initial JavaScript (first screen): ${(result.gzip / 1000).toFixed(1)} KB gzip, budget ${BUDGET_BYTES / 1000} KB: ${verdict} budget`,
    );
  }
  if (!result.withinBudget) process.exit(1);
}
