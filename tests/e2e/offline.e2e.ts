/**
 * The foundation's offline promises, in Chromium against `npm start`: the service worker takes
 * control, the app opens offline (also on a deep link), and work created offline survives an
 * offline reload.
 */

import { AppPage } from './pages/app.ts';
import { expect, test } from './support/fixtures.ts';

test('the service worker takes control after the first visit', async ({ page }) => {
  const app = new AppPage(page);
  await app.installOffline();
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');
});

test('an offline reload shows the app', async ({ page }) => {
  const app = new AppPage(page);
  await app.installOffline();
  await app.goOffline();
  await app.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Mine besøg' })).toBeVisible();
  await expect(page.getByText('Offline – ændringer synkroniseres, når der er netværk')).toBeVisible();
  await app.load('/familier');
  await app.expectFamiliesScreen();
});

test('an offline deep link opens the app on that screen', async ({ page }) => {
  const app = new AppPage(page);
  await app.installOffline();
  await app.goOffline();
  await app.load('/familier/ny');
  await expect(page.getByRole('heading', { level: 1, name: 'Ny familie' })).toBeVisible();
  await app.load('/enhed');
  await expect(page.getByRole('heading', { level: 1, name: 'Enhed' })).toBeVisible();
});

test('a family and a child created offline survive an offline reload', async ({ page }) => {
  const app = new AppPage(page);
  await app.installOffline();
  await app.goOffline();
  await app.goto('/familier');
  await app.createFamily({ name: 'Familien Offline', address: 'Havnegade 2', tovholder: 'Mette' });
  await app.addChild({
    firstName: 'Ida',
    birthDate: '2025-09-30',
    sex: 'Pige',
    cpr: '300925-4128',
    birthWeight: '3410',
  });
  await app.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Familien Offline' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: /Ida/ })).toBeVisible();
  await expect(page.getByText('300925-4128')).toBeVisible();
  await app.goto('/familier');
  await expect(await app.searchFamily('Familien Offline')).toBeVisible();
});

test('a signed-in tablet that changes nothing stays quiet: one sync, not a loop', async ({ page }) => {
  const pulls: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/sync/pull')) pulls.push(request.url());
  });
  const app = new AppPage(page);
  await app.open('/', 'mette');
  await app.expectAllSynced();
  const afterFirstSync = pulls.length;
  // Nothing changes for five seconds: the next sync is the minute's, not the next tick's.
  await page.waitForTimeout(5000);
  expect(pulls.length - afterFirstSync).toBeLessThanOrEqual(1);
});
