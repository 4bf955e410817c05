/**
 * Instruments at a visit: scores are computed, never typed. An EPDS with a total of only 1 but an
 * answer above 0 on item 10 still raises the follow-up prompt; an ADBB at the cut-off offers the
 * follow-up visit within 1–2 weeks, which lands in the child's plan.
 */

import { AppPage, monthsAgo } from './pages/app.ts';
import { expect, test } from './support/fixtures.ts';

test('EPDS item 10 always prompts; an ADBB at the cut-off plans a follow-up visit', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('/familier', 'hanne');
  await app.createFamily({ name: 'Familien Skala' });
  await page.getByRole('link', { name: 'Tilføj omsorgsperson' }).click();
  await page.getByLabel('Navn').fill('Sara Skala');
  await page.getByRole('button', { name: 'Gem' }).click();
  await app.addChild({ firstName: 'Otto', birthDate: monthsAgo(4), sex: 'Dreng' });
  await page.getByRole('link', { name: 'Otto', exact: true }).click();
  await page.getByRole('link', { name: 'Nyt besøg uden plan' }).click();
  await expect(page.getByRole('heading', { name: 'EPDS – forælderens trivsel' })).toBeVisible();

  const epds = page.getByRole('region', { name: 'EPDS – forælderens trivsel' });
  const answer = async (item: string, option: string) =>
    epds.getByRole('group', { name: item }).getByLabel(option, { exact: true }).check();
  for (const item of ['1. Grine og se det sjove', '2. Glæde sig til ting', '4. Ængstelig eller bekymret']) {
    await answer(item, '1. svar');
  }
  // Answers are kept as they are tapped: a reload loses none of them.
  await page.waitForTimeout(800);
  await app.reload();
  await expect(
    epds.getByRole('group', { name: '4. Ængstelig eller bekymret' }).getByLabel('1. svar', { exact: true }),
  ).toBeChecked();
  for (const item of [
    '3. Bebrejde sig selv',
    '5. Bange eller panisk',
    '6. Ting vokser en over hovedet',
    '7. Sover dårligt af ulykkelighed',
    '8. Trist eller elendig',
    '9. Græder af ulykkelighed',
  ]) {
    await answer(item, '4. svar');
  }
  await expect(epds.getByText('Mangler svar på spørgsmål 10')).toBeVisible();
  await answer('10. Tanker om at skade sig selv', '3. svar');
  await expect(epds.getByText('Score 1 af 30 (grænseværdi 11)')).toBeVisible();
  await expect(epds.getByRole('alert')).toContainText('tal med forælderen om tanker om selvskade nu');
  await epds.getByRole('button', { name: 'Gem EPDS' }).click();
  await expect(epds.getByText('EPDS er gemt.')).toBeVisible();

  const adbb = page.getByRole('region', { name: 'ADBB – barnets tilbagetrækning' });
  for (let item = 1; item <= 8; item++) {
    await adbb
      .getByRole('group', { name: new RegExp(`^${item}\\. `) })
      .getByLabel('1', { exact: true })
      .check();
  }
  await expect(adbb.getByText('Score 8 af 32 (grænseværdi 5)')).toBeVisible();
  await expect(adbb.getByText('Ved eller over grænseværdien: et opfølgende besøg inden for 1–2 uger.')).toBeVisible();
  await adbb.getByRole('button', { name: 'Gem ADBB' }).click();
  await adbb.getByRole('button', { name: /Planlæg opfølgende besøg/ }).click();
  await expect(adbb.getByText('Det opfølgende besøg er lagt i besøgsplanen.')).toBeVisible();

  await app.reload();
  // The saved response is listed with its parent above the form, which reopens on that parent.
  await expect(
    epds.getByRole('article', { name: /Sara Skala/ }).getByText('Score 1 af 30 (grænseværdi 11)'),
  ).toBeVisible();
  await expect(epds.getByLabel('Forælder')).toHaveValue(/.+/);
  await page.getByRole('link', { name: 'Otto', exact: true }).first().click();
  await expect(page.getByRole('rowheader', { name: /Behovsbesøg/ })).toBeVisible();
});
