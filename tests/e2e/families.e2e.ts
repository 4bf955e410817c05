/** Families and children: inline Danish validation, create, edit, search, and accessibility (axe). */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { AppPage } from './pages/app.ts';
import { expect, test } from './support/fixtures.ts';

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('a nurse sees inline Danish errors and nothing is saved until they are fixed', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('/familier/ny');
  await page.getByRole('button', { name: 'Gem' }).click();
  const name = page.getByLabel('Familiens navn');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Skal udfyldes.')).toBeVisible();
  await expect(page.getByText('Ret 1 fejl i formularen.')).toBeVisible();
  await expectNoAxeViolations(page);
  await name.fill('Familien Nielsen');
  await page.getByRole('button', { name: 'Gem' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Familien Nielsen' })).toBeVisible();

  await page.getByRole('link', { name: 'Tilføj barn' }).click();
  await page.getByLabel('Fornavn').fill('Noah');
  await page.getByLabel('Fødselsdato').fill('2025-04-02');
  await page.getByLabel('Dreng', { exact: true }).check();
  await page.getByLabel('CPR-nummer').fill('0304254121');
  await page.getByLabel('Hovedomfang ved fødsel (cm)').fill('34,55');
  await page.getByRole('button', { name: 'Gem' }).click();
  await expect(page.getByText('CPR-nummerets dato passer ikke med fødselsdatoen.')).toBeVisible();
  await expect(page.getByText('Skriv højst én decimal.')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('CPR-nummer').fill('020425-4121');
  await page.getByLabel('Hovedomfang ved fødsel (cm)').fill('34,5');
  await page.getByRole('button', { name: 'Gem' }).click();
  await expect(page.getByRole('heading', { level: 3, name: /Noah/ })).toBeVisible();
  await expect(page.getByText('020425-4121')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a family can be edited and found by search as you type', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('/familier');
  await app.createFamily({ name: 'Familien Østergaard', address: 'Åvej 4, Aabybro' });
  await page.getByRole('link', { name: 'Redigér' }).click();
  await page.getByLabel('Status').selectOption('afsluttet');
  await page.getByLabel('Adresse').fill('Torvet 1, Ballerup');
  await page.getByRole('button', { name: 'Gem' }).click();
  await expect(page.getByText('Afsluttet')).toBeVisible();
  await expect(page.getByText('Torvet 1, Ballerup')).toBeVisible();
  await app.backToFamilies();
  await app.createFamily({ name: 'Familien Berg' });
  await app.backToFamilies();
  await page.getByLabel('Søg efter familie').fill('oster');
  await expect(app.familyLink('Familien Østergaard')).toBeVisible();
  await expect(app.familyLink('Familien Berg')).toBeHidden();
  await page.getByLabel('Søg efter familie').fill('ballerup');
  await expect(app.familyLink('Familien Østergaard')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('leaving a form with unsaved input asks first and keeps the input when declined', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('/familier/ny');
  await page.getByLabel('Familiens navn').fill('Familien Halvfærdig');
  page.once('dialog', (dialog) => void dialog.dismiss());
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Enhed' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ny familie' })).toBeVisible();
  await expect(page.getByLabel('Familiens navn')).toHaveValue('Familien Halvfærdig');
});

test('the device page shows storage, version and network state', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('/enhed');
  await expect(page.getByRole('heading', { level: 1, name: 'Enhed' })).toBeVisible();
  await expect(page.getByTestId('device-persistent')).toContainText('Varigt lager');
  await expect(page.getByTestId('device-version')).toContainText(/\d+\.\d+\.\d+/);
  await expect(page.getByTestId('device-usage')).not.toContainText('–');
  await expect(page.getByTestId('device-network')).toContainText('Online');
  await expectNoAxeViolations(page);
});
