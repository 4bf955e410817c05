/**
 * The top bar stays one row on a landscape tablet (1024×768) with the longest navigation: a leader
 * (who sees "Ledelse" with Indstillinger and Administration), "Kræver handling" showing, online and offline, in Danish and English; on
 * a portrait tablet (768×1024) the navigation is one row of its own. Nothing leaves the viewport,
 * and the language select is readable (white on the bar's green).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { AppPage } from './pages/app.ts';
import { chromiumArgs, chromiumPath } from './support/chromium.ts';
import { expect, test } from './support/fixtures.ts';
import { E2E_PASSWORD } from './support/global-setup.ts';
import { selectLookInPage, topBarProblemInPage } from './support/top-bar.ts';

// A classic scrollbar, as desktop Chromium draws it on a long page (headless hides it by default):
// it takes 15 px of the 1024, and the bar must still fit.
test.use({
  launchOptions: { executablePath: chromiumPath(), args: chromiumArgs, ignoreDefaultArgs: ['--hide-scrollbars'] },
});

const leader = { username: 'lone', name: 'Lone Ledende Sundhedsplejerske', team: 'Jammerbugt' };

test.beforeAll(() => {
  // A leader in the run's DATA_DIR, with the real admin CLI (global-setup creates nurses only).
  const root = join(import.meta.dirname, '..', '..');
  const args = ['create-user', '--username', leader.username, '--password', E2E_PASSWORD, '--team', leader.team];
  args.push('--name', leader.name, '--role', 'leader');
  const result = spawnSync(process.execPath, ['src/server/cli/admin.ts', ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR },
    encoding: 'utf8',
  });
  // A new worker for this file (after a failed test) finds the account already there.
  if (result.status !== 0 && !/is taken/.test(`${result.stderr}${result.stdout}`)) {
    throw new Error(`create-user ${leader.username} failed: ${result.stderr}${result.stdout}`);
  }
});

test('the top bar is one row at 1024×768 with the longest navigation, online and offline, in both languages', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.installOffline(leader.username);
  const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
  for (const name of ['Mine besøg', 'Familier', 'COS-P', 'Kræver handling', 'Enhed']) {
    await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
  }
  await expect(nav.getByRole('button', { name: 'Ledelse' })).toBeVisible();
  const banner = page.getByRole('banner');
  await expect(banner.getByRole('button', { name: /: lås, skift bruger eller log ud$/ })).toBeVisible();
  await page.evaluate(() => {
    document.documentElement.style.overflowY = 'scroll';
  });
  expect(await page.evaluate(() => window.innerWidth - document.documentElement.clientWidth)).toBeGreaterThan(0);
  expect(await banner.evaluate(topBarProblemInPage)).toBeNull();

  await app.goOffline();
  await expect(banner.getByRole('status')).toHaveText('Offline');
  expect(await banner.evaluate(topBarProblemInPage)).toBeNull();

  await page.getByLabel('Sprog i appen').selectOption('en');
  const navEn = page.getByRole('navigation', { name: 'Main menu' });
  await expect(navEn.getByRole('link', { name: 'Needs attention', exact: true })).toBeVisible();
  expect(await banner.evaluate(topBarProblemInPage)).toBeNull();
  await page.getByLabel('App language').selectOption('da');
  await expect(nav.getByRole('link', { name: 'Kræver handling', exact: true })).toBeVisible();
  await app.goOnline();
});

test('on a portrait tablet (768×1024) the navigation is one row and nothing leaves the viewport', async ({ page }) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  const app = new AppPage(page);
  await app.open('/', leader.username);
  const banner = page.getByRole('banner');
  await expect(banner.getByRole('button', { name: 'Ledelse' })).toBeVisible();
  expect(await banner.evaluate(topBarProblemInPage, 'nav')).toBeNull();
  // The leader's screens open from "Ledelse", inside the viewport.
  await app.openLead('Indstillinger');
  await expect(page.getByRole('heading', { level: 1, name: 'Indstillinger' })).toBeVisible();
});

test('the language select is readable: opaque, 4.5:1 or more, drawn by the app not the engine', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('/', leader.username);
  const look = await page.getByLabel('Sprog i appen').evaluate(selectLookInPage);
  expect(look.appearance).toBe('none');
  expect(look.opaque).toBe(true);
  expect(look.contrast).toBeGreaterThanOrEqual(4.5);
});
