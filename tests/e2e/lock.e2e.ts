/**
 * The lock (issue 13, decision 0060): a nurse chooses a PIN after her first sign-in (obvious ones
 * refused); the app locks when idle (fake clock) and when hidden longer than the grace, behind a
 * privacy cover; the PIN opens it offline, 5 wrong PINs leave the password; a note being typed
 * survives a lock; two nurses share a tablet without seeing each other's families (on screen or in
 * raw IndexedDB); a revoked tablet erases itself at its next contact; a push with another device's
 * id is refused. axe-clean lock screens; screenshots at 1024×768 and 768×1024.
 */
import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { AppPage, E2E_PIN, monthsAgo, signJournalNote } from './pages/app.ts';
import { expect, test } from './support/fixtures.ts';
import { E2E_PASSWORD } from './support/global-setup.ts';
import { rawIndexedDb } from './support/raw-idb.ts';

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function screenshots(page: Page, name: string, fullPage = true) {
  // The one-time "ready offline" toast would cover the screen (behind a modal dialog it cannot be closed).
  const toast = page.getByRole('button', { name: 'Luk' });
  if ((await page.getByRole('dialog').count()) === 0 && (await toast.isVisible())) await toast.click();
  for (const [w, h] of [
    [1024, 768],
    [768, 1024],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `screenshots/${name}-${w}x${h}.png`, fullPage });
  }
  await page.setViewportSize({ width: 1024, height: 768 });
}

/** What the browser does when the nurse switches app or presses the home button (and back). */
async function setHidden(page: Page, hidden: boolean) {
  await page.evaluate((h) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (h ? 'hidden' : 'visible') });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => h });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}

const lockScreen = (page: Page) => page.getByRole('heading', { level: 1, name: 'Lås op' });

async function lockNow(app: AppPage) {
  await app.userMenu();
  await app.page.getByRole('button', { name: 'Lås nu', exact: true }).click();
  await expect(lockScreen(app.page)).toBeVisible();
}

test('a new nurse chooses a PIN: obvious ones are refused inline', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Brugernavn').fill('hanne');
  await page.getByLabel('Adgangskode').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vælg en pinkode' })).toBeVisible();
  // Nothing of the caseload is reachable before the PIN is chosen.
  await expect(page.getByRole('banner')).toHaveCount(0);
  for (const obvious of ['123456', '000000', '121212', '240586']) {
    await page.getByLabel('Ny pinkode (6 cifre)').fill(obvious);
    await page.getByLabel('Gentag pinkoden').fill(obvious);
    await page.getByRole('button', { name: 'Gem pinkode' }).click();
    await expect(page.getByRole('alert')).toHaveText(
      'Den pinkode er for let at gætte. Undgå gentagelser, talrækker og datoer.',
    );
  }
  await page.getByLabel('Ny pinkode (6 cifre)').fill(E2E_PIN);
  await page.getByLabel('Gentag pinkoden').fill('839175');
  await page.getByRole('button', { name: 'Gem pinkode' }).click();
  await expect(page.getByRole('alert')).toHaveText('De to pinkoder er ikke ens.');
  await expectNoAxeViolations(page);
  await screenshots(page, 'lock-choose-pin');
  await new AppPage(page).choosePin();
  await expect(page.getByRole('banner')).toBeVisible();
});

test('idle for the 5 minutes of the setting, the app locks; any touch starts the time over; the PIN opens it on the same screen', async ({
  page,
}) => {
  await page.clock.install();
  const app = new AppPage(page);
  await app.open('/familier', 'mette');
  await app.createFamily({ name: 'Familien Tomgang' });
  const family = page.getByRole('heading', { level: 1, name: 'Familien Tomgang' });
  await page.clock.fastForward('04:00');
  await family.click();
  await page.clock.fastForward('04:00');
  await expect(family).toBeVisible();
  await page.clock.fastForward('01:01');
  await expect(lockScreen(page)).toBeVisible();
  await expect(page.getByText('Familien Tomgang')).toHaveCount(0);
  await expect(page.getByRole('banner')).toHaveCount(0);
  await expect(app.pinField).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, 'lock-pin');
  await app.unlockWithPin();
  await expect(family).toBeVisible();
});

