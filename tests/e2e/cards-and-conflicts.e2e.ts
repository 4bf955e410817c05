/**
 * Two small things a nurse noticed: "Tilføj omsorgsperson" stays inside its card at 1024×768 and
 * 768×1024; and a conflict between her own two tablets says "på en anden enhed", not that she
 * changed it herself (a conflict with a colleague names the colleague: two-tablets.e2e.ts).
 */
import { AppPage, newTablet } from './pages/app.ts';
import { expect, test } from './support/fixtures.ts';

test('the card buttons stay inside their cards on both tablet sizes', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('/familier', 'hanne');
  await app.createFamily({ name: 'Familien Kortet' });
  for (const size of [
    { width: 1024, height: 768 },
    { width: 768, height: 1024 },
  ]) {
    await page.setViewportSize(size);
    for (const [card, button] of [
      ['Omsorgspersoner', 'Tilføj omsorgsperson'],
      ['Samtykker', 'Registrér samtykke'],
      ['Børn', 'Tilføj barn'],
    ]) {
      const region = page.getByRole('region', { name: card });
      const outer = await region.boundingBox();
      const inner = await region.getByRole('link', { name: button }).boundingBox();
      expect(outer && inner, card).toBeTruthy();
      if (!outer || !inner) continue;
      // Inside the card's padding (20 px), on one line (a 48 px button).
      expect(inner.x + inner.width, `${button} at ${size.width}`).toBeLessThanOrEqual(outer.x + outer.width - 19);
      expect(inner.height, `${button} at ${size.width}`).toBeLessThan(50);
    }
  }
});

test('a conflict between the same nurse’s two tablets says "on another device"', async ({ browser }) => {
  test.setTimeout(120_000);
  // Birgit's team (Ballerup): a conflict in it never shows in the Jammerbugt tests running alongside.
  const a = await newTablet(browser, 'birgit');
  await a.app.goto('/familier');
  await a.app.createFamily({ name: 'Familien Toenheder' });
  await a.app.syncNow();
  await a.app.expectAllSynced();
  const familyUrl = a.page.url();
  const b = await newTablet(browser, 'birgit');
  await b.app.syncNow();
  await b.app.goto(familyUrl);
  for (const [t, address] of [
    [a, 'Byvej 1'],
    [b, 'Skolevej 9'],
  ] as const) {
    await t.app.goOffline();
    await t.page.getByRole('link', { name: 'Redigér' }).first().click();
    await t.page.getByLabel('Adresse').fill(address);
    await t.page.getByRole('button', { name: 'Gem' }).click();
    await expect(t.page.getByText(address)).toBeVisible();
  }
  await a.app.goOnline();
  await a.app.expectAllSynced();
  await b.app.goOnline();
  await b.app.syncBar.getByRole('link', { name: '1 kræver handling' }).click();
  await expect(b.page.getByText('Familien Toenheder – ændret samtidig på en anden enhed')).toBeVisible();
  await expect(b.page.getByText(/ændret samtidig af Birgit/)).toHaveCount(0);
  // Resolved, so the team's list is clean for the other tests.
  await b.page.getByRole('link', { name: 'Åbn: Familie: Familien Toenheder' }).click();
  await b.page.getByLabel('Adresse: Min version').check();
  await b.page.getByRole('button', { name: 'Gem løsning' }).click();
  await expect(b.page.getByText('Intet kræver handling.')).toBeVisible();
  await b.app.syncNow();
  await b.app.expectAllSynced();
  await a.context.close();
  await b.context.close();
});
