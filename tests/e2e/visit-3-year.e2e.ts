/**
 * A complete 3-year visit offline on a tablet: the template's required sections (measurements,
 * assessments, feeding, tobacco smoke and the reported language assessment) hold the signature
 * back until each is saved, a section typed but not saved survives a reload, signing makes every
 * section read-only, and the A4 summary prints what was recorded. axe finds no violations. At both
 * tablet orientations (a child of its own each: the same name and birth date would be a duplicate).
 */
import AxeBuilder from '@axe-core/playwright';
import { monthsAgo, newTablet, VisitSections } from './pages/app.ts';
import { expect, test } from './support/fixtures.ts';

for (const size of [
  { width: 1024, height: 768, child: 'Alma' },
  { width: 768, height: 1024, child: 'Asta' },
]) {
  test(`a 3-year visit offline: required sections, a section draft survives reload, sign, print (${size.width}×${size.height})`, async ({
    browser,
  }) => {
    test.setTimeout(150_000);
    const { app, page, context } = await newTablet(browser, 'hanne');
    await page.setViewportSize({ width: size.width, height: size.height });
    await app.goOffline();
    await app.goto('/familier/ny');
    await page.getByLabel('Familiens navn').fill(`Familien Treår ${size.width}`);
    await page.getByLabel('Inkluderet i forløbet').fill(monthsAgo(30));
    await page.getByRole('button', { name: 'Gem' }).click();
    await app.addChild({ firstName: size.child, birthDate: monthsAgo(36), sex: 'Pige' });
    await page.getByRole('link', { name: size.child, exact: true }).click();
    await page.getByRole('link', { name: 'Start besøg: 3-års besøg' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `3-års besøg: ${size.child}` })).toBeVisible();
    const sections = new VisitSections(page);

    await page.getByLabel('Start', { exact: true }).fill('13:00');
    await page.getByLabel('Slut', { exact: true }).fill('14:10');
    await page.getByRole('button', { name: 'Underskriv besøget' }).click();
    const blocked = page.getByRole('alert').filter({ hasText: 'Besøget kan ikke underskrives endnu' });
    for (const missing of ['Målinger', 'Vurderinger', 'Ernæring', 'Tobaksrøg i hjemmet', 'Sprogvurdering (3 år)']) {
      await expect(blocked).toContainText(`${missing} mangler`);
    }

    // Measurements: standing height; the head was not measured, with the reason.
    await page.getByLabel('Vægt (gram)').fill('14200');
    await page.getByLabel('Længde/højde (cm)').fill('96');
    await page.getByLabel('Målt', { exact: true }).selectOption('staaende');
    await sections.section('Målinger').getByLabel('Ikke målt, fordi').nth(2).selectOption('Ikke målt');
    await sections.section('Målinger').getByRole('button', { name: 'Gem målinger' }).click();
    await expect(page.getByText('Målingerne er gemt.')).toBeVisible();

    for (const area of [
      'Social kontakt',
      'Forælder-barn-relation',
      'Forælders psykiske tilstand',
      'Forælders sårbarhed',
      'Netværk',
      'Søvn',
      'Motorik',
      'Ernæring',
      'Passiv rygning',
    ]) {
      await sections.choose('Vurderinger', area, 'Normal');
    }
    await sections.choose('Vurderinger', 'Kommunikation/sprog', 'Problem');
    await sections.section('Vurderinger').getByLabel('Uddybning').fill('Få ord; henvist til audiologisk undersøgelse.');
    await sections.save('Vurderinger', 'Gem vurderinger');

    await sections.choose('Ernæring', 'Ernæring', 'Udelukkende familiens mad');
    await sections.save('Ernæring', 'Gem ernæring');

    // Tobacco: "yes" needs who smokes.
    await sections.choose('Tobaksrøg i hjemmet', 'Ryger nogen indendørs i hjemmet mindst ugentligt?', 'Ja');
    await sections.section('Tobaksrøg i hjemmet').getByRole('button', { name: 'Gem tobaksrøg' }).click();
    await expect(sections.section('Tobaksrøg i hjemmet').getByText('Skal udfyldes.')).toBeVisible();
    await sections.section('Tobaksrøg i hjemmet').getByLabel('Far').check();
    await sections.save('Tobaksrøg i hjemmet', 'Gem tobaksrøg');

    await sections.choose('TOPI', 'Vurdering', 'Gul');
    await sections.save('TOPI', 'Gem TOPI');

    // The language section typed but not saved: kept as a draft through a reload, and it blocks signing.
    await sections.choose('Sprogvurdering', 'Er sprogvurderingen lavet?', 'Ja');
    await sections.choose('Sprogvurdering', 'Resultat', 'Fokuseret indsats');
    await sections.choose('Sprogvurdering', 'Oplyst af', 'Forældrene');
    await page.waitForTimeout(800);
    await app.reload();
    const language = sections.section('Sprogvurdering');
    await expect(language.getByRole('group', { name: 'Resultat' }).getByLabel('Fokuseret indsats')).toBeChecked();
    await expect(language.getByRole('group', { name: 'Oplyst af' }).getByLabel('Forældrene')).toBeChecked();
    await page.getByRole('button', { name: 'Underskriv besøget' }).click();
    await expect(blocked).toContainText('Sprogvurdering (3 år) har ændringer, der ikke er gemt');
    await expect(blocked).not.toContainText('Vurderinger mangler');
    await sections.save('Sprogvurdering', 'Gem sprogvurdering');

    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);

    await page.getByRole('button', { name: 'Underskriv besøget' }).click();
    await expect(page.getByText('Besøget er underskrevet og kan ikke ændres.')).toBeVisible();
    await page.screenshot({ path: `screenshots/walk-3-year-${size.width}x${size.height}-signed.png` });
    await expect(
      language.getByRole('group', { name: 'Resultat' }).getByLabel('Fokuseret indsats', { exact: true }),
    ).toBeDisabled();
    await expect(sections.section('Vurderinger').getByRole('button', { name: 'Gem vurderinger' })).toHaveCount(0);

    // A slip found after signing: the weight is corrected with a reason; the original is kept.
    const measurements = sections.section('Målinger');
    await measurements.getByRole('button', { name: 'Ret afsnittet' }).click();
    await measurements.getByLabel('Vægt (gram)').fill('14250');
    await measurements.getByRole('button', { name: 'Underskriv rettelse' }).click();
    await expect(measurements.getByText('Skal udfyldes.')).toBeVisible();
    await measurements.getByLabel('Årsag til rettelsen').fill('Tastefejl');
    await measurements.getByRole('button', { name: 'Underskriv rettelse' }).click();
    await expect(measurements.getByText(/Rettet af Hanne .*: Tastefejl/)).toBeVisible();
    await expect(measurements.getByLabel('Vægt (gram)')).toHaveValue('14250');
    await expect(measurements.getByLabel('Vægt (gram)')).toBeDisabled();

    // The A4 summary, offline.
    await page.getByRole('link', { name: 'Resumé til udskrift' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Besøgsresumé: ${size.child}` })).toBeVisible();
    const summary = (name: string) => page.getByRole('region', { name, exact: true });
    await expect(summary('Vurderinger').getByRole('row', { name: /Kommunikation\/sprog/ })).toContainText(
      'Få ord; henvist til audiologisk undersøgelse. – Problem',
    );
    await expect(summary('Målinger').getByRole('row', { name: /Hovedomfang/ })).toContainText('Ikke målt');
    await expect(summary('Sprogvurdering (3 år)')).toContainText('Fokuseret indsats');
    await expect(summary('Tobaksrøg i hjemmet')).toContainText('Far');
    await expect(summary('Besøget')).toContainText('Underskrevet');
    await expect(summary('Målinger').getByRole('row', { name: /Vægt/ })).toContainText('14.250');
    await expect(summary('Målinger').getByRole('row', { name: /Årsag til rettelsen/ })).toContainText('Tastefejl');
    await expect(summary('Målinger (som først registreret)').getByRole('row', { name: /Vægt/ })).toContainText(
      '14.200',
    );
    const printAxe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(printAxe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: 'Udskriv' })).toBeHidden();
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    await context.close();
  });
}
