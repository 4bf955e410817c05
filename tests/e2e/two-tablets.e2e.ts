/**
 * Two browser contexts as two tablets of the same team on the real server: work recorded offline
 * on A reaches B; the same field changed offline on both becomes a conflict for the later one,
 * which resolves it in the UI, and both tablets converge.
 */

import { AppPage, newTablet } from './pages/app.ts';
import { expect, test } from './support/fixtures.ts';

test('a family recorded offline on tablet A reaches tablet B; a conflict is resolved and both converge', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const a = await newTablet(browser, 'mette');
  const b = await newTablet(browser, 'hanne');

  // A records a family and a child with no network, and reloads offline: still there, waiting.
  await a.app.goOffline();
  await a.app.goto('/familier');
  await a.app.createFamily({ name: 'Familien Tablet', address: 'Havnevej 3' });
  await a.app.addChild({ firstName: 'Sofie', birthDate: '2025-08-01', sex: 'Pige' });
  // The family, the child and two openings are stored before the reload: an opening whose audit
  // write is still in flight when the page reloads can be lost (a known gap, issue 12's note).
  await expect(a.app.syncBar.getByTestId('sync-pending')).toContainText('4 ændringer venter');
  await a.app.reload();
  await expect(a.page.getByRole('heading', { level: 1, name: 'Familien Tablet' })).toBeVisible();
  // The family and the child, and three openings of the family page for the access log (after
  // creating it, after adding the child, after the reload): audit events wait to be synced too.
  await expect(a.app.syncBar.getByTestId('sync-pending')).toContainText('5 ændringer venter');
  await expect(a.page.getByText('Ikke synkroniseret').first()).toBeVisible();

  // Back online, A syncs by itself; B pulls and sees the family.
  await a.app.goOnline();
  await a.app.expectAllSynced();
  await b.app.goto('/familier');
  await b.app.syncNow();
  await expect(await b.app.searchFamily('Familien Tablet')).toBeVisible();
  await b.app.familyLink('Familien Tablet').click();
  await expect(b.page.getByRole('heading', { level: 3, name: /Sofie/ })).toBeVisible();
  const familyUrl = b.page.url();
  await a.app.goto(familyUrl);

  // Both change the address offline.
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

  // A reconnects first and wins the race; B reconnects later and gets a conflict.
  await a.app.goOnline();
  await a.app.expectAllSynced();
  await b.app.goOnline();
  const attention = b.app.syncBar.getByRole('link', { name: '1 kræver handling' });
  await expect(attention).toBeVisible();
  await attention.click();
  await expect(b.page.getByRole('heading', { level: 1, name: 'Kræver handling' })).toBeVisible();
  // Hanne's change met Mette's: the list names Mette, not Hanne herself.
  await expect(b.page.getByText(/ændret samtidig af Mette Sundhedsplejerske/)).toBeVisible();
  await b.page.getByRole('link', { name: /Åbn/ }).click();
  await expect(b.page.getByRole('heading', { level: 1, name: 'Løs konflikt' })).toBeVisible();
  // Side by side: B's own version and the current one from A, with authors.
  await expect(b.page.getByRole('cell', { name: 'Skolevej 9' })).toBeVisible();
  await expect(b.page.getByRole('cell', { name: 'Byvej 1' })).toBeVisible();
  await expect(b.page.getByText(/Mette Sundhedsplejerske/)).toBeVisible();
  await b.page.getByLabel('Adresse: Min version').check();
  await b.page.getByRole('button', { name: 'Gem løsning' }).click();
  await expect(b.page.getByText('Intet kræver handling.')).toBeVisible();
  await b.app.syncNow();
  await b.app.expectAllSynced();

  // A pulls the resolution: both tablets show B's chosen address and nothing needs attention.
  await a.app.syncNow();
  for (const t of [a, b]) {
    await t.app.goto(familyUrl);
    await expect(t.page.getByText('Skolevej 9')).toBeVisible();
    await expect(t.page.getByText('Byvej 1')).toBeHidden();
    await expect(t.app.syncBar.getByRole('link', { name: /kræver handling/ })).toBeHidden();
  }
  await a.context.close();
  await b.context.close();
});

test('logging out with unsynced work is not possible: the app offers to lock instead, or to sync first', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.installOffline('hanne');
  await app.goOffline();
  await app.goto('/familier');
  await app.createFamily({ name: 'Familien Usynkroniseret' });
  // Not logged out without even asking: nothing is discarded (the family and its page's opening, an
  // audit event, which must not be lost either); locking keeps it, encrypted.
  await app.logOut();
  await expect(page.getByText(/Du har 2 ændringer, der ikke er synkroniseret/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Familien Usynkroniseret' })).toBeVisible();
  await page.getByRole('button', { name: 'Lås appen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lås op' })).toBeVisible();
  await expect(page.getByText('Familien Usynkroniseret')).toHaveCount(0);
  await app.unlock();
  await expect(page.getByRole('heading', { level: 1, name: 'Familien Usynkroniseret' })).toBeVisible();
  await app.goOnline();
  await page.getByRole('button', { name: 'Synkronisér nu' }).first().click();
  await app.expectAllSynced();
  page.once('dialog', (dialog) => void dialog.accept());
  await app.logOut();
  // A clean logout wipes her store and key: the next start is a login, not an unlock.
  await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
  const stores = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
  expect(stores.filter((n) => n?.startsWith('tusind-dage-u-'))).toEqual([]);
});

test("another team's families never reach this tablet", async ({ browser }) => {
  const ballerup = await newTablet(browser, 'birgit');
  await ballerup.app.goto('/familier');
  await ballerup.app.createFamily({ name: 'Familien Ballerup' });
  await ballerup.app.expectAllSynced();
  const jammerbugt = await newTablet(browser, 'mette');
  await jammerbugt.app.syncNow();
  await jammerbugt.app.goto('/familier');
  // A family of its own, so the list (and its search) shows even when this test runs first.
  await jammerbugt.app.createFamily({ name: 'Familien Jammerbugt' });
  await jammerbugt.app.backToFamilies();
  // Searched for, and every match is rendered (no "Vis flere"): the list's first page cannot be what hides it.
  await expect(await jammerbugt.app.searchFamily('Familien Ballerup')).toBeHidden();
  await expect(jammerbugt.page.getByText(/^\d+ familie/)).toBeVisible();
  await expect(jammerbugt.page.getByRole('button', { name: /^Vis \d+ (flere|mere)/ })).toHaveCount(0);
  await ballerup.context.close();
  await jammerbugt.context.close();
});
