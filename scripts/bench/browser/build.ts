/**
 * Bundles the benchmark's browser entries (ours.ts: the app's sync engine and Dexie store;
 * pouch.ts: the PouchDB peer) with Vite's build API into a temporary directory, one IIFE per entry,
 * each with a tiny HTML page that loads it (an external script: the server's CSP forbids inline),
 * optionally next to the built app (one server then serves both).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';

export type BenchBundle = { dir: string };

/** `into`: a folder that already holds the built app (its index.html is kept), e.g. a copy of dist. */
export async function buildBenchBundle(entry: 'ours' | 'pouch', into?: string): Promise<BenchBundle> {
  const dir = into ?? mkdtempSync(join(tmpdir(), `bench-${entry}-`));
  await build({
    configFile: false,
    logLevel: 'warn',
    root: import.meta.dirname,
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    build: {
      outDir: dir,
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      lib: {
        entry: join(import.meta.dirname, `${entry}.ts`),
        formats: ['iife'],
        name: `${entry}Bench`,
        fileName: () => `${entry}.js`,
      },
    },
  });
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>bench</title><script src="${entry}.js"></script></head><body></body></html>\n`;
  writeFileSync(join(dir, `${entry}.html`), html);
  // The real server serves a directory as the app only when it has an index.html.
  if (!into) writeFileSync(join(dir, 'index.html'), html);
  return { dir };
}
