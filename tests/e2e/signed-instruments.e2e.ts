/**
 * Nothing recorded is hidden (issue 15 point 1): a signed visit shows every EPDS that was recorded,
 * with the parent who answered, the score and the flags, whatever order the family's caregivers are
 * stored in; the print summary names the parent.
 */

import { AppPage, monthsAgo } from './pages/app.ts';
import { expect, test } from './support/fixtures.ts';

const answers: [string, string][] = [
  ['1. Grine og se det sjove', '3. svar'],
  ['2. Glæde sig til ting', '3. svar'],
  ['3. Bebrejde sig selv', '1. svar'],
  ['4. Ængstelig eller bekymret', '3. svar'],
  ['5. Bange eller panisk', '1. svar'],
  ['6. Ting vokser en over hovedet', '1. svar'],
  ['7. Sover dårligt af ulykkelighed', '3. svar'],
  ['8. Trist eller elendig', '4. svar'],
  ['9. Græder af ulykkelighed', '4. svar'],
  ['10. Tanker om at skade sig selv', '3. svar'],
];

test('a signed visit shows the EPDS of the parent who was screened, with score and self-harm prompt', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open('/familier', 'hanne');
  await app.createFamily({ name: 'Familien Rækkefølge' });
  // The father is stored first: the EPDS was given to the mother, the second caregiver.
  for (const [name, relation] of [
    ['Frederik Rækkefølge', 'Far'],
    ['Maja Rækkefølge', 'Mor'],
  ] as const) {
    await page.getByRole('link', { name: 'Tilføj omsorgsperson' }).click();
    await page.getByLabel('Navn').fill(name);
    await page.getByLabel('Relation').selectOption({ label: relation });
    await page.getByRole('button', { name: 'Gem' }).click();
    await expect(page.getByText(name)).toBeVisible();
  }
  await app.addChild({ firstName: 'Ida', birthDate: monthsAgo(2), sex: 'Pige' });
  await page.getByRole('link', { name: 'Ida', exact: true }).click();
  await page.getByRole('link', { name: 'Nyt besøg uden plan' }).click();

  const epds = page.getByRole('region', { name: 'EPDS – forælderens trivsel' });
  await epds.getByLabel('Forælder').selectOption({ label: 'Maja Rækkefølge' });
  for (const [item, option] of answers) {
    await epds.getByRole('group', { name: item }).getByLabel(option, { exact: true }).check();
  }
  await expect(epds.getByText('Score 17 af 30 (grænseværdi 11)')).toBeVisible();
  await epds.getByRole('button', { name: 'Gem EPDS' }).click();
  await expect(epds.getByText('EPDS er gemt.')).toBeVisible();

  await page.getByLabel('Start', { exact: true }).fill('09:00');
  await page.getByLabel('Slut', { exact: true }).fill('10:00');
  await page.getByRole('button', { name: 'Underskriv besøget' }).click();
  await expect(page.getByText('Underskrevet', { exact: true }).first()).toBeVisible();

  // After signing and a reload, the mother's screening is what the section shows.
  await app.reload();
  const result = epds.getByRole('article', { name: /Maja Rækkefølge/ });
  await expect(result).toBeVisible();
  await expect(result.getByText('Score 17 af 30 (grænseværdi 11)')).toBeVisible();
  await expect(result.getByRole('alert')).toContainText('tanker om selvskade');
  await expect(result.getByText(/Over grænseværdien/)).toBeVisible();
  await expect(epds.getByText(/Mangler svar på spørgsmål/)).toHaveCount(0);
  await expect(epds.getByText(/Frederik Rækkefølge: ikke screenet/)).toBeVisible();
  await expect(page.getByText('Ingen ADBB registreret ved besøget.')).toBeVisible();
  await epds.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'screenshots/epds-signed-1024x768.png' });

  // The print summary names the parent who answered.
  await page.getByRole('link', { name: 'Resumé til udskrift' }).click();
  const printed = page.getByRole('region', { name: /EPDS/ }).first();
  await expect(printed).toContainText('Maja Rækkefølge');
  await expect(printed).toContainText('17');
});
