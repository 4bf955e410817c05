/**
 * In English the app speaks English all the way: the 1000-day timeline's age labels come from the
 * catalogue, and numbers (percentile, z-score) use the English decimal point, while Danish keeps
 * its decimal comma.
 */
import { AppPage, monthsAgo } from './pages/app.ts';
import { VisitPage } from './pages/visit-page.ts';
import { expect, test } from './support/fixtures.ts';

test('timeline labels and z-scores follow the chosen language', async ({ page }) => {
  const app = new AppPage(page);
  const visit = new VisitPage(page);
  await app.open('/familier', 'hanne');
  await visit.newChild(app, 'Familien Sprog', { firstName: 'Lea', birthDate: monthsAgo(4) });
  const timeline = page.getByRole('img', { name: /Leas 1000 dage/ });
  await expect(timeline.getByText('6 mdr.')).toBeVisible();
  await visit.startAdHoc();
  await page.getByLabel('Vægt (gram)').fill('6500');
  await expect(page.getByText(/^Percentil \d+ \(z -?\d,\d\d\)/)).toBeVisible();

  await page.getByLabel('Sprog i appen').selectOption('en');
  await expect(page.getByText(/^Percentile \d+ \(z -?\d\.\d\d\)/)).toBeVisible();
  await expect(page.getByLabel('Weight (grams)')).toHaveValue('6500');
  await page.getByRole('link', { name: 'Lea', exact: true }).first().click();
  const english = page.getByRole('img', { name: /Lea's 1000 days/ });
  await expect(english.getByText('6 mo', { exact: true })).toBeVisible();
  await expect(english.getByText('1½ yr', { exact: true })).toBeVisible();
  await expect(english.getByText(/mdr\.|år/)).toHaveCount(0);
  await page.getByLabel('App language').selectOption('da');
});
