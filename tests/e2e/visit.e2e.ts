/**
 * Nothing typed is lost: half a 1½-year visit filled in offline survives a reload and a crashed
 * page; signing makes it final and completes the planned contact; it syncs and a second tablet
 * sees the signed visit. Journal notes are signed and then only corrected, the original kept.
 */

import { AppPage, monthsAgo, newTablet, signJournalNote, VisitSections } from './pages/app.ts';
import { expect, test } from './support/fixtures.ts';

test('half a 1½-year visit offline survives reload and a crash, is signed, syncs and reaches a second tablet', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const a = await newTablet(browser, 'mette');
  await a.app.goOffline();
  await a.app.goto('/familier/ny');
  await a.page.getByLabel('Familiens navn').fill('Familien Besøg');
  await a.page.getByLabel('Inkluderet i forløbet').fill(monthsAgo(12));
  await a.page.getByRole('button', { name: 'Gem' }).click();
  await a.app.addChild({ firstName: 'Vera', birthDate: monthsAgo(18), sex: 'Pige' });
  await a.page.getByRole('link', { name: 'Vera', exact: true }).click();
  await a.page.getByRole('link', { name: 'Start besøg: 1½-års besøg' }).click();
  await expect(a.page.getByRole('heading', { level: 1, name: '1½-års besøg: Vera' })).toBeVisible();

  // Half the visit, typed with no network.
  await a.page.getByLabel('Start', { exact: true }).fill('09:30');
  await a.page.getByLabel('Døgnhjul').check();
  await a.page.getByLabel('Søvn').check();
  await a.page.getByLabel('Sprog', { exact: true }).check();
  await a.page.getByLabel('Aftaler').fill('Mor prøver fast puttetid kl. 19.');
  await a.page.getByRole('button', { name: 'Tilføj deltager' }).click();
  await a.page.getByLabel('Navn').last().fill('Lise (pædagog)');
  await expect(a.page.getByText(/Kladde gemt på enheden/)).toBeVisible();

  // Measurements, with the percentile computed as they are typed (WHO tables load offline).
  await a.page.getByLabel('Vægt (gram)').fill('10800');
  await expect(a.page.getByText(/Percentil \d+ \(z /).first()).toBeVisible();
  await a.page.getByLabel('Længde/højde (cm)').fill('81');
  await a.page.getByLabel('Målt', { exact: true }).selectOption('liggende');
  await a.page.getByLabel('Hovedomfang (cm)').fill('46,5');
  await a.page.getByRole('button', { name: 'Gem målinger' }).click();
  await expect(a.page.getByText('Målingerne er gemt.')).toBeVisible();
  await expect(a.page.getByRole('img', { name: /Vægt for alder: percentilkurver.*med 1 målinger/ })).toBeVisible();
  // A corrected weight typed but not yet saved is kept too.
  await a.page.getByLabel('Vægt (gram)').fill('10850');
  await a.page.waitForTimeout(800);
  const visitUrl = a.page.url();

  await a.app.reload();
  await expect(a.page.getByText('Din kladde er hentet frem – intet er tabt.')).toBeVisible();
  await expect(a.page.getByLabel('Aftaler')).toHaveValue('Mor prøver fast puttetid kl. 19.');
  await expect(a.page.getByLabel('Søvn')).toBeChecked();
  await expect(a.page.getByLabel('Vægt (gram)')).toHaveValue('10850');

  // A crash: the page dies without any goodbye; a new page opens the visit again.
  await a.page.getByLabel('Noter om emnerne').fill('Søvn drøftet grundigt');
  await expect(a.page.getByText(/Kladde gemt på enheden/)).toBeVisible();
  await a.page.waitForTimeout(800);
  await a.page.close({ runBeforeUnload: false });
  const page2 = await a.context.newPage();
  const second = new AppPage(page2);
  await second.load(visitUrl);
  await expect(page2.getByLabel('Noter om emnerne')).toHaveValue('Søvn drøftet grundigt');
  await expect(page2.getByLabel('Start', { exact: true })).toHaveValue('09:30');
  await expect(page2.getByLabel('Døgnhjul')).toBeChecked();
  await expect(page2.getByLabel('Navn').last()).toHaveValue('Lise (pædagog)');
  await expect(page2.getByLabel('Hovedomfang (cm)')).toHaveValue('46,5');

  // Signing needs an end time and the sections the 1½-year visit requires: said inline, nothing lost.
  await page2.getByRole('button', { name: 'Underskriv besøget' }).click();
  await expect(page2.getByText('Skal udfyldes.', { exact: true })).toBeVisible();
  const blocked = page2.getByRole('alert').filter({ hasText: 'Besøget kan ikke underskrives endnu' });
  await expect(blocked).toContainText('Målinger har ændringer, der ikke er gemt');
  await expect(blocked).toContainText('Vurderinger mangler');
  await expect(blocked).toContainText('Ernæring mangler');
  await expect(blocked).toContainText('Tobaksrøg i hjemmet mangler');
  const sections = new VisitSections(page2);
  await sections.section('Målinger').getByRole('button', { name: 'Gem målinger' }).click();
  await expect(page2.getByText('Målingerne er gemt.')).toBeVisible();
  for (const area of ['Social kontakt', 'Forælder-barn-relation', 'Forælders psykiske tilstand', 'Netværk']) {
    await sections.choose('Vurderinger', area, 'Normal');
  }
  await sections.choose('Vurderinger', 'Søvn', 'Let bekymring');
  await sections.section('Vurderinger').getByLabel('Uddybning').fill('Vågner mange gange om natten.');
  await sections.section('Vurderinger').getByRole('button', { name: 'Gem vurderinger' }).click();
  // Five areas left: each needs a level or the reason it was not assessed.
  await expect(sections.section('Vurderinger').getByText('Afsnittet er ikke gemt')).toBeVisible();
  for (const area of ['Kommunikation/sprog', 'Motorik', 'Ernæring', 'Passiv rygning']) {
    await sections.choose('Vurderinger', area, 'Normal');
  }
  await sections.section('Vurderinger').getByLabel('Ikke oplyst, fordi').nth(3).selectOption('Ukendt');
  await sections.save('Vurderinger', 'Gem vurderinger');
  await sections.choose('Ernæring', 'Ernæring', 'Udelukkende familiens mad');
  await sections.save('Ernæring', 'Gem ernæring');
  await sections.choose('Tobaksrøg i hjemmet', 'Ryger nogen indendørs i hjemmet mindst ugentligt?', 'Nej');
  await sections.save('Tobaksrøg i hjemmet', 'Gem tobaksrøg');
  await page2.getByLabel('Slut', { exact: true }).fill('10:45');
  await page2.getByRole('button', { name: 'Underskriv besøget' }).click();
  await expect(page2.getByText('Besøget er underskrevet og kan ikke ændres.')).toBeVisible();

  // A journal note on the visit, signed, then corrected.
  await signJournalNote(page2.getByRole('region', { name: 'Journal' }), 'Vera virker tryg og nysgerrig.');
  await page2.getByRole('button', { name: 'Tilføj rettelse' }).click();
  const correction = page2.getByRole('group', { name: 'Tilføj rettelse' });
  await correction.getByLabel('Rettelse', { exact: true }).fill('Vera virker tryg, nysgerrig og glad.');
  await correction.getByLabel('Årsag til rettelsen').fill('Præcisering');
  await correction.getByRole('button', { name: 'Underskriv notat' }).click();
  // Signed when the form closes (until then its field holds the text too).
  await expect(correction).toHaveCount(0);
  await expect(page2.getByText('Vera virker tryg, nysgerrig og glad.')).toBeVisible();
  await expect(page2.getByText('Vera virker tryg og nysgerrig.')).toBeVisible();

  // The planned contact is done.
  await page2.getByRole('link', { name: 'Vera', exact: true }).first().click();
  await expect(page2.getByRole('cell', { name: /Gennemført/ })).toBeVisible();

  await a.context.setOffline(false);
  const synced = new AppPage(page2);
  await synced.syncNow();
  await synced.expectAllSynced();

  const b = await newTablet(browser, 'hanne');
  await b.app.syncNow();
  await b.app.goto(visitUrl);
  await expect(b.page.getByText('Besøget er underskrevet og kan ikke ændres.')).toBeVisible();
  await expect(b.page.getByText('Mor prøver fast puttetid kl. 19.')).toBeVisible();
  await expect(b.page.getByText('Vera virker tryg, nysgerrig og glad.')).toBeVisible();
  await a.context.close();
  await b.context.close();
});

