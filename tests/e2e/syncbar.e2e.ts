/**
 * The sync bar keeps its height while a new tablet downloads the team's data: the first
 * download's progress sits in the bar's one row, so the screen under it does not move under a
 * nurse's tap. (As a row of its own it pushed the screen ~30 px down when the download began and
 * back up when it ended: a tap on "Ny familie" at that moment landed beside it, and e2e clicks
 * missed the same way.)
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { AppPage } from './pages/app.ts';
import { expectNoAxeViolations } from './pages/daycare.ts';
import { expect, test } from './support/fixtures.ts';
import { E2E_PASSWORD } from './support/global-setup.ts';

const sizes = [
  [1024, 768],
  [768, 1024],
] as const;

/** Gives Dorte's team more than one pull page of families (1,000 records a page), through the API. */
async function seedTeam(request: APIRequestContext) {
  const deviceId = crypto.randomUUID();
  const login = await request.post('/api/auth/login', {
    data: { username: 'dorte', password: E2E_PASSWORD, deviceId },
  });
  const { token } = (await login.json()) as { token: string };
  for (let batch = 0; batch < 2; batch++) {
    const mutations = Array.from({ length: 600 }, (_, i) => ({
      mutationId: crypto.randomUUID(),
      clientSeq: batch * 600 + i + 1,
      kind: 'family',
      id: crypto.randomUUID(),
      op: 'create',
      baseRev: 0,
      data: { name: `Familien Hjørring ${batch * 600 + i + 1}` },
    }));
    const push = await request.post('/api/sync/push', {
      headers: { authorization: `Bearer ${token}` },
      data: { deviceId, schemaVersion: 1, mutations },
    });
    expect(push.status()).toBe(200);
  }
}

/** Where the screen's heading is, in each tablet orientation (px from the top of the page). */
async function headingTops(page: Page) {
  const tops: number[] = [];
  for (const [width, height] of sizes) {
    await page.setViewportSize({ width, height });
    const box = await page.getByRole('heading', { level: 1, name: 'Familier' }).boundingBox();
    tops.push(Math.round(box?.y ?? -1));
  }
  await page.setViewportSize({ width: 1024, height: 768 });
  return tops;
}

test('the first download shows its progress in the sync bar without moving the screen', async ({ page, request }) => {
  await seedTeam(request);
  // The pages after the first wait a while, so the download in progress can be looked at.
  await page.route('**/api/sync/pull*', async (route) => {
    if (!route.request().url().includes('since=0&')) await new Promise((resolve) => setTimeout(resolve, 12_000));
    await route.continue();
  });
  const app = new AppPage(page);
  await app.open('/familier', 'dorte');
  await app.expectFamiliesScreen();
  const bar = app.syncBar;
  await expect(bar.getByRole('progressbar', { name: 'Henter teamets data …' })).toBeVisible({ timeout: 20_000 });
  await expect(bar.getByText(/poster hentet/)).toBeVisible();
  const during = await headingTops(page);
  for (const [width, height] of sizes) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `screenshots/syncbar-first-download-${width}x${height}.png` });
  }
  await page.setViewportSize({ width: 1024, height: 768 });
  // Measured while the download still ran.
  await expect(bar.getByRole('progressbar')).toBeVisible();
  await expectNoAxeViolations(page);

  await expect(bar.getByRole('status')).toHaveText('Alt er synkroniseret', { timeout: 30_000 });
  await expect(bar.getByRole('progressbar')).toHaveCount(0);
  expect(await headingTops(page)).toEqual(during);
});
