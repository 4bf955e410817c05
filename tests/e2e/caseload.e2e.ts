/**
 * The caseload offline: a family included in the programme, a child and two caregivers recorded
 * with no network; the child's plan (with the 1½- and 3-year visits) and "Mine besøg" follow, and
 * everything survives an offline reload. Consents are withdrawn without losing their history.
 */

import { AppPage, monthsAgo } from './pages/app.ts';
import { expect, test } from './support/fixtures.ts';

test('a family with a child and two caregivers created offline gets a plan and appears in Mine besøg', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.installOffline('hanne');
  await app.goOffline();
  await app.goto('/familier/ny');
  await page.getByLabel('Familiens navn').fill('Familien Planlægning');
  await page.getByLabel('Inkluderet i forløbet').fill(monthsAgo(10));
  await page.getByLabel('Årsag til inklusion').selectOption('mange-besoeg');
  await page.getByLabel('Tovholder').fill('Hanne Sundhedsplejerske');
  await page.getByRole('button', { name: 'Gem' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Familien Planlægning' })).toBeVisible();

  for (const [name, relation] of [
    ['Maria Planlægning', 'mor'],
    ['Omar Planlægning', 'far'],
  ] as const) {
    await page.getByRole('link', { name: 'Tilføj omsorgsperson' }).click();
    await page.getByLabel('Navn').fill(name);
    await page.getByLabel('Relation').selectOption(relation);
    if (relation === 'far') {
      await page.getByLabel('Sprog', { exact: true }).fill('arabisk');
      await page.getByLabel('Behov for tolk').check();
    }
    await page.getByRole('button', { name: 'Gem' }).click();
    await expect(page.getByText(name, { exact: true })).toBeVisible();
  }
  await expect(page.getByText('tolk: arabisk')).toBeVisible();

  await app.addChild({ firstName: 'Lina', birthDate: monthsAgo(19), sex: 'Pige' });
  await page.getByRole('link', { name: /Lina/ }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lina' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: /1½-års besøg/ })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: /3-års besøg/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Linas 1000 dage/ })).toBeVisible();

  await app.reload();
  await expect(page.getByRole('rowheader', { name: /1½-års besøg/ })).toBeVisible();
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Mine besøg' }).click();
  const thisWeek = page.getByRole('region', { name: /Denne uge/ });
  await expect(thisWeek.getByRole('link', { name: /^Lina,/ })).toBeVisible();
  await expect(thisWeek.getByText('1½-års besøg')).toBeVisible();
  await page.getByLabel('Vis besøg for').selectOption({ label: 'Mine (Hanne Sundhedsplejerske)' });
  await expect(thisWeek.getByRole('link', { name: /^Lina,/ })).toBeVisible();

  // The visit is done: it leaves the worklist and shows as done in the plan.
  await thisWeek.getByRole('link', { name: 'Barnets side: Lina' }).click();
  await page.getByRole('link', { name: 'Ret besøg: 1½-års besøg' }).click();
  await page.getByLabel('Status').selectOption('gennemfoert');
  await page.getByLabel('Gennemført den').fill(new Date().toISOString().slice(0, 10));
  await page.getByRole('button', { name: 'Gem' }).click();
  await expect(page.getByRole('cell', { name: /Gennemført/ })).toBeVisible();
});

test('a withdrawn consent keeps its history, and search finds a family by a caregiver', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('/familier', 'hanne');
  await app.createFamily({ name: 'Familien Samtykke' });
  await page.getByRole('link', { name: 'Tilføj omsorgsperson' }).click();
  await page.getByLabel('Navn').fill('Sofie Samtykkesen');
  await page.getByRole('button', { name: 'Gem' }).click();
  await page.getByRole('link', { name: 'Registrér samtykke' }).click();
  await page.getByLabel('Samtykke til').selectOption('videregivelse-til-dagtilbud');
  await page.getByLabel('Form').selectOption('skriftlig');
  await page.getByRole('button', { name: 'Gem' }).click();
  const consents = page.getByRole('region', { name: 'Samtykker' });
  await expect(consents.getByText('Gældende')).toBeVisible();
  await consents.getByRole('button', { name: 'Tilbagekald: Videregivelse til dagtilbud' }).click();
  await consents.getByLabel('Note om tilbagekaldelsen').fill('Mor ringede');
  await consents.getByRole('button', { name: 'Tilbagekald', exact: true }).click();
  await expect(consents.getByText('Tilbagekaldt', { exact: true })).toBeVisible();
  await expect(consents.getByText('Mor ringede')).toBeVisible();
  await expect(consents.getByText(/Sofie Samtykkesen · Skriftligt · givet/)).toBeVisible();

  await app.goto('/familier');
  await page.getByLabel('Søg efter familie').fill('samtykkesen');
  await expect(app.familyLink('Familien Samtykke')).toBeVisible();
});

test('creating a child that already exists in the team warns first', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('/familier', 'hanne');
  await app.createFamily({ name: 'Familien Dublet' });
  await app.addChild({ firstName: 'Emil', birthDate: '2025-05-05', sex: 'Dreng', cpr: '050525-9011' });
  await page.getByRole('link', { name: 'Tilføj barn' }).click();
  await page.getByLabel('Fornavn').fill('Emil');
  await page.getByLabel('Fødselsdato').fill('2025-05-05');
  await page.getByLabel('Dreng', { exact: true }).check();
  await page.getByLabel('CPR-nummer').fill('050525-9011');
  await page.getByRole('button', { name: 'Gem' }).click();
  await expect(page.getByRole('heading', { name: 'Findes barnet allerede?' })).toBeVisible();
  await expect(page.getByText('Et barn med samme CPR-nummer findes allerede:')).toBeVisible();
  // Leaving the form with its input asks first; the nurse confirms and nothing is created.
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Fortryd' }).click();
  await expect(page.getByRole('heading', { level: 3, name: /Emil/ })).toHaveCount(1);
});
