/**
 * What the lock costs the offline cold start (issue 13, decision 0060): the real app built into
 * `--dist` (default dist/), served by the real server, 1,000 records synced, the service worker in
 * control, offline; then N reloads, each timed in the page from the navigation's origin until the
 * lock screen has painted (its h1 and its PIN or password field in the DOM, then one animation
 * frame), and on through the unlock (PIN, or the password when the build has no PIN) until
 * "Mine besøg" shows its buckets. Run it against a build of the commit before the lock and one of
 * this branch: the difference in "lock screen painted" is what the lock adds before the nurse can
 * type. Usage: node scripts/bench/lock-screen.ts [--dist DIR] [--runs N]
 */
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { DEMO_NURSES } from '../../src/shared/caseload/demo-data.ts';
import { chromiumArgs, chromiumPath } from '../../tests/e2e/support/chromium.ts';
import { benchDocuments } from './browser/data.ts';
import { choosePinIfAsked, fillUnlock } from './browser/pin.ts';
import { BENCH_PASSWORD, startBenchServer } from './browser/server.ts';
import { stats } from './lib.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const dist = resolve(arg('--dist', 'dist'));
const runs = Number(arg('--runs', '9'));

const server = await startBenchServer(dist);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
try {
  await server.user('nurse', 'bench', DEMO_NURSES[0]);
  server.seed('nurse', benchDocuments(1000, 100));
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await page.getByLabel('Brugernavn').fill('nurse');
  await page.getByLabel('Adgangskode').fill(BENCH_PASSWORD);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await choosePinIfAsked(page);
  await page.getByRole('banner').waitFor();
  await page.waitForFunction(
    () => (document.querySelector('[aria-label="Synkronisering"]')?.textContent ?? '').includes('Sidst synkroniseret'),
    undefined,
    { timeout: 120_000 },
  );
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Lås op' }).waitFor();
  await fillUnlock(page);
  await page.getByRole('button', { name: 'Lås op' }).click();
  await page.getByRole('banner').waitFor();
  await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
  await context.setOffline(true);

  await page.addInitScript(() => {
    const w = window as unknown as { __lockPainted?: number };
    const poll = () => {
      const h1 = [...document.querySelectorAll('h1')].find((h) => h.textContent === 'Lås op');
      if (h1 && document.querySelector('input[type="password"]')) {
        requestAnimationFrame(() => {
          w.__lockPainted = performance.now();
        });
        return;
      }
      requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  });
  const samples: { lockPaintedMs: number; unlockedMs: number; typedMs: number; mode: string }[] = [];
  for (let k = 0; k <= runs; k++) {
    await page.reload({ waitUntil: 'commit' });
    await page.waitForFunction(() => (window as unknown as { __lockPainted?: number }).__lockPainted !== undefined);
    const lockPaintedMs = await page.evaluate(() => (window as unknown as { __lockPainted: number }).__lockPainted);
    const mode = await fillUnlock(page);
    const typedMs = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: 'Lås op' }).click();
    const unlockedMs = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const poll = () => {
            const h1 = [...document.querySelectorAll('h1')].find((h) => h.textContent === 'Mine besøg');
            if (h1 && document.querySelectorAll('section[aria-labelledby^="bucket-"]').length > 0)
              resolve(performance.now());
            else requestAnimationFrame(poll);
          };
          poll();
        }),
    );
    if (k > 0) samples.push({ lockPaintedMs, typedMs, unlockedMs, mode });
  }
  const painted = stats(samples.map((s) => s.lockPaintedMs));
  const unlock = stats(samples.map((s) => s.unlockedMs - s.typedMs));
  console.log(
    JSON.stringify(
      {
        dist,
        runs,
        mode: samples[0]?.mode,
        lockScreenPaintedMs: { median: painted.medianMs, min: painted.minMs, max: painted.maxMs },
        unlockToWorklistMs: { median: unlock.medianMs, min: unlock.minMs, max: unlock.maxMs },
      },
      null,
      2,
    ),
  );
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
