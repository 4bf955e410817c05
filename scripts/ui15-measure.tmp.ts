// Temporary (not committed): the worklist and family list at the full demo caseload, main vs this branch.
import type { Page } from '@playwright/test';
import { demoActivityDocuments, generateDemoActivity } from '../src/shared/caseload/demo-activity.ts';
import { DEMO_NURSES, demoDocuments, generateDemoCaseload } from '../src/shared/caseload/demo-data.ts';
import { localToday } from '../src/shared/domain/age.ts';
import { choosePinIfAsked, fillUnlock } from './bench/browser/pin.ts';
import { BENCH_PASSWORD, startBenchServer } from './bench/browser/server.ts';
import { openProfile, waitForAppSynced } from './bench/profile.ts';

const [dist, label, familiesArg, shots] = process.argv.slice(2);
const families = Number(familiesArg ?? 2000);
const today = localToday();
const caseload = generateDemoCaseload({ today, families });
const server = await startBenchServer(dist as string);
await server.user('nurse', 'bench', DEMO_NURSES[0]);
const activity = generateDemoActivity(caseload, { today, signer: { id: server.userId('nurse'), displayName: DEMO_NURSES[0] } });
server.seed('nurse', demoDocuments(caseload));
server.seedActivity('nurse', activity);
const { page, context } = await openProfile({ viewport: { width: 1024, height: 768 } });
await page.goto(`${server.url}/`);
await page.getByLabel('Brugernavn').fill('nurse');
await page.getByLabel('Adgangskode').fill(BENCH_PASSWORD);
await page.getByRole('button', { name: 'Log ind' }).click();
await choosePinIfAsked(page);
await waitForAppSynced(page);
await page.waitForTimeout(500);

const nav = (page: Page, name: string) =>
  page.evaluate(async (name) => {
    const link = [...document.querySelectorAll('nav a')].find((a) => a.textContent?.trim() === name) as HTMLElement;
    const start = performance.now();
    link.click();
    return new Promise<number>((resolve) => {
      const check = () => {
        const ready =
          name === 'Familier'
            ? document.querySelector('.family-list') && document.getElementById('family-search')
            : document.querySelectorAll('section[aria-labelledby^="bucket-"] li').length > 0;
        if (ready) resolve(performance.now() - start);
        else requestAnimationFrame(check);
      };
      check();
    });
  }, name);
const typed = (page: Page, text: string) =>
  page.evaluate(async (text) => {
    const input = document.getElementById('family-search') as HTMLInputElement;
    const count = input.parentElement?.querySelector('[aria-live]') as HTMLElement;
    const before = count.textContent;
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    const start = performance.now();
    setValue?.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return new Promise<number>((resolve) => {
      const check = () => {
        if (count.textContent !== before) resolve(performance.now() - start);
        else requestAnimationFrame(check);
      };
      check();
    });
  }, text);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const r = { worklist: [] as number[], families: [] as number[], search: [] as number[], unlock: [] as number[] };
for (let i = 0; i < 6; i++) {
  r.families.push(await nav(page, 'Familier'));
  await page.waitForTimeout(200);
  r.search.push(await typed(page, 'jen'));
  await page.waitForTimeout(200);
  r.worklist.push(await nav(page, 'Mine besøg'));
  await page.waitForTimeout(200);
}
for (let i = 0; i < 3; i++) {
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Lås op' }).waitFor();
  await fillUnlock(page);
  const at = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Lås op' }).click();
  const shown = await page.waitForFunction(
    () => (document.querySelectorAll('section[aria-labelledby^="bucket-"] li').length > 0 ? performance.now() : false),
    undefined,
    { polling: 'raf', timeout: 60_000 },
  );
  const open = await page.evaluate(() => performance.getEntriesByName('unlock:open').at(-1)?.duration ?? 0);
  r.unlock.push((await shown.jsonValue()) as number - at - open);
}
const rows = await page.evaluate(() => document.querySelectorAll('section[aria-labelledby^="bucket-"] li').length);
const headings = await page.evaluate(() => [...document.querySelectorAll('section h2')].map((h) => h.textContent));
console.log(label, JSON.stringify({ rows, headings }));
for (const [k, v] of Object.entries(r)) console.log(label, k, 'median', median(v).toFixed(0), 'all', v.map((x) => x.toFixed(0)).join(' '));
if (shots) {
  for (const [w, h] of [[1024, 768], [768, 1024]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `screenshots/worklist-paged-${w}x${h}.png` });
    await page.locator('section[aria-labelledby="bucket-overdue"] button').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `screenshots/worklist-paged-more-${w}x${h}.png` });
    await page.evaluate(() => window.scrollTo(0, 0));
  }
}
await context.close();
process.exit(0);
