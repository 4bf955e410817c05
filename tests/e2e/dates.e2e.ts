/**
 * Dates and lengths as typed by a nurse: a birth date in the future or decades back is refused
 * with a clear Danish message; a corrected birth date moves the plan without leaving long-closed
 * visits overdue; lengths take one decimal with a Danish comma, at birth and at visits.
 */
import { AppPage, monthsAgo } from './pages/app.ts';
import { VisitPage } from './pages/visit-page.ts';
import { expect, test } from './support/fixtures.ts';

const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test('a birth date in the future or from 1990 is refused; a birth length of 51,5 is kept', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('/familier', 'hanne');
  await app.createFamily({ name: 'Familien Dato' });
  await page.getByRole('link', { name: 'Tilføj barn' }).click();
  await page.getByLabel('Fornavn').fill('Asta');
  await page.getByLabel('Pige', { exact: true }).check();
  await page.getByLabel('Fødselslængde (cm)').fill('51,5');
  const birthDate = page.getByLabel('Fødselsdato');

  await birthDate.fill(daysFromNow(500));
  await page.getByRole('button', { name: 'Gem' }).click();
  await expect(page.getByText('Fødselsdatoen ligger i fremtiden.', { exact: false })).toBeVisible();
  await expect(birthDate).toHaveAttribute('aria-invalid', 'true');

  await birthDate.fill('1990-06-01');
  await page.getByRole('button', { name: 'Gem' }).click();
  await expect(page.getByText('Fødselsdatoen er mere end 7 år siden', { exact: false })).toBeVisible();
  await expect(page.getByText('Skriv et helt tal.')).toHaveCount(0);

  await birthDate.fill(monthsAgo(1));
  await page.getByRole('button', { name: 'Gem' }).click();
  await expect(page.getByRole('heading', { level: 3, name: /Asta/ })).toBeVisible();
  await page.getByRole('link', { name: 'Redigér: Asta' }).click();
  await expect(page.getByLabel('Fødselslængde (cm)')).toHaveValue('51,5');
});

test('a birth date corrected a year back leaves no long-closed visit overdue; a visit length takes 81,5', async ({
  page,
}) => {
  const app = new AppPage(page);
  const visit = new VisitPage(page);
  await app.open('/familier', 'hanne');
  await visit.newChild(app, 'Familien Rettet', { firstName: 'Bodil', birthDate: daysFromNow(-3) });

  // The birth date was a typo: the child is a year old. The plan follows.
  await page.getByRole('link', { name: 'Redigér', exact: true }).click();
  await page.getByLabel('Fødselsdato').fill(monthsAgo(12));
  await page.getByRole('button', { name: 'Gem' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bodil' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Aflyst af sundhedsplejen' })).toHaveCount(5);

  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Mine besøg' }).click();
  const overdue = page.getByRole('region', { name: /Overskredet/ });
  await expect(page.getByRole('heading', { level: 1, name: 'Mine besøg' })).toBeVisible();
  // At most the visit at 8–11 months, whose window closed within the last weeks, is overdue.
  await expect(overdue.getByText('Bodil', { exact: true })).toHaveCount(1);

  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Familier' }).click();
  await app.openFamily('Familien Rettet');
  await page.getByRole('link', { name: 'Bodil', exact: true }).click();
  await visit.startAdHoc();
  await page.getByLabel('Vægt (gram)').fill('9500');
  await page.getByLabel('Længde/højde (cm)').fill('81,5');
  await page.getByLabel('Målt', { exact: true }).selectOption('liggende');
  await page.getByLabel('Hovedomfang (cm)').fill('45,5');
  await visit.section('Målinger').getByRole('button', { name: 'Gem målinger' }).click();
  await expect(page.getByText('Målingerne er gemt.')).toBeVisible();
  await app.reload();
  await expect(page.getByLabel('Længde/højde (cm)')).toHaveValue('81,5');
});
