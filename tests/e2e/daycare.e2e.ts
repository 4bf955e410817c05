/**
 * Cooperation with daycare, offline on a tablet (issue 16): a child linked to an institution gets a
 * handover due in its plan and in "Mine besøg"; the handover flow stops without consent (with the
 * link to register it), goes through once the consent is registered, is signed and printed as an A4
 * letter without CPR, and stands in the family's disclosure log — also after the consent is
 * withdrawn, which blocks an addition. A meeting in daycare under the barnets lov exception needs
 * its justification; a talk in daycare warns about a child's name. A colleague's tablet sees it all.
 * axe finds no violations on the new screens; screenshots go to screenshots/daycare/.
 */
import { monthsAgo, newTablet } from './pages/app.ts';
import { DaycarePages, daysFromNow, expectNoAxeViolations, screenshots } from './pages/daycare.ts';
import { expect, test } from './support/fixtures.ts';

test('a handover from a refused start to consent, signed letter and disclosure log, offline; a colleague sees it', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const tag = String(Date.now()).slice(-5);
  const place = `Solsikken ${tag}`;
  const familyName = `Familien Overlevering ${tag}`;
  const { app, page, context } = await newTablet(browser, 'mette');
  const daycare = new DaycarePages(page);
  await app.goOffline();

  await daycare.addInstitution(place, 'Lise Holm');
  await expectNoAxeViolations(page);
  await screenshots(page, 'daycare-page');
  await app.goto('/familier');
  await app.createFamily({ name: familyName });
  await daycare.addCaregiver('Sara Jensen');
  await app.addChild({ firstName: 'Alma', birthDate: monthsAgo(11), sex: 'Pige', cpr: '' });
  await daycare.linkChildcare('Alma', place, daysFromNow(20));

  // The handover is due in the child's plan and on its timeline, and in "Mine besøg".
  const plan = page.getByRole('region', { name: 'Besøgsplan' });
  await expect(plan.getByRole('rowheader', { name: /Overlevering til dagtilbud/ })).toBeVisible();
  await expect(daycare.cooperation).toContainText(`Overlevering til ${place} bør ske fra`);
  const childUrl = page.url();
  await app.goto('/besoeg');
  await expect(
    page.getByRole('listitem').filter({ hasText: 'Alma' }).filter({ hasText: 'Overlevering til dagtilbud' }),
  ).toBeVisible();
  await app.goto(childUrl);

  // The flow: recipient, then the legal basis stops it — no consent yet.
  await plan.getByRole('link', { name: 'Start besøg: Overlevering til dagtilbud' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Overlevering: Alma' })).toBeVisible();
  await expect(page.getByLabel('Dagtilbud', { exact: true })).toHaveValue(/.+/);
  await expect(page.getByLabel('Modtager (kontaktperson)')).toHaveValue('Lise Holm');
  await page.getByLabel('Form').selectOption('overleveringsmoede');
  await expectNoAxeViolations(page);
  await screenshots(page, 'handover-recipient');
  await daycare.next();
  const stop = daycare.legalBasis.getByRole('alert');
  await expect(stop).toContainText('Der er ikke registreret samtykke til videregivelse til dagtilbud');
  await expect(stop).toContainText('sundhedsloven § 43');
  await expect(daycare.legalBasis.getByLabel('Med forældrenes samtykke')).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Næste' })).toBeDisabled();
  // An exception without a justification does not open the way either.
  await daycare.legalBasis.getByLabel('Undtagelse fra samtykkekravet').check();
  await daycare.legalBasis.getByLabel('Undtagelse', { exact: true }).selectOption('sundhedsloven-43-stk-2');
  await expect(page.getByRole('button', { name: 'Næste' })).toBeDisabled();
  await expectNoAxeViolations(page);
  await screenshots(page, 'handover-refused');

  // The consent is registered from the flow and the nurse comes back to it.
  await daycare.registerConsent('Sara Jensen');
  await expect(page.getByRole('heading', { level: 1, name: 'Overlevering: Alma' })).toBeVisible();
  await daycare.next();
  await expect(daycare.legalBasis).toContainText('Forældrenes samtykke til videregivelse til dagtilbud er givet');
  await daycare.legalBasis.getByLabel('Med forældrenes samtykke').check();
  await daycare.next();

  await page.getByLabel('Søvn og rytme').check();
  await page.getByLabel('Tekst til Søvn og rytme').fill('Sover middagslur ca. kl. 12 i barnevogn.');
  await page.getByLabel('Sprog', { exact: true }).check();
  await page.getByLabel('Tekst til Sprog').fill('Siger enkelte ord; forældrene læser højt hver aften.');
  await expect(page.getByText('Testresultater videregives kun med et samtykke')).toBeVisible();
  await screenshots(page, 'handover-content');
  await daycare.next();

  const preview = page.getByRole('region', { name: 'Det videregives' });
  await expect(preview).toContainText(place);
  await expect(preview).toContainText('Sover middagslur ca. kl. 12 i barnevogn.');
  await page.getByRole('button', { name: 'Underskriv overlevering' }).click();
  await expect(page.getByRole('alert')).toContainText('Forældrene skal have bekræftet indholdet.');
  await page.getByLabel('Forældrene har set og er enige i, hvad der videregives').check();
  await page.getByLabel('Bekræftet af').fill('Sara Jensen (mor)');
  await expectNoAxeViolations(page);
  await screenshots(page, 'handover-confirm');
  await page.getByRole('button', { name: 'Underskriv overlevering' }).click();
  await expect(page.getByText('Overleveringen er underskrevet og kan ikke ændres.')).toBeVisible();
  await expect(page.getByText('Underskrevet af Mette Sundhedsplejerske')).toBeVisible();
  const handoverUrl = page.url();

  // The A4 letter: only what was shared, no CPR.
  await page.getByRole('link', { name: 'Brev til udskrift' }).click();
  await expect(page.getByRole('heading', { level: 2, name: `Overlevering til ${place}` })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Søvn og rytme' })).toContainText('Sover middagslur');
  await expect(page.getByRole('region', { name: 'Sprog' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Mad' })).toHaveCount(0);
  await expect(page.getByText('CPR-nummer')).toHaveCount(0);
  await expect(page.getByText('Videregivet med forældrenes samtykke af')).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, 'handover-letter');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Udskriv / gem som PDF' })).toBeHidden();
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.byteLength).toBeGreaterThan(10_000);
  await page.emulateMedia({ media: 'screen' });

  // The plan's handover is done, and the family page logs the disclosure.
  await app.goto(childUrl);
  await expect(plan.getByRole('row', { name: /Overlevering til dagtilbud/ })).toContainText('Gennemført');
  await expect(daycare.cooperation).toContainText(`Overleveret til ${place}.`);
  await expect(page.getByRole('region', { name: 'Journal' })).toContainText('Overlevering (overleveringsmøde)');
  await expectNoAxeViolations(page);
  await screenshots(page, 'child-cooperation');
  await page.getByRole('link', { name: familyName }).first().click();
  const log = page.getByRole('region', { name: 'Videregivet til dagtilbud og samarbejdspartnere' });
  await expect(log).toContainText(`Videregivet til ${place}, Lise Holm af Mette Sundhedsplejerske`);
  await expect(log).toContainText('Afsnit: Søvn og rytme, Sprog');

  // The consent is withdrawn today: the disclosure stays, marked; nothing new may be added.
  await daycare.withdrawConsent('Videregivelse til dagtilbud');
  await expect(log).toContainText('Samtykket er tilbagekaldt');
  await expectNoAxeViolations(page);
  await screenshots(page, 'family-disclosure-log');
  await app.goto(handoverUrl);
  await page.getByRole('button', { name: 'Tilføj til overleveringen' }).click();
  await page.getByLabel('Tilføjelse', { exact: true }).fill('Allergi over for nødder.');
  await page.getByLabel('Årsag til tilføjelsen').fill('Glemt ved mødet');
  await page.getByRole('button', { name: 'Underskriv tilføjelse' }).click();
  await expect(page.getByRole('alert')).toContainText('Samtykket er tilbagekaldt.');

  // Online again: everything syncs and the colleague's tablet shows the same.
  await app.goOnline();
  await app.expectAllSynced();
  const colleague = await newTablet(browser, 'hanne');
  await colleague.app.syncNow();
  await colleague.app.goto(handoverUrl);
  await expect(colleague.page.getByText('Overleveringen er underskrevet og kan ikke ændres.')).toBeVisible();
  await expect(colleague.page.getByText('Sover middagslur ca. kl. 12 i barnevogn.')).toBeVisible();
  await colleague.app.goto(childUrl.replace(/\/boern\/.*/, ''));
  await expect(
    colleague.page.getByRole('region', { name: 'Videregivet til dagtilbud og samarbejdspartnere' }),
  ).toContainText('Samtykket er tilbagekaldt');
  await colleague.context.close();
  await context.close();
});

test('a meeting in daycare under the barnets lov exception and a talk in daycare, offline; a colleague sees them', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const tag = String(Date.now()).slice(-5);
  const place = `Ørnereden ${tag}`;
  const { app, page, context } = await newTablet(browser, 'mette');
  const daycare = new DaycarePages(page);
  await app.goOffline();
  await daycare.addInstitution(place, 'Pia Krog');
  await app.goto('/familier');
  await app.createFamily({ name: `Familien Møde ${tag}` });
  await app.addChild({ firstName: `Viggo${tag}`, birthDate: monthsAgo(26), sex: 'Dreng' });
  await page.getByRole('link', { name: `Viggo${tag}`, exact: true }).click();
  const childUrl = page.url();

  // A meeting in daycare: its own form, not the measurement visit.
  await daycare.cooperation.getByRole('link', { name: 'Nyt møde i dagtilbud' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Møde i dagtilbud: Viggo${tag}` })).toBeVisible();
  await expect(page.getByText('Målinger')).toHaveCount(0);
  await page.getByLabel('Start', { exact: true }).fill('09:00');
  await page.getByLabel('Slut', { exact: true }).fill('09:45');
  await page.getByLabel('Dagtilbud', { exact: true }).selectOption({ label: place });
  await page.getByRole('button', { name: 'Tilføj fagperson' }).click();
  await page.getByLabel('Navn', { exact: true }).fill('Pia Krog');
  await page.getByLabel('Arbejdssted').fill(place);
  await page.getByLabel('Sprog', { exact: true }).check();
  await page.getByLabel('Aftaler').fill('Pædagogen laver sprogstimulering i hverdagen.');
  await page.getByLabel('Hvem følger op').fill('Pia Krog, pædagog');
  // No "tværfagligt møde" consent: the one-off exchange of barnets lov, which must be justified.
  await expect(daycare.legalBasis.getByRole('alert')).toContainText('samtykke til tværfagligt møde');
  await daycare.legalBasis.getByLabel('Undtagelse fra samtykkekravet').check();
  await daycare.legalBasis.getByLabel('Undtagelse', { exact: true }).selectOption('barnets-lov-tidlig-forebyggelse');
  await page.getByRole('button', { name: 'Underskriv mødet' }).click();
  await expect(page.getByText('Ret de markerede felter.')).toBeVisible();
  await expect(daycare.legalBasis.getByText('Skal udfyldes.')).toBeVisible();
  await daycare.legalBasis
    .getByLabel('Begrundelse')
    .fill('Enkeltstående drøftelse i det tidlige forebyggende samarbejde om sprog.');
  await expectNoAxeViolations(page);
  await screenshots(page, 'meeting-form');
  await page.getByRole('button', { name: 'Underskriv mødet' }).click();
  await expect(page.getByText('Mødet er underskrevet og kan ikke ændres.')).toBeVisible();
  await expect(page.getByText('Undtagelse: barnets lov (tidlig forebyggende indsats)')).toBeVisible();
  const meetingUrl = page.url();

  // On the child's page and in its journal; on the family's disclosure log.
  await app.goto(childUrl);
  await expect(daycare.cooperation.getByRole('link', { name: /Møde i dagtilbud/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Journal' })).toContainText('Pædagogen laver sprogstimulering');

  // A talk in daycare: no personal data; a child's name in the notes raises the warning.
  await daycare.openDaycare();
  await page.getByRole('link', { name: 'Nyt oplæg' }).click();
  await page.getByLabel('Sprog', { exact: true }).check();
  await page.getByLabel(place).check();
  await page.getByLabel('Antal deltagere').fill('14');
  await page.getByLabel('Varighed (minutter)').fill('60');
  await page.getByLabel('Pædagog', { exact: true }).check();
  await page.getByLabel('Noter').fill(`Godt spørgsmål om Viggo${tag} fra en pædagog.`);
  await expect(page.getByRole('alert')).toContainText('personoplysninger');
  await expectNoAxeViolations(page);
  await screenshots(page, 'talk-form');
  await page.getByLabel('Noter').fill('Gode spørgsmål om dialogisk læsning.');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByRole('button', { name: 'Gem' }).click();
  const talks = page.getByRole('region', { name: 'Oplæg og kompetenceforum' });
  await expect(talks).toContainText('Oplæg i dagtilbud: Sprog');
  await expect(talks).toContainText('14 deltagere');
  await screenshots(page, 'daycare-page-with-talk');

  await app.goOnline();
  await app.expectAllSynced();
  const colleague = await newTablet(browser, 'hanne');
  await colleague.app.syncNow();
  await colleague.app.goto(meetingUrl);
  await expect(colleague.page.getByText('Mødet er underskrevet og kan ikke ændres.')).toBeVisible();
  await expect(colleague.page.getByText('Pædagogen laver sprogstimulering i hverdagen.')).toBeVisible();
  await colleague.app.goto('/dagtilbud');
  await expect(colleague.page.getByRole('region', { name: 'Oplæg og kompetenceforum' })).toContainText('14 deltagere');
  await colleague.context.close();
  await context.close();
});
