/**
 * Administration in the app (issue 14 §3, issue 13 §4): a team leader lists the team's users,
 * creates one with the team chosen from a list, resets a password (the user must change it at the
 * next login, and does), and revokes a device after a confirmation that says what would be lost.
 * Online only: offline the screen says so. axe-clean; screenshots at 1024×768 and 768×1024.
 */
import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page } from '@playwright/test';
import { AppPage } from './pages/app.ts';
import { expect, test } from './support/fixtures.ts';
import { E2E_PASSWORD } from './support/global-setup.ts';

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function screenshots(page: Page, name: string) {
  // The one-time "ready offline" toast would cover the screen.
  const toast = page.getByRole('button', { name: 'Luk' });
  if (await toast.isVisible()) await toast.click();
  for (const [w, h] of [
    [1024, 768],
    [768, 1024],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `screenshots/${name}-${w}x${h}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1024, height: 768 });
}

/** A tablet of Hanne's that has synced and reported 2 unsynced changes (through the API). */
async function hannesTablet(request: APIRequestContext): Promise<string> {
  const deviceId = randomUUID();
  const login = await request.post('/api/auth/login', {
    data: { username: 'hanne', password: E2E_PASSWORD, deviceId },
  });
  const { token } = (await login.json()) as { token: string };
  const headers = { authorization: `Bearer ${token}` };
  expect(
    (await request.post('/api/sync/push', { headers, data: { deviceId, schemaVersion: 1, mutations: [] } })).ok(),
  ).toBe(true);
  const report = await request.post('/api/devices/report', {
    headers,
    data: { deviceId, name: 'iPad (Safari)', unsyncedCount: 2, oldestUnsyncedAt: new Date().toISOString() },
  });
  expect(report.status()).toBe(204);
  return deviceId;
}

test('a nurse has no administration entry', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('/besoeg', 'hanne');
  await expect(
    page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Familier' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ledelse' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Administration' })).toHaveCount(0);
});

test('a leader administers the team: create, reset password, revoke a device', async ({ page, browser, request }) => {
  const tablet = await hannesTablet(request);
  const app = new AppPage(page);
  await app.open('/besoeg', 'lone');
  await app.openLead('Administration');
  await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
  const users = page.getByRole('region', { name: /brugere/ });
  await expect(users.getByRole('link', { name: 'Hanne Sundhedsplejerske' })).toBeVisible();
  await expect(users.getByRole('link', { name: 'Birgit Ballerup' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await screenshots(page, 'admin-users');

  // Create a user; the team is chosen from the list (the leader's own team only).
  await page.getByRole('button', { name: 'Ny bruger' }).click();
  const form = page.getByRole('form', { name: 'Opret bruger' });
  await form.getByLabel('Brugernavn').fill(`karen${Date.now() % 100000}`);
  await form.getByLabel('Navn (vises i appen)').fill('Karen Ny');
  await expect(form.getByLabel('Rolle').locator('option')).toHaveText(['Sundhedsplejerske', 'Leder']);
  await expect(form.getByLabel('Team').locator('option')).toHaveText(['Vælg team …', 'Jammerbugt']);
  await form.getByLabel('Første adgangskode').fill('qwerty123456');
  await form.getByRole('button', { name: 'Opret bruger' }).click();
  await expect(form.getByRole('alert')).toHaveText(/for svag/);
  await form.getByLabel('Første adgangskode').fill('kaffe-og-kage-42');
  await expectNoAxeViolations(page);
  await screenshots(page, 'admin-create-user');
  await form.getByRole('button', { name: 'Opret bruger' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Karen Ny' })).toBeVisible();
  const username = (await page.locator('.page-header__subtitle').textContent())?.split(' · ')[0] ?? '';

  // Reset Karen's password: she must change it at her next login.
  await page.getByLabel('Midlertidig adgangskode').fill('midlertidig-kode-77');
  await page.getByRole('button', { name: 'Nulstil adgangskode' }).click();
  await expect(page.getByText('Karen Ny skal vælge en ny adgangskode ved næste login.')).toBeVisible();
  await expect(page.getByText('Brugeren skal vælge en ny adgangskode ved næste login.', { exact: true })).toBeVisible();

  // Hanne's devices: the tablet with 2 unsynced changes; revoking says they will be lost.
  await app.openLead('Administration');
  await page.getByRole('link', { name: 'Hanne Sundhedsplejerske' }).click();
  const devices = page.getByRole('region', { name: 'Enheder' });
  await expect(devices.getByRole('cell', { name: 'iPad (Safari)', exact: true })).toBeVisible();
  await expect(devices.getByRole('cell', { name: '2', exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, 'admin-user-devices');
  let question = '';
  page.once('dialog', (dialog) => {
    question = dialog.message();
    void dialog.accept();
  });
  await devices.getByRole('button', { name: 'Spær enhed iPad (Safari)' }).click();
  await expect(devices.getByText('iPad (Safari) er spærret. 2 ikke-synkroniserede ændringer er tabt.')).toBeVisible();
  expect(question).toContain('2 ændringer, der ikke er synkroniseret – de går tabt');
  await expect(devices.getByText('Spærret', { exact: true })).toBeVisible();
  const res = await request.post('/api/auth/login', {
    data: { username: 'hanne', password: E2E_PASSWORD, deviceId: tablet },
  });
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe('device_revoked');
  await screenshots(page, 'admin-device-revoked');

  // Karen logs in on her own tablet and must choose a new password first.
  const context = await browser.newContext();
  const karen = await context.newPage();
  await karen.goto('/');
  await karen.getByLabel('Brugernavn').fill(username);
  await karen.getByLabel('Adgangskode').fill('midlertidig-kode-77');
  await karen.getByRole('button', { name: 'Log ind' }).click();
  await new AppPage(karen).choosePinIfAsked();
  await expect(karen.getByRole('heading', { level: 1, name: 'Vælg en ny adgangskode' })).toBeVisible();
  await karen.getByLabel('Midlertidig adgangskode').fill('midlertidig-kode-77');
  await karen.getByLabel('Ny adgangskode', { exact: true }).fill('solsikke-paa-bakken');
  await karen.getByLabel('Gentag ny adgangskode').fill('solsikke-paa-bakken');
  await expectNoAxeViolations(karen);
  await screenshots(karen, 'change-password');
  await karen.getByRole('button', { name: 'Skift adgangskode' }).click();
  await expect(karen.getByRole('banner')).toBeVisible();
  await context.close();
});

test('offline, administration says it needs the server', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('/admin', 'lone');
  await expect(page.getByRole('region', { name: /brugere/ })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
  await nav.getByRole('link', { name: 'Familier' }).click();
  await app.goOffline();
  await app.openLead('Administration');
  await expect(
    page.getByRole('alert').filter({ hasText: 'Administration kræver forbindelse til serveren' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Prøv igen' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Administration kræver forbindelse til serveren' }),
  ).toBeVisible();
  // Back online, the screen loads by itself.
  await app.goOnline();
  await expect(page.getByRole('region', { name: /brugere/ })).toBeVisible();
});
