/**
 * `npm run demo` and what a user then sees: the demo team is marked "Demo – fiktive data" on every
 * screen (a named landmark, axe clean), a real team is not; running the command again prints a
 * login that works, so a lost password is never a dead end.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { AppPage } from './pages/app.ts';
import { expect, test } from './support/fixtures.ts';

const root = join(import.meta.dirname, '..', '..');

/**
 * Runs the demo command against the e2e server's DATA_DIR; returns the printed password. At full
 * size: the overview's test (evaluation.e2e.ts) expects the demo team to hold the default caseload,
 * whichever of the two runs first.
 */
function runDemo(): { stdout: string; password: string } {
  const result = spawnSync(process.execPath, ['src/server/cli/admin.ts', 'create-demo'], {
    cwd: root,
    env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR },
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  const password = /password: (\S+)/.exec(result.stdout)?.[1] ?? '';
  expect(password).not.toBe('');
  return { stdout: result.stdout, password };
}

async function loginAs(app: AppPage, username: string, password: string) {
  await app.page.goto('/');
  await app.page.getByLabel('Brugernavn').fill(username);
  await app.page.getByLabel('Adgangskode').fill(password);
  await app.page.getByRole('button', { name: 'Log ind' }).click();
  await app.choosePinIfAsked();
  await expect(app.page.getByRole('banner')).toBeVisible();
}

test('the demo team is marked on every screen, and npm run demo again gives a working login', async ({
  browser,
  page,
}) => {
  const first = runDemo();
  expect(first.stdout).toContain('Run `npm run demo` again');
  const app = new AppPage(page);
  await loginAs(app, 'demo', first.password);
  const marker = page.getByRole('complementary', { name: 'Demo – fiktive data' });
  await expect(marker).toBeVisible();
  await expect(marker).toContainText('Registrér aldrig rigtige familier');
  await expect(page).toHaveTitle(/^Demo – fiktive data/);
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Familier' }).click();
  await expect(marker).toBeVisible();
  const axe = await new AxeBuilder({ page }).include('.demo-marker').withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations).toEqual([]);

  // The password is lost: the command again prints a new one, and the caseload is untouched.
  const second = runDemo();
  expect(second.stdout).toContain('its fictional caseload was left unchanged');
  const other = await browser.newContext();
  const again = new AppPage(await other.newPage());
  await loginAs(again, 'demo', second.password);
  await expect(again.page.getByRole('complementary', { name: 'Demo – fiktive data' })).toBeVisible();
  await other.close();

  // A real team's nurse sees no demo marker.
  const real = await browser.newContext();
  const nurse = new AppPage(await real.newPage());
  await nurse.open('/', 'hanne');
  await expect(nurse.page.getByRole('complementary', { name: /Demo/ })).toHaveCount(0);
  await real.close();
});
