/**
 * Feedback a tired nurse can act on: a section saved with gaps says, in Danish, what each empty
 * item needs (never a raw message key), and a refused submit moves her to the first problem instead
 * of leaving it far above the screen or under the sticky save bar.
 */
import { AppPage } from './pages/app.ts';
import { VisitPage } from './pages/visit-page.ts';
import { expect, test } from './support/fixtures.ts';

const valueOrReason = 'Angiv en værdi – eller vælg, hvorfor den mangler.';

test('empty measurements and assessments say what is missing in Danish, never a message key', async ({ page }) => {
  const app = new AppPage(page);
  const visit = new VisitPage(page);
  await app.open('/familier', 'hanne');
  await visit.newChild(app, 'Familien Besked', { firstName: 'Ida' });
  await visit.startAdHoc();

  const measurements = visit.section('Målinger');
  await page.getByLabel('Vægt (gram)').fill('0');
  await measurements.getByRole('button', { name: 'Gem målinger' }).click();
  await expect(measurements.getByText('Tallet ligger uden for det mulige område.')).toBeVisible();
  await expect(measurements.getByText(valueOrReason)).toHaveCount(2);

  const assessments = visit.section('Vurderinger');
  await assessments.getByRole('button', { name: 'Gem vurderinger' }).click();
  await expect(assessments.getByText('Afsnittet er ikke gemt')).toBeVisible();
  await expect(assessments.getByText(valueOrReason)).toHaveCount(10);
  await expect(page.getByText(/validation\./)).toHaveCount(0);
});

test('a refused save or signing takes the nurse to the problem, never above the screen or under a sticky bar', async ({
  page,
}) => {
  const app = new AppPage(page);
  const visit = new VisitPage(page);
  await app.open('/familier', 'hanne');

  // A record form: the first invalid field gets focus, in view.
  await page.getByRole('link', { name: 'Ny familie' }).click();
  await page.getByRole('button', { name: 'Gem' }).click();
  await expect(page.getByLabel('Familiens navn')).toBeFocused();
  expect(await visit.isUncovered(visit.focused)).toBe(true);
  await page.getByLabel('Familiens navn').fill('Familien Fokus');
  await page.getByRole('button', { name: 'Gem' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Familien Fokus' })).toBeVisible();

  // The duplicate-child warning appears below the form: it gets focus, clear of the save bar.
  await app.addChild({ firstName: 'Elmer', birthDate: '2025-05-07', sex: 'Dreng', cpr: '070525-9013' });
  await page.getByRole('link', { name: 'Tilføj barn' }).click();
  await page.getByLabel('Fornavn').fill('Elmer');
  await page.getByLabel('Fødselsdato').fill('2025-05-07');
  await page.getByLabel('Dreng', { exact: true }).check();
  await page.getByLabel('CPR-nummer').fill('070525-9013');
  await page.getByRole('button', { name: 'Gem' }).click();
  const warning = page.getByRole('alert').filter({ hasText: 'Findes barnet allerede?' });
  await expect(warning).toBeFocused();
  expect(await visit.isUncovered(warning)).toBe(true);
  expect(await visit.isUncovered(warning.getByRole('button', { name: 'Opret alligevel' }))).toBe(true);
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Fortryd' }).click();

  // Signing a visit without its end time: focus goes to a summary that links to the field.
  await page.getByRole('link', { name: 'Elmer', exact: true }).click();
  await visit.startAdHoc();
  await page.getByLabel('Start', { exact: true }).fill('09:30');
  await visit.signButton.click();
  const summary = page.getByRole('alert').filter({ hasText: 'Besøget kan ikke underskrives endnu' });
  await expect(summary).toBeFocused();
  expect(await visit.isUncovered(summary)).toBe(true);
  await summary.getByRole('link', { name: 'Slut: Skal udfyldes.' }).click();
  await expect(page.getByLabel('Slut', { exact: true })).toBeFocused();
  expect(await visit.isUncovered(visit.focused)).toBe(true);

  // A section saved with gaps: its first item to fix gets focus, in view.
  const measurements = visit.section('Målinger');
  await measurements.getByRole('button', { name: 'Gem målinger' }).click();
  await expect(page.getByLabel('Vægt (gram)')).toBeFocused();
  expect(await visit.isUncovered(visit.focused)).toBe(true);
  const assessments = visit.section('Vurderinger');
  await assessments.getByRole('button', { name: 'Gem vurderinger' }).click();
  await expect(
    assessments.getByRole('group', { name: 'Social kontakt', exact: true }).getByLabel('Normal', { exact: true }),
  ).toBeFocused();
  expect(await visit.isUncovered(visit.focused)).toBe(true);
});
