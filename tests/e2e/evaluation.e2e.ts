/**
 * The leader's overview on the demo caseload (issue 17): a team leader sees the caseload per nurse
 * (the same figures the shared functions give for the seeded data), opens the list behind a figure,
 * downloads the indicators CSV (BOM, `;`, decimal comma, "<5") and the pseudonymised event file,
 * which holds no CPR number, name or date of the seeded data; axe finds nothing; screenshots.
 */
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { demoActivityDocuments, generateDemoActivity } from '../../src/shared/caseload/demo-activity.ts';
import { localToday } from '../../src/shared/domain/age.ts';
import { caseloadByNurse } from '../../src/shared/evaluation/caseload.ts';
import { parseCsv } from '../../src/shared/evaluation/csv.ts';
import { AppPage } from './pages/app.ts';
import { EvaluationPage } from './pages/evaluation.ts';
import { LEADER, seedDemoWithLeader, seededCaseload } from './support/demo-leader.ts';
import { expect, test } from './support/fixtures.ts';

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test.describe.configure({ mode: 'serial' });
test.beforeAll(() => seedDemoWithLeader());

const caseload = seededCaseload();
const today = localToday();

test('a team leader sees the overview of the demo caseload, opens a list and exports', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new AppPage(page);
  await app.open('/', LEADER.username);
  const overview = new EvaluationPage(page);
  await overview.openFromMenu();

  // The caseload per nurse: the team's totals are those of the shared rule on the seeded data,
  // once the first sync has brought everything.
  const expected = caseloadByNurse(caseload, today).team;
  await expect(overview.teamTotal('Familier')).toHaveText(String(expected.families.n), { timeout: 60_000 });
  await expect(overview.teamTotal('Børn')).toHaveText(String(expected.children.n), { timeout: 60_000 });
  await expect(overview.teamTotal('Overskredet')).toHaveText(String(expected.overdue.n), { timeout: 60_000 });
  await expect(overview.area('Rækkevidde: besøg ved 1½ og 3 år')).toBeVisible();
  await expect(page.getByRole('img', { name: /Diagram: Rettidighed/ })).toBeVisible();
  await expectNoAxeViolations(page);

  mkdirSync('screenshots', { recursive: true });
  const offlineReady = page.getByRole('button', { name: 'Luk', exact: true });
  if (await offlineReady.isVisible()) await offlineReady.click();
  await page.screenshot({ path: 'screenshots/evaluation-1024x768.png' });
  for (const [i, region] of (await page.locator('section.eval-area').all()).entries())
    await region.screenshot({ path: `screenshots/evaluation-area-${i}.png` });
  await page.screenshot({ path: 'screenshots/evaluation-1024x768-full.png', fullPage: true });
  await page.setViewportSize({ width: 768, height: 1024 });
  // Nothing wider than the tablet held upright, once the charts have followed the new width.
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: 'screenshots/evaluation-768x1024.png' });
  await page.setViewportSize({ width: 1024, height: 768 });
  // The A4 report: print media at A4's width (210 mm ≈ 794 CSS px), first two pages' worth.
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: 'print' });
  for (const n of [0, 1])
    await page.screenshot({
      path: `screenshots/evaluation-print-${n + 1}.png`,
      fullPage: true,
      clip: { x: 0, y: n * 1123, width: 794, height: 1123 },
    });
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize({ width: 1024, height: 768 });

  // Drill-down: the families behind the team's total, with their names (only here).
  const dialog = await overview.openList(/– vis listen: Familier: Hele teamet$/);
  await expect(dialog.getByRole('heading', { name: /Familier \(\d+\)/ })).toBeVisible();
  const active = caseload.families.find((f) => f.data.status === 'aktiv');
  await expect(dialog.getByRole('link', { name: active?.data.name ?? '?' }).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'screenshots/evaluation-drilldown-1024x768.png' });
  await dialog.getByRole('button', { name: 'Luk listen' }).click();
  await expect(dialog).toBeHidden();

  // The indicators CSV for Danish Excel.
  const csv = await overview.download('Indikatorer (CSV til Excel)');
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parseCsv(csv.toString('utf8'));
  const header = rows.findIndex((r) => r[0] === 'Område');
  expect(rows[header]).toEqual(['Område', 'Indikator', 'Enhed', 'Antal', 'Børn', 'Familier', 'Andel (%)']);
  const body = rows.slice(header + 1);
  expect(body.length).toBeGreaterThan(50);
  expect(body.every((r) => r.length === 7)).toBe(true);
  const numbers = body.flatMap((r) => r.slice(3, 7)).filter((v) => v !== '');
  expect(numbers).toContain('<5');
  expect(numbers.some((v) => /^\d+,\d$/.test(v))).toBe(true);
  // Only whole numbers, <5, x, decimal commas or "ikke registreret": never a decimal point or 1–4.
  expect(numbers.filter((v) => !/^(\d+|\d+,\d|<5|x|ikke registreret)$/.test(v) || /^[1-4]$/.test(v))).toEqual([]);

  // The pseudonymised events and their description.
  const events = (await overview.download('Hændelser til evaluator (pseudonymiseret CSV)')).toString('utf8');
  const eventRows = parseCsv(events);
  expect(eventRows[0]).toEqual(['barn', 'familie', 'alder_maaneder', 'haendelse', 'detalje', 'vaerdi']);
  expect(eventRows.length).toBeGreaterThan(10);
  expect(events).not.toMatch(/\d{4}-\d{2}-\d{2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}/);
  const activity = generateDemoActivity(caseload, { today, signer: { id: '', displayName: '' } });
  const seededIds = [...caseload.children, ...caseload.families, ...demoActivityDocuments(activity)].map((d) => d.id);
  for (const child of caseload.children) {
    expect(events).not.toContain(child.data.cpr);
    expect(events).not.toContain(`${child.data.cpr.slice(0, 6)}-${child.data.cpr.slice(6)}`);
    expect(events).not.toMatch(new RegExp(`\\b${child.data.firstName}\\b`));
  }
  for (const f of caseload.families) expect(events).not.toContain(f.data.name);
  for (const c of caseload.caregivers) expect(events).not.toContain(c.data.name);
  for (const id of seededIds) expect(events).not.toContain(id);
  const description = (await overview.download('Databeskrivelse til hændelsesfilen')).toString('utf8');
  expect(description).toContain('alder_maaneder');
  expect(description).toContain('HMAC-SHA-256');

  // Every export is recorded and shown on the overview: the team’s log lists all three, with who.
  const log = page.getByRole('table', { name: 'Eksporter i teamet' });
  for (const what of ['Indikatorer (CSV)', 'Hændelser til evaluator (pseudonymiseret)', 'Databeskrivelse']) {
    await expect(
      log.getByRole('row', { name: new RegExp(`${LEADER.name}.*${what.replace(/[()]/g, '\\$&')}`) }).first(),
    ).toBeVisible({
      timeout: 15_000,
    });
  }
  await page
    .getByRole('region', { name: 'Eksport', exact: true })
    .screenshot({ path: 'screenshots/evaluation-exports.png' });
});

test('a nurse gets no overview in the menu', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('/', 'mette');
  await expect(page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Overblik' })).toHaveCount(
    0,
  );
  await app.goto('/overblik');
  await expect(page.getByText('Overblikket er for projektledere og administratorer.')).toBeVisible();
});
