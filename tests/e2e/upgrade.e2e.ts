/**
 * A tablet with the plain store of the previous version (Dexie, `plain-v1` rows) upgrades in place
 * at the first login: the family recorded offline and not yet synced is in the encrypted store,
 * the plain database is gone, and the change reaches the server and a colleague's tablet.
 */
import { writePlainStore } from '../fixtures/plain-store.ts';
import { AppPage, newTablet } from './pages/app.ts';
import { expect, test } from './support/fixtures.ts';
import { E2E_PASSWORD } from './support/global-setup.ts';

test('an old tablet’s unsynced family survives the upgrade to the encrypted store and syncs', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const context = await browser.newContext();
  const app = new AppPage(await context.newPage());
  const { page } = app;
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
  // The old store belonged to Mette: its session names her (as the previous version kept it).
  const login = await request.post('/api/auth/login', {
    data: { username: 'mette', password: E2E_PASSWORD, deviceId: crypto.randomUUID() },
  });
  const mette = ((await login.json()) as { user: { id: string } }).user.id;
  const familyId = crypto.randomUUID();
  const name = `Familien Gammel ${Date.now() % 100000}`;
  // As the previous version stored it: parsed by the family schema, its defaults filled in.
  const data = { name, address: 'Gammel vej 1', status: 'aktiv' };
  await page.evaluate(writePlainStore, {
    rows: [{ table: 'families', id: familyId, kind: 'family', rev: 0, data, sync: 'pending' }],
    outbox: [{ clientSeq: 1, kind: 'family', id: familyId, op: 'create', baseRev: 0, data }],
    meta: [
      { key: 'device', value: { deviceId: crypto.randomUUID(), userName: 'Mette' } },
      { key: 'session', value: { token: 'old-token', user: { id: mette, username: 'mette' }, loginRequired: false } },
    ],
    quarantine: [],
  });
  const databases = () => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
  expect(await databases()).toContain('tusind-dage');

  await app.login('mette');
  await app.goto('/familier');
  await expect(await app.searchFamily(name)).toBeVisible();
  await expect.poll(databases).not.toContain('tusind-dage');
  await app.syncNow();
  await app.expectAllSynced();

  const colleague = await newTablet(browser, 'hanne');
  await colleague.app.syncNow();
  await colleague.app.goto('/familier');
  await expect(await colleague.app.searchFamily(name)).toBeVisible();
  await colleague.context.close();
  await context.close();
});