test('a visit drafted on two tablets of one nurse: the second resumes the first one’s draft, and neither conflicts; a colleague only reads it', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const a = await newTablet(browser, 'mette');
  await a.app.goto('/familier');
  await a.app.createFamily({ name: 'Familien Tokladde' });
  await a.app.addChild({ firstName: 'Ib', birthDate: monthsAgo(2), sex: 'Dreng' });
  await a.page.getByRole('link', { name: 'Ib', exact: true }).click();
  await a.page.getByRole('link', { name: 'Nyt besøg uden plan' }).click();
  await a.page.getByLabel('Aftaler').fill('Vejning om en uge.');
  await expect(a.page.getByText(/Kladde gemt på enheden/)).toBeVisible();
  const visitUrl = a.page.url();
  await a.app.syncNow();
  await a.app.expectAllSynced();

  // A colleague reads the draft but cannot edit or sign it (only its author does; the server refuses others).
  const colleague = await newTablet(browser, 'hanne');
  await colleague.app.syncNow();
  await colleague.app.goto(visitUrl);
  await expect(colleague.page.getByText(/Kladde af Mette Sundhedsplejerske – kun forfatteren/)).toBeVisible();
  await expect(colleague.page.getByRole('button', { name: 'Underskriv besøget' })).toHaveCount(0);
  await colleague.context.close();

  // The same nurse's second tablet resumes her draft.
  const b = await newTablet(browser, 'mette');
  await b.app.syncNow();
  await b.app.goto(visitUrl);
  await expect(b.page.getByText('Kladden fra en anden enhed er hentet frem')).toBeVisible();
  await expect(b.page.getByLabel('Aftaler')).toHaveValue('Vejning om en uge.');
  await b.page.getByLabel('Aftaler').fill('Vejning om en uge. Ring til mor fredag.');
  await expect(b.page.getByText(/Kladde gemt på enheden/)).toBeVisible();
  await b.app.syncNow();
  await b.app.expectAllSynced();

  // Tablet A keeps typing in its own draft: no conflict on either tablet.
  await a.page.getByLabel('Noter om emnerne').fill('Amning drøftet.');
  await a.page.waitForTimeout(800);
  await a.app.syncNow();
  await a.app.expectAllSynced();
  await b.app.syncNow();
  await b.app.expectAllSynced();
  await a.app.goto('/kraever-handling');
  await expect(a.page.getByText('Intet kræver handling.')).toBeVisible();
  await a.context.close();
  await b.context.close();
});
