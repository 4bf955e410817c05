/**
 * Long lists render in pages, never hide (decision 0073), on the demo caseload (60 families, more
 * than a page): "Familier" shows the count of every family, the first 50 cards and "Vis 10
 * flere"; the button renders the rest and moves the focus to the first new card; a search starts
 * at the first page of its matches. Axe clean with the button on screen.
 */
import { mkdirSync } from 'node:fs';
import { AppPage } from './pages/app.ts';
import { expectNoAxeViolations } from './pages/daycare.ts';
import { LEADER, seedDemoWithLeader, seededCaseload } from './support/demo-leader.ts';
import { expect, test } from './support/fixtures.ts';

test.beforeAll(() => seedDemoWithLeader());

test('the family list renders its first page with the total count, and "Vis flere" renders the rest', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const total = seededCaseload().families.length;
  expect(total).toBeGreaterThan(50);
  expect(total).toBeLessThanOrEqual(100);
  const app = new AppPage(page);
  await app.open('/', LEADER.username);
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Familier' }).click();
  await app.expectFamiliesScreen();
  const cards = page.locator('.family-list > li');
  await expect(page.getByText(`${total} familier`)).toBeVisible({ timeout: 60_000 });
  await expect(cards).toHaveCount(50);
  const more = page.getByRole('button', { name: `Vis ${total - 50} flere: Familier` });
  await expect(more).toBeVisible();
  await expectNoAxeViolations(page);

  mkdirSync('screenshots', { recursive: true });
  const offlineReady = page.getByRole('button', { name: 'Luk', exact: true });
  if (await offlineReady.isVisible()) await offlineReady.click();
  for (const [w, h] of [
    [1024, 768],
    [768, 1024],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await more.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `screenshots/family-list-more-${w}x${h}.png` });
  }
  await page.setViewportSize({ width: 1024, height: 768 });

  const fiftyFirst = cards.nth(50);
  await more.click();
  await expect(cards).toHaveCount(total);
  await expect(more).toBeHidden();
  await expect(fiftyFirst.getByRole('link')).toBeFocused();
  await expect(page.getByText(`${total} familier`)).toBeVisible();

  // A search starts at the first page of its matches ("familien" is in every name).
  await page.getByLabel('Søg efter familie').fill('familien');
  await expect(page.getByText(`${total} familier`)).toBeVisible();
  await expect(cards).toHaveCount(50);
  await expect(page.getByRole('button', { name: /^Vis \d+ flere: Familier$/ })).toBeVisible();
});
