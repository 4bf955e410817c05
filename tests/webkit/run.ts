/**
 * Runs the WebKit end-to-end suite (tests/webkit/*.webkit.ts) with Node's test runner, one file at
 * a time, and writes the counts to reports/webkit.json ({ passed, failed, skipped, seconds }) for
 * scripts/test-all.ts. Without an X display it starts itself again under `xvfb-run -a`.
 *
 *   node tests/webkit/run.ts                  # the suite
 *   node tests/webkit/run.ts --screenshots    # and screenshots under screenshots/webkit/
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';

const here = import.meta.dirname;
const root = join(here, '..', '..');
const report = process.env.WEBKIT_JSON ?? join(root, 'reports', 'webkit.json');

if (!process.env.DISPLAY) {
  if (!existsSync('/usr/bin/xvfb-run')) {
    console.error('xvfb-run is missing: apt-get install -y --no-install-recommends webkit2gtk-driver xvfb xauth');
    process.exit(1);
  }
  // -a: a free display number; the screen is larger than any viewport the suite asks for.
  const result = spawnSync(
    'xvfb-run',
    [
      '-a',
      '-s',
      '-screen 0 1600x1200x24',
      process.execPath,
      ...process.execArgv,
      import.meta.filename,
      ...process.argv.slice(2),
    ],
    { stdio: 'inherit' },
  );
  process.exit(result.status ?? 1);
}

const files = readdirSync(here)
  .filter((f) => f.endsWith('.webkit.ts'))
  .map((f) => join(here, f));
rmSync(report, { force: true });
mkdirSync(join(root, 'reports'), { recursive: true });

const started = Date.now();
const counts = { passed: 0, failed: 0, skipped: 0 };
// Named in the report so the run's summary can say which test failed and why (first line).
const failures: { name: string; message: string }[] = [];
const stream = run({
  files,
  concurrency: 1,
  env: { ...process.env, ...(process.argv.includes('--screenshots') ? { WEBKIT_SCREENSHOTS: '1' } : {}) },
});
stream.on('test:pass', (event) => {
  if (event.details.type === 'suite') return;
  if (event.skip || event.todo) counts.skipped++;
  else counts.passed++;
});
let suiteFailed = false;
stream.on('test:fail', (event) => {
  if (event.details.type === 'suite') suiteFailed = true;
  else counts.failed++;
  const error = event.details.error as Error & { cause?: unknown };
  const cause = error?.cause instanceof Error ? error.cause.message : String(error?.cause ?? error?.message ?? '');
  failures.push({ name: `${event.file?.split('/').pop() ?? ''} > ${event.name}`, message: cause.split('\n')[0] ?? '' });
});
stream.compose(spec).pipe(process.stdout);
await new Promise((resolve) => stream.once('end', resolve));

const seconds = Math.round((Date.now() - started) / 100) / 10;
// A failed hook (its tests are cancelled, and counted) or a run in which no test ran is a failure.
if (counts.failed === 0 && (suiteFailed || counts.passed + counts.skipped === 0)) counts.failed = 1;
writeFileSync(report, `${JSON.stringify({ ...counts, seconds, failures }, null, 2)}\n`);
console.log(`webkit: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped in ${seconds} s`);
process.exitCode = counts.failed === 0 ? 0 : 1;
