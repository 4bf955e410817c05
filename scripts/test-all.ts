/**
 * `npm test`: every check, in the order a failure is cheapest to find: lint, types, unit and
 * integration tests (vitest), the production build and its size budget, then the end-to-end tests
 * in Chromium (Playwright) and in WebKit (WebDriver, tests/webkit/run.ts) against the built app and
 * server. All steps run even when one fails; the run ends with one line
 * "N passed, N failed" (test counts from the runners' JSON reports; lint, types, build and budget
 * count as one check each) and exits non-zero on any failure.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Counts, playwrightCounts, vitestCounts, webkitCounts } from './test-reports.ts';

const root = join(import.meta.dirname, '..');
const reports = join(root, 'reports');
mkdirSync(reports, { recursive: true });
const vitestJson = join(reports, 'vitest.json');
const playwrightJson = join(reports, 'playwright.json');
const webkitJson = join(reports, 'webkit.json');
for (const file of [vitestJson, playwrightJson, webkitJson]) rmSync(file, { force: true });

const bin = (pkg: string, path: string) => join(root, 'node_modules', pkg, path);
const skipE2e = process.argv.includes('--no-e2e');

type Step = { name: string; command: string[]; env?: Record<string, string>; counts?: () => Counts };

const steps: Step[] = [
  { name: 'lint (biome)', command: [bin('@biomejs/biome', 'bin/biome'), 'check', '--error-on-warnings', '.'] },
  { name: 'typecheck (browser)', command: [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.app.json', '--noEmit'] },
  { name: 'typecheck (node)', command: [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.node.json', '--noEmit'] },
  { name: 'typecheck (e2e)', command: [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.e2e.json', '--noEmit'] },
  {
    name: 'typecheck (webkit)',
    command: [bin('typescript', 'bin/tsc'), '-p', 'tests/webkit/tsconfig.json', '--noEmit'],
  },
  {
    name: 'unit and integration tests (vitest)',
    command: [bin('vitest', 'vitest.mjs'), 'run'],
    env: { VITEST_JSON: vitestJson },
    counts: () => vitestCounts(vitestJson),
  },
  { name: 'build', command: [bin('vite', 'bin/vite.js'), 'build'] },
  { name: 'size budget', command: [join(root, 'scripts', 'check-size.ts')] },
];
if (!skipE2e) {
  steps.push({
    name: 'end-to-end tests (playwright, chromium)',
    command: [bin('@playwright/test', 'cli.js'), 'test'],
    env: { PLAYWRIGHT_JSON: playwrightJson },
    counts: () => playwrightCounts(playwrightJson),
  });
  // The core offline journey in WebKit (iPad Safari's engine family), under Xvfb (about 15 s).
  steps.push({
    name: 'end-to-end tests (webdriver, webkit)',
    command: [join(root, 'tests', 'webkit', 'run.ts')],
    env: { WEBKIT_JSON: webkitJson },
    counts: () => webkitCounts(webkitJson),
  });
  // Keeps the benchmarks working: the sync and start-up suites at smoke size (about 30 s).
  steps.push({
    name: 'benchmark smoke run',
    command: [join(root, 'scripts', 'bench.ts'), '--smoke', 'sync', 'startup'],
  });
}

const total: Counts = { passed: 0, failed: 0 };
const summary: { name: string; ok: boolean; seconds: number; counts?: Counts }[] = [];
for (const step of steps) {
  console.log(`\n=== ${step.name} ===`);
  const started = Date.now();
  // Every step is a Node script (the runners' own bin files), run with this Node.
  const result = spawnSync(process.execPath, step.command, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...step.env },
  });
  const ok = result.status === 0;
  const counts = step.counts?.() ?? (ok ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 });
  // A runner that failed without a failing test (crash, bad config) still counts as a failure.
  if (!ok && counts.failed === 0) counts.failed = 1;
  total.passed += counts.passed;
  total.failed += counts.failed;
  summary.push({ name: step.name, ok, seconds: Math.round((Date.now() - started) / 1000), counts });
}

console.log('\n=== summary ===');
for (const s of summary) {
  console.log(
    `${s.ok ? 'ok  ' : 'FAIL'} ${s.name} (${s.seconds} s${s.counts ? `, ${s.counts.passed} passed, ${s.counts.failed} failed` : ''})`,
  );
  // Which tests failed, here at the end where a truncated log still shows them.
  for (const failure of s.counts?.failures ?? []) console.log(`     failed: ${failure}`);
}
writeFileSync(join(reports, 'summary.json'), `${JSON.stringify({ total, steps: summary }, null, 2)}\n`);
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed === 0 && summary.every((s) => s.ok) ? 0 : 1);