test('hidden longer than the grace, the app locks; while hidden a privacy cover hides everything', async ({ page }) => {
  await page.clock.install();
  const app = new AppPage(page);
  await app.open('/familier', 'mette');
  await app.createFamily({ name: 'Familien Skjult' });
  const family = page.getByRole('heading', { level: 1, name: 'Familien Skjult' });
  await setHidden(page, true);
  await expect(page.locator('html')).toHaveClass(/privacy-cover/);
  await expect(family).toBeHidden();
  // Back within the grace (30 s): not locked, the cover goes.
  await page.clock.fastForward('00:10');
  await setHidden(page, false);
  await expect(family).toBeVisible();
  await expect(page.locator('html')).not.toHaveClass(/privacy-cover/);
  // Away longer than the grace: locked when she comes back.
  await setHidden(page, true);
  await page.clock.fastForward('00:31');
  await setHidden(page, false);
  await expect(lockScreen(page)).toBeVisible();
  await expect(page.getByText('Familien Skjult')).toHaveCount(0);
  await expect(page.locator('html')).not.toHaveClass(/privacy-cover/);
});

test('offline, the PIN opens the app; 5 wrong PINs leave only the password, then a new PIN', async ({ page }) => {
  const app = new AppPage(page);
  await app.installOffline('hanne');
  await app.goOffline();
  await lockNow(app);
  await app.unlockWithPin();
  await expect(page.getByRole('banner')).toBeVisible();
  await lockNow(app);
  for (let left = 4; left >= 1; left--) {
    await app.pinField.fill('000001');
    await page.getByRole('button', { name: 'Lås op' }).click();
    await expect(page.getByRole('alert')).toHaveText(`Forkert pinkode. ${left} forsøg tilbage.`);
  }
  await app.pinField.fill(E2E_PIN.replace('8', '9'));
  await page.getByRole('button', { name: 'Lås op' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'For mange forkerte pinkoder. Lås op med din adgangskode, og vælg en ny pinkode.',
  );
  await expect(app.pinField).toHaveCount(0);
  await expect(page.getByLabel('Adgangskode')).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, 'lock-password');
  // The right PIN no longer works: its wrap of the key is gone from the tablet.
  const wraps = await page.evaluate(
    () =>
      new Promise<unknown[]>((resolve) => {
        const open = indexedDB.open('tusind-dage-device');
        open.onsuccess = () => {
          const get = open.result.transaction('users').objectStore('users').getAll();
          get.onsuccess = () => resolve((get.result as { pin?: unknown }[]).map((u) => u.pin ?? null));
        };
      }),
  );
  expect(wraps).toEqual([null]);
  await app.unlockWithPassword();
  await expect(page.getByRole('banner')).toBeVisible();
});

