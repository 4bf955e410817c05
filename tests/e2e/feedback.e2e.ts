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
