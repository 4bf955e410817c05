/**
 * A new version never reloads the app under unsaved input: a second real server serves a copy of
 * the build; the test publishes a "new version" by changing that copy's sw.js while a form holds
 * typed input, and checks that "Ny version er klar" waits until the input is saved.
 */
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { buildApp } from '../../src/server/app.ts';
import { createUser } from '../../src/server/auth/create-user.ts';
import { openStore } from '../../src/server/store/db.ts';
import { AppPage } from './pages/app.ts';
import { expect, test } from './support/fixtures.ts';
import { E2E_PASSWORD } from './support/global-setup.ts';

test('"Ny version er klar" never reloads while a form holds unsaved input', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'tusind-update-'));
  const dist = join(dir, 'dist');
  cpSync(join(import.meta.dirname, '..', '..', 'dist'), dist, { recursive: true });
  const store = openStore({ dataDir: dir });
  await createUser(store.db, { username: 'mette', password: E2E_PASSWORD, team: 'Opdatering' });
  const app = await buildApp({ store, config: { tokenTtlDays: 30, logLevel: 'silent' }, distDir: dist, logger: false });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const tablet = new AppPage(page);
    await page.goto(url);
    await tablet.login('mette');
    await page.evaluate(() => navigator.serviceWorker.ready);
    await tablet.reload();
    await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));

    await tablet.goto('/familier/ny');
    await page.getByLabel('Familiens navn').fill('Familien Midt i det hele');

    // Publish a new version and let the app find it.
    appendFileSync(join(dist, 'sw.js'), '\n// ny version\n');
    // A deployment's build writes fresh compressed copies too (the server prefers them).
    const sw = readFileSync(join(dist, 'sw.js'));
    writeFileSync(join(dist, 'sw.js.gz'), gzipSync(sw));
    writeFileSync(join(dist, 'sw.js.br'), brotliCompressSync(sw));
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    const prompt = page.getByRole('region', { name: 'Ny version er klar' });
    await expect(prompt).toBeVisible();
    await expect(prompt.getByText('Gem eller fortryd dine ændringer først – opdateringen venter.')).toBeVisible();
    await expect(prompt.getByRole('button', { name: 'Opdatér nu' })).toBeDisabled();
    // Time passes; nothing reloads the page under the nurse's typing.
    await page.waitForTimeout(1500);
    await expect(page.getByLabel('Familiens navn')).toHaveValue('Familien Midt i det hele');

    await page.getByRole('button', { name: 'Gem' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Familien Midt i det hele' })).toBeVisible();
    await expect(prompt.getByRole('button', { name: 'Opdatér nu' })).toBeEnabled();
    const oldController = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
    await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Opdatér nu' }).click()]);
    // The new version starts locked (the key is only ever in memory) and opens on the same screen.
    await tablet.signIn();
    await expect(page.getByRole('heading', { level: 1, name: 'Familien Midt i det hele' })).toBeVisible();
    await expect(prompt).toBeHidden();
    expect(oldController).toContain('/sw.js');
  } finally {
    await app.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
