/**
 * A tired nurse's walk, at both tablet orientations (1024×768 and 768×1024): a 1½-year visit typed
 * offline is left half-way three times — to another screen inside the app, by locking the app, and
 * by a reload — and every typed value is still there; signing shows every recorded value read-only.
 * A COS-P session is recorded the same way. Screenshots of each step go to screenshots/walk-*.png
 * (looked at by a person; the assertions are what the test checks).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { monthsAgo, newTablet, VisitSections } from './pages/app.ts';
import { expect, test } from './support/fixtures.ts';

const shots = join(import.meta.dirname, '..', '..', 'screenshots');
mkdirSync(shots, { recursive: true });

// One child per size (a second "Mynte" born the same day would be offered as a duplicate).
const sizes = [
  { name: 'landscape', width: 1024, height: 768, child: 'Mynte' },
  { name: 'portrait', width: 768, height: 1024, child: 'Malou' },
] as const;

const shot = (page: Page, size: string, step: string) =>
  page.screenshot({ path: join(shots, `walk-${size}-${step}.png`), fullPage: false });

for (const size of sizes) {
  test(`a 1½-year visit and a COS-P session left half-way and resumed lose nothing (${size.name} ${size.width}×${size.height})`, async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const { app, page, context } = await newTablet(browser, 'mette');
    await page.setViewportSize({ width: size.width, height: size.height });
    await app.goOffline();
    const family = `Familien Gåtur ${size.name}`;
    await app.goto('/familier/ny');
    await page.getByLabel('Familiens navn').fill(family);
    await page.getByLabel('Inkluderet i forløbet').fill(monthsAgo(12));
    await page.getByRole('button', { name: 'Gem' }).click();
    await app.addChild({ firstName: size.child, birthDate: monthsAgo(18), sex: 'Pige' });
    await page.getByRole('link', { name: size.child, exact: true }).click();
    await page.getByRole('link', { name: 'Start besøg: 1½-års besøg' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `1½-års besøg: ${size.child}` })).toBeVisible();
    const visitPath = new URL(page.url()).pathname;
    const sections = new VisitSections(page);

    // Typed, not saved: the visit's fields, a measurement and an assessment's elaboration.
    await page.getByLabel('Start', { exact: true }).fill('09:15');
    await page.getByLabel('Søvn').check();
    await page.getByLabel('Aftaler').fill('Vi ses igen om tre uger; mor ringer ved feber.');
    await page.getByLabel('Vægt (gram)').fill('11020');
    await sections.choose('Vurderinger', 'Søvn', 'Let bekymring');
    await sections.section('Vurderinger').getByLabel('Uddybning').fill('Vågner fire gange hver nat.');
    await expect(page.getByText(/Kladde gemt på enheden/).first()).toBeVisible();
    await shot(page, size.name, '1-visit-typed');

    const expectTyped = async () => {
      await expect(page.getByLabel('Start', { exact: true })).toHaveValue('09:15');
      await expect(page.getByLabel('Søvn')).toBeChecked();
      await expect(page.getByLabel('Aftaler')).toHaveValue('Vi ses igen om tre uger; mor ringer ved feber.');
      await expect(page.getByLabel('Vægt (gram)')).toHaveValue('11020');
      await expect(
        sections.section('Vurderinger').getByRole('group', { name: 'Søvn', exact: true }).getByLabel('Let bekymring'),
      ).toBeChecked();
      await expect(sections.section('Vurderinger').getByLabel('Uddybning')).toHaveValue('Vågner fire gange hver nat.');
    };

    // 1. Away to another screen inside the app (the phone rang: "Mine besøg"), then back.
    await page.waitForTimeout(800);
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Mine besøg' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mine besøg' })).toBeVisible();
    await app.goto(visitPath);
    await expectTyped();

    // 2. Locked ("Lås nu"): nothing personal on the lock screen; unlocked, she is back at the visit.
    await app.userMenu();
    await page.getByRole('button', { name: 'Lås nu' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Lås op' })).toBeVisible();
    await expect(page.getByText(size.child)).toHaveCount(0);
    await expect(page.getByText(family)).toHaveCount(0);
    await shot(page, size.name, '2-locked');
    await app.unlock();
    await expect(page.getByRole('heading', { level: 1, name: `1½-års besøg: ${size.child}` })).toBeVisible();
    await expectTyped();

    // 3. A reload (the browser dropped the tab).
    await app.reload();
    await expectTyped();
    await shot(page, size.name, '3-visit-after-reload');

    // Finish the visit: every required section saved, signed; each value shown read-only.
    await page.getByLabel('Længde/højde (cm)').fill('82,5');
    await page.getByLabel('Målt', { exact: true }).selectOption('liggende');
    await page.getByLabel('Hovedomfang (cm)').fill('46,5');
    await sections.section('Målinger').getByRole('button', { name: 'Gem målinger' }).click();
    await expect(page.getByText('Målingerne er gemt.')).toBeVisible();
    for (const area of [
      'Social kontakt',
      'Forælder-barn-relation',
      'Forælders psykiske tilstand',
      'Netværk',
      'Kommunikation/sprog',
      'Motorik',
      'Ernæring',
      'Passiv rygning',
    ]) {
      await sections.choose('Vurderinger', area, 'Normal');
    }
    await sections.section('Vurderinger').getByLabel('Ikke oplyst, fordi').nth(3).selectOption('Ukendt');
    await sections.save('Vurderinger', 'Gem vurderinger');
    await sections.choose('Ernæring', 'Ernæring', 'Udelukkende familiens mad');
    await sections.save('Ernæring', 'Gem ernæring');
    await sections.choose('Tobaksrøg i hjemmet', 'Ryger nogen indendørs i hjemmet mindst ugentligt?', 'Nej');
    await sections.save('Tobaksrøg i hjemmet', 'Gem tobaksrøg');
    await page.getByLabel('Slut', { exact: true }).fill('10:30');
    await page.getByRole('button', { name: 'Underskriv besøget' }).click();
    await expect(page.getByText('Besøget er underskrevet og kan ikke ændres.')).toBeVisible();
    await expect(page.getByLabel('Vægt (gram)')).toHaveValue('11020');
    await expect(page.getByLabel('Vægt (gram)')).toBeDisabled();
    await expect(page.getByLabel('Længde/højde (cm)')).toHaveValue('82,5');
    await expect(sections.section('Vurderinger').getByLabel('Uddybning')).toHaveValue('Vågner fire gange hver nat.');
    await expect(page.getByText('Vi ses igen om tre uger; mor ringer ved feber.')).toBeVisible();
    await shot(page, size.name, '4-visit-signed');
    await page.getByRole('link', { name: 'Resumé til udskrift' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Besøgsresumé: ${size.child}` })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Vurderinger', exact: true })).toContainText(
      'Vågner fire gange hver nat.',
    );
    await shot(page, size.name, '5-visit-summary');

    // A COS-P session in a room without network: attendance and a reflection typed, then a reload.
    await app.goto('/cosp');
    await page.getByRole('link', { name: 'Nyt forløb' }).click();
    await page.getByLabel('Navn på forløbet').fill(`Cirklen ${size.name}`);
    await page.getByLabel('Sted').fill('Sundhedshuset');
    await page.getByRole('button', { name: 'Gem' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Cirklen ${size.name}` })).toBeVisible();
    await page.getByRole('button', { name: 'Ny session' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Session 1' })).toBeVisible();
    await page.getByRole('button', { name: /Kapitel 1:/ }).click();
    await page.getByRole('textbox', { name: 'Procesnotat for gruppen' }).fill('Rolig start; alle fik ordet.');
    await page.getByLabel('Afvigelser fra manualen').fill('Startede 10 minutter senere.');
    await page.waitForTimeout(800);
    await shot(page, size.name, '6-cosp-session-typed');
    await app.reload();
    await expect(page.getByRole('button', { name: /Kapitel 1:/ })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('textbox', { name: 'Procesnotat for gruppen' })).toHaveValue(
      'Rolig start; alle fik ordet.',
    );
    await expect(page.getByLabel('Afvigelser fra manualen')).toHaveValue('Startede 10 minutter senere.');

    // Back online: everything reaches the server.
    await app.goOnline();
    await app.syncNow();
    await app.expectAllSynced();
    await context.close();
  });
}
