/**
 * Lighthouse (mobile, its default simulated throttling) on the built app, with the system
 * Chromium (CHROME_PATH, default /usr/bin/chromium; nothing downloads a browser):
 * - login: the login page of a new tablet (a navigation);
 * - worklist: a returning nurse's cold start of /besoeg as a user flow — the page load (it shows
 *   the lock screen: the data key is only in memory), the unlock to the worklist (a timespan:
 *   layout shift, blocking time) and the unlocked worklist (a snapshot: accessibility, best
 *   practices).
 * Serves dist/ from an in-process server on 127.0.0.1:8950 (LIGHTHOUSE_PORT) with a fresh data
 * dir and one nurse. Writes reports/lighthouse/*.json and prints the scores.
 * Usage: npm run build && npm run lighthouse
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { startFlow } from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { buildApp } from '../src/server/app.ts';
import { createUser } from '../src/server/auth/create-user.ts';
import { openStore } from '../src/server/store/db.ts';

const root = join(import.meta.dirname, '..');
const out = join(root, 'reports', 'lighthouse');
const port = Number(process.env.LIGHTHOUSE_PORT ?? 8950);
const PIN = '839174';
const PASSWORD = 'lighthouse-rugbroed';
const categories = ['performance', 'accessibility', 'best-practices'];

type Lhr = {
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { numericValue?: number; displayValue?: string }>;
};

function summary(name: string, lhr: Lhr) {
  const score = (id: string) => lhr.categories[id]?.score ?? null;
  const audit = (id: string) => lhr.audits[id]?.numericValue;
  return {
    name,
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    fcpMs: audit('first-contentful-paint'),
    lcpMs: audit('largest-contentful-paint'),
    tbtMs: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    speedIndexMs: audit('speed-index'),
  };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'tusind-lighthouse-'));
  const store = openStore({ dataDir: dir });
  await createUser(store.db, { username: 'mette', password: PASSWORD, team: 'Lighthouse' });
  const app = await buildApp({
    store,
    config: { tokenTtlDays: 30, logLevel: 'silent' },
    distDir: join(root, 'dist'),
    logger: false,
  });
  const base = await app.listen({ host: '127.0.0.1', port });
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
  mkdirSync(out, { recursive: true });
  const results = [];
  try {
    // 1. The login page of a new tablet.
    const login = await lighthouse(`${base}/`, { port: chrome.port, output: 'json', onlyCategories: categories });
    if (!login) throw new Error('Lighthouse returned no result for the login page');
    writeFileSync(join(out, 'login.json'), login.report as string);
    results.push(summary('login page (navigation)', login.lhr as unknown as Lhr));

    // 2. A returning nurse: log in once, then the cold start of the worklist and the unlock.
    const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
    const page = await browser.newPage();
    await page.goto(`${base}/besoeg`);
    await page.locator('input[autocomplete="username"]').fill('mette');
    await page.locator('input[autocomplete="current-password"]').fill(PASSWORD);
    await page.locator('button[type="submit"]').click();
    // A first login chooses the PIN (decision 0060): the lock screen then asks for it.
    await page.waitForFunction(() =>
      ['Mine besøg', 'Vælg en pinkode'].includes(document.querySelector('h1')?.textContent ?? ''),
    );
    if ((await page.$eval('h1', (h) => h.textContent)) === 'Vælg en pinkode') {
      for (const field of await page.$$('input.input--pin')) await field.type(PIN);
      await page.locator('button[type="submit"]').click();
    }
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Mine besøg');
    const flow = await startFlow(page);
    await flow.navigate(`${base}/besoeg`, {
      name: 'Worklist cold start (lock screen)',
      onlyCategories: categories,
    });
    await flow.startTimespan({
      name: 'Unlock to the worklist',
      onlyCategories: ['performance', 'best-practices'],
    });
    await page.locator('input.input--pin').fill(PIN);
    await page.locator('button[type="submit"]').click();
    await page.waitForFunction(
      () =>
        document.querySelector('h1')?.textContent === 'Mine besøg' &&
        !document.querySelector('main')?.textContent?.includes('Indlæser'),
    );
    await flow.endTimespan();
    await flow.snapshot({ name: 'Worklist, unlocked', onlyCategories: ['accessibility', 'best-practices'] });
    const flowResult = await flow.createFlowResult();
    writeFileSync(join(out, 'worklist-flow.json'), JSON.stringify(flowResult));
    const [navigation, timespan, snapshot] = flowResult.steps.map((s) => s.lhr as unknown as Lhr);
    if (!navigation || !timespan || !snapshot) throw new Error('The user flow did not record its three steps');
    results.push(summary('worklist cold start (navigation, lock screen)', navigation));
    results.push(summary('unlock to the worklist (timespan)', timespan));
    results.push(summary('worklist unlocked (snapshot)', snapshot));
    await browser.disconnect();
  } finally {
    chrome.kill();
    await app.close();
    store.close?.();
    rmSync(dir, { recursive: true, force: true });
  }
  writeFileSync(join(out, 'summary.json'), `${JSON.stringify(results, null, 2)}\n`);
  const fmt = (v: number | null | undefined, digits = 0) => (v === null || v === undefined ? '–' : v.toFixed(digits));
  for (const r of results)
    console.log(
      `${r.name.padEnd(48)} perf ${fmt(r.performance, 2)}  a11y ${fmt(r.accessibility, 2)}  bp ${fmt(r.bestPractices, 2)}  FCP ${fmt(r.fcpMs)} ms  LCP ${fmt(r.lcpMs)} ms  TBT ${fmt(r.tbtMs)} ms  CLS ${fmt(r.cls, 3)}`,
    );
}

await main();
