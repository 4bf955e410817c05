/**
 * The long visit page: a section index that shows each section's state and stays in reach (sticky)
 * at 1024×768 and 768×1024, by touch and keyboard; an accidental draft visit is discarded after a
 * confirmation and its planned contact is planned again; a signed visit offers no discard.
 */
import { AppPage, monthsAgo } from './pages/app.ts';
import { VisitPage } from './pages/visit-page.ts';
import { WorklistPage } from './pages/worklist-page.ts';
import { expect, test } from './support/fixtures.ts';

test('the section index shows each state, stays in reach and jumps by touch and keyboard', async ({ page }) => {
  const app = new AppPage(page);
  const visit = new VisitPage(page);
  await app.open('/familier', 'hanne');
  await visit.newChild(app, 'Familien Indeks', { firstName: 'Vera', birthDate: monthsAgo(19) }, { included: true });
  await visit.startPlanned('1½-års besøg');

  const index = visit.index;
  await expect(index.getByRole('link', { name: 'Målinger mangler' })).toBeVisible();
  await expect(index.getByRole('link', { name: /^TOPI.* tom$/ })).toBeVisible();
  await page.getByLabel('Vægt (gram)').fill('10800');
  await expect(index.getByRole('link', { name: 'Målinger ikke gemt' })).toBeVisible();
  await page.getByLabel('Længde/højde (cm)').fill('81,5');
  await page.getByLabel('Målt', { exact: true }).selectOption('liggende');
  await page.getByLabel('Hovedomfang (cm)').fill('46');
  await visit.section('Målinger').getByRole('button', { name: 'Gem målinger' }).click();
  await expect(index.getByRole('link', { name: 'Målinger gemt' })).toBeVisible();

  for (const size of [
    { width: 1024, height: 768 },
    { width: 768, height: 1024 },
  ]) {
    await page.setViewportSize(size);
    // By touch: far down the page the index is still on screen, and a tap lands on the section.
    await index.getByRole('link', { name: /^Journal/ }).tap();
    await expect(page.getByRole('heading', { name: 'Journal' })).toBeFocused();
    expect(await visit.isUncovered(page.getByRole('heading', { name: 'Journal' }))).toBe(true);
    expect(await visit.isUncovered(index.getByRole('link', { name: /^Journal/ }))).toBe(true);
    // By keyboard: the section under the index, not hidden by it.
    await index.getByRole('link', { name: /^Ernæring/ }).focus();
    await page.keyboard.press('Enter');
    const feeding = visit.section('Ernæring').getByRole('heading', { level: 2 });
    await expect(feeding).toBeFocused();
    expect(await visit.isUncovered(feeding)).toBe(true);
    await expect(index.getByRole('link', { name: /^Ernæring/ })).toHaveAttribute('aria-current', 'location');
  }
});

test('an accidental draft visit is discarded and its contact planned again; a signed one cannot be', async ({
  page,
}) => {
  const app = new AppPage(page);
  const visit = new VisitPage(page);
  const worklist = new WorklistPage(page);
  await app.open('/familier', 'hanne');
  await visit.newChild(app, 'Familien Kassér', { firstName: 'Alf', birthDate: monthsAgo(19) }, { included: true });
  await visit.startPlanned('1½-års besøg');
  await page.getByLabel('Aftaler').fill('Forkert barn – startet ved en fejl.');
  await page.getByLabel('Vægt (gram)').fill('10100');
  await visit.section('Målinger').getByRole('button', { name: 'Gem målinger' }).click();
  await expect(
    visit
      .section('Målinger')
      .getByText(/er ikke gemt|Angiv en værdi/)
      .first(),
  ).toBeVisible();

  // Declining the confirmation keeps everything.
  page.once('dialog', (dialog) => void dialog.dismiss());
  await page.getByRole('button', { name: 'Kassér kladden' }).click();
  await expect(page.getByLabel('Aftaler')).toHaveValue('Forkert barn – startet ved en fejl.');

  page.once('dialog', (dialog) => {
    expect(dialog.message()).toContain('Kassér dette besøg?');
    void dialog.accept();
  });
  await page.getByRole('button', { name: 'Kassér kladden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Alf' })).toBeVisible();
  await expect(page.getByText('Ingen besøg registreret endnu.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Start besøg: 1½-års besøg' })).toBeVisible();
  await worklist.open();
  await expect(worklist.item('Denne uge', 'Alf')).not.toContainText('Kladde');

  // Started again it is a fresh visit; signed, it offers no discard.
  await worklist.openVisit('Denne uge', 'Alf');
  await expect(page.getByLabel('Aftaler')).toHaveValue('');
  await app.goto('/familier');
  await app.openFamily('Familien Kassér');
  await page.getByRole('link', { name: 'Alf', exact: true }).click();
  await visit.startAdHoc();
  await page.getByLabel('Start', { exact: true }).fill('09:00');
  await page.getByLabel('Slut', { exact: true }).fill('09:40');
  await visit.signButton.click();
  await expect(page.getByText('Besøget er underskrevet og kan ikke ændres.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Kassér kladden' })).toHaveCount(0);
});
