/**
 * "Mine besøg" as a nurse reads it: a visit's "Frist" is the last day it is on time (the window's
 * end, or the agreed day), so nothing under "Denne uge" has a deadline already passed; an item
 * opens the visit itself (started from the planned contact, continued when a draft exists); the
 * nurse filter lists the team's nurses the device knows, also those with no visits yet.
 */
import { AppPage, monthsAgo } from './pages/app.ts';
import { VisitPage } from './pages/visit-page.ts';
import { WorklistPage } from './pages/worklist-page.ts';
import { expect, test } from './support/fixtures.ts';

test('a 1½-year visit past its target shows its real deadline, opens the visit, and the filter lists every nurse', async ({
  page,
}) => {
  const app = new AppPage(page);
  const visit = new VisitPage(page);
  const worklist = new WorklistPage(page);
  await app.open('/familier', 'hanne');
  await app.createFamily({ name: 'Familien Vikar', tovholder: 'Else Vikar' });
  await visit.newChild(app, 'Familien Frist', { firstName: 'Oda', birthDate: monthsAgo(19) }, { included: true });

  await worklist.open();
  const item = worklist.item('Denne uge', 'Oda');
  await expect(item).toContainText('1½-års besøg');
  // The deadline is the window's end, which lies ahead; the passed target is shown as the target.
  const text = (await item.textContent()) ?? '';
  const shown = /Frist (.+?) \(mål .+? · vindue .+? – (.+?)\)/.exec(text);
  expect(shown, text).not.toBeNull();
  expect(shown?.[1]).toBe(shown?.[2]);

  await worklist.openVisit('Denne uge', 'Oda');
  await expect(page.getByRole('heading', { level: 1, name: '1½-års besøg: Oda' })).toBeVisible();
  await page.getByLabel('Aftaler').fill('Ring fredag.');
  await expect(page.getByText(/Kladde gemt på enheden/)).toBeVisible();
  const visitUrl = page.url();

  await worklist.open();
  await expect(worklist.item('Denne uge', 'Oda')).toContainText('Kladde');
  await worklist.openVisit('Denne uge', 'Oda', 'fortsæt');
  await expect(page.getByLabel('Aftaler')).toHaveValue('Ring fredag.');
  expect(page.url()).toBe(visitUrl);

  await worklist.open();
  await worklist.childPage('Denne uge', 'Oda').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Oda' })).toBeVisible();

  await worklist.open();
  await expect(worklist.nurseFilter.getByRole('option', { name: 'Else Vikar' })).toHaveCount(1);
  await worklist.nurseFilter.selectOption({ label: 'Else Vikar' });
  await expect(worklist.bucket('Denne uge').getByText('Ingen besøg her.')).toBeVisible();
});