test('signing a journal note asks for the PIN when the last unlock is older than 10 minutes', async ({ page }) => {
  await page.clock.install();
  const app = new AppPage(page);
  await app.open('/familier', 'mette');
  await app.createFamily({ name: 'Familien Underskrift' });
  const journal = page.getByRole('region', { name: 'Journal' });
  // Within the 10 minutes of the setting, signing asks nothing.
  await signJournalNote(journal, 'Første notat, lige efter oplåsning.');
  // Eleven minutes later (active all along, so the idle lock does not come first).
  for (const step of ['04:00', '04:00', '03:00']) {
    await page.clock.fastForward(step);
    await journal.getByLabel('Nyt journalnotat').click();
  }
  await journal.getByLabel('Nyt journalnotat').fill('Mor har fået hjælp fra familieafdelingen.');
  await journal.getByRole('button', { name: 'Underskriv notat' }).click();
  const dialog = page.getByRole('dialog', { name: 'Bekræft din underskrift' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('underskrive som Mette Sundhedsplejerske')).toBeVisible();
  await expectNoAxeViolations(page);
  // The modal dialog sits in the viewport: a viewport shot shows it as the nurse sees it.
  await screenshots(page, 'lock-signature', false);
  // Cancelled: nothing is signed, the text stays.
  await dialog.getByRole('button', { name: 'Annullér' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(journal.getByLabel('Nyt journalnotat')).toHaveValue('Mor har fået hjælp fra familieafdelingen.');
  await journal.getByRole('button', { name: 'Underskriv notat' }).click();
  await dialog.getByLabel('Pinkode (6 cifre)').fill('111119');
  await dialog.getByRole('button', { name: 'Bekræft og underskriv' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Forkert pinkode. 4 forsøg tilbage.');
  await dialog.getByLabel('Pinkode (6 cifre)').fill(E2E_PIN);
  await dialog.getByRole('button', { name: 'Bekræft og underskriv' }).click();
  await expect(dialog).toHaveCount(0);
  // Until the field empties, the signed text is on the page twice.
  await expect(journal.getByLabel('Nyt journalnotat')).toHaveValue('');
  await expect(journal.getByText('Mor har fået hjælp fra familieafdelingen.')).toBeVisible();
});

test('a journal note being typed when the app locks is there after unlocking, on the same screen', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('/familier', 'mette');
  await app.createFamily({ name: 'Familien Kladdelås' });
  await app.addChild({ firstName: 'Vera', birthDate: monthsAgo(6), sex: 'Pige' });
  await page.getByRole('link', { name: 'Vera', exact: true }).click();
  const path = new URL(page.url()).pathname;
  const note = page.getByRole('region', { name: 'Journal' }).getByLabel('Nyt journalnotat');
  // Locked at once after the last keystroke, before the draft's debounce would have written it.
  await note.fill('Mor fortæller om uro om natten');
  await lockNow(app);
  await expect(page.getByText('Mor fortæller')).toHaveCount(0);
  await app.unlockWithPin();
  expect(new URL(page.url()).pathname).toBe(path);
  await expect(page.getByRole('region', { name: 'Journal' }).getByLabel('Nyt journalnotat')).toHaveValue(
    'Mor fortæller om uro om natten',
  );
});

test("two nurses share a tablet: neither sees the other's families, on screen or in raw IndexedDB", async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open('/familier', 'mette');
  await app.createFamily({ name: 'Familien Mettesen' });
  await app.userMenu();
  await page.getByRole('button', { name: 'Skift bruger', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
  await app.login('birgit');
  await app.goto('/familier');
  await app.expectFamiliesScreen();
  await expect(page.getByText('Familien Mettesen')).toHaveCount(0);
  await app.createFamily({ name: 'Familien Birgitsen' });
  // Two stores on the tablet, each sealed with its own key: no name is readable in either.
  const raw = await rawIndexedDb(page);
  expect(raw.match(/\[tusind-dage-u-[^/]+\/segments/g)?.length).toBe(2);
  expect(raw).not.toContain('Mettesen');
  expect(raw).not.toContain('Birgitsen');
  // The lock screen names the tablet's users and nothing else; Mette opens hers with her PIN.
  await lockNow(app);
  await expect(page.getByRole('radio', { name: 'Mette Sundhedsplejerske' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Birgit Ballerup' })).toBeVisible();
  await page.getByRole('radio', { name: 'Mette Sundhedsplejerske' }).check();
  await expect(page.getByRole('radio', { name: 'Mette Sundhedsplejerske' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Birgit Ballerup' })).not.toBeChecked();
  await app.unlockWithPin();
  await expect(page.getByRole('button', { name: /^Mette Sundhedsplejerske: lås/ })).toBeVisible();
  await app.goto('/familier');
  await expect((await app.searchFamily('Familien Mettesen')).first()).toBeVisible();
  // Searched for, so the first page of the list cannot hide it: the other team's family is not there.
  await app.searchFamily('Familien Birgitsen');
  await expect(page.getByText('Ingen familier matcher søgningen.')).toBeVisible();
  await expect(page.getByText('Familien Birgitsen')).toHaveCount(0);
});

test('a revoked tablet is told so at its next contact and erases the nurse’s store and key', async ({
  page,
  request,
}) => {
  const app = new AppPage(page);
  await app.open('/familier', 'ulla');
  await app.createFamily({ name: 'Familien Frakoblet' });
  await app.expectAllSynced();
  const deviceId = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const open = indexedDB.open('tusind-dage-device');
        open.onsuccess = () => {
          const get = open.result.transaction('users').objectStore('users').getAll();
          get.onsuccess = () => resolve((get.result as { deviceId: string }[])[0]?.deviceId ?? '');
        };
      }),
  );
  // The leader revokes it (the lost tablet).
  const lone = await request.post('/api/auth/login', { data: { username: 'lone', password: E2E_PASSWORD } });
  const headers = { authorization: `Bearer ${((await lone.json()) as { token: string }).token}` };
  const revoked = await request.post(`/api/admin/devices/${deviceId}/revoke`, { headers });
  expect(revoked.status()).toBe(200);
  // Its next contact: the answer is device_revoked, and the tablet wipes her store and key.
  await app.syncBar.getByRole('button', { name: 'Synkronisér nu' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
  await expect(page.getByText('Denne enhed er frakoblet af en administrator. Dens data er fjernet.')).toBeVisible();
  const stores = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
  expect(stores.filter((n) => n?.startsWith('tusind-dage-u-'))).toEqual([]);
  expect(await rawIndexedDb(page)).not.toContain('Frakoblet');
});

test('a login the server no longer accepts asks for a new one before the next sync, and keeps the work', async ({
  page,
  request,
}) => {
  const app = new AppPage(page);
  await app.installOffline('ulla');
  await app.goOffline();
  await app.goto('/familier');
  await app.createFamily({ name: 'Familien Udløbet' });
  // The server ends her logins (as TOKEN_IDLE_HOURS without use would): the leader revokes them.
  const lone = await request.post('/api/auth/login', { data: { username: 'lone', password: E2E_PASSWORD } });
  const headers = { authorization: `Bearer ${((await lone.json()) as { token: string }).token}` };
  const { users } = (await (await request.get('/api/admin/users', { headers })).json()) as {
    users: { id: string; username: string }[];
  };
  const ulla = users.find((u) => u.username === 'ulla');
  expect((await request.post(`/api/admin/users/${ulla?.id}/revoke-sessions`, { headers })).ok()).toBe(true);
  // Back online, the app syncs by itself and finds the login gone.
  await app.goOnline();
  const renew = app.syncBar;
  await expect(page.getByRole('heading', { name: 'Log ind igen for at synkronisere' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Familien Udløbet' })).toBeVisible();
  await renew.getByLabel('Adgangskode').fill(E2E_PASSWORD);
  await renew.getByRole('button', { name: 'Log ind' }).click();
  await app.expectAllSynced();
  await expect(page.getByRole('heading', { level: 1, name: 'Familien Udløbet' })).toBeVisible();
});

test("a push with another device's id is refused (HTTP)", async ({ request }) => {
  const deviceId = randomUUID();
  const login = await request.post('/api/auth/login', {
    data: { username: 'mette', password: E2E_PASSWORD, deviceId },
  });
  const headers = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
  const push = await request.post('/api/sync/push', {
    headers,
    data: { deviceId: randomUUID(), schemaVersion: 1, mutations: [] },
  });
  expect(push.status()).toBe(403);
  expect(((await push.json()) as { error: { code: string } }).error.code).toBe('device_mismatch');
  // A colleague naming Mette's device from her own login is refused too.
  const hanne = await request.post('/api/auth/login', {
    data: { username: 'hanne', password: E2E_PASSWORD, deviceId },
  });
  expect(hanne.status()).toBe(403);
});
