/**
 * COS-P: a facilitator sets up a group course with six parents from the caseload (enrolment
 * needs their consent), runs session 1 offline — chapter, one tap per parent, group note, a
 * signed reflection — reloads, syncs, and a second facilitator's tablet sees it all.
 */
import type { APIRequestContext } from '@playwright/test';
import { AppPage } from './pages/app.ts';
import { expect, test } from './support/fixtures.ts';
import { E2E_PASSWORD } from './support/global-setup.ts';

const uuid = () => crypto.randomUUID();

/** Six families with a caregiver and consent to COS-P, and one without consent, via the API. */
async function seedCaseload(request: APIRequestContext, tag: string) {
  const login = await request.post('/api/auth/login', { data: { username: 'mette', password: E2E_PASSWORD } });
  const { token } = (await login.json()) as { token: string };
  const mutations: unknown[] = [];
  let clientSeq = 0;
  const add = (kind: string, data: Record<string, unknown>) => {
    const id = uuid();
    mutations.push({ mutationId: uuid(), clientSeq: ++clientSeq, kind, id, op: 'create', baseRev: 0, data });
    return id;
  };
  const parents: string[] = [];
  for (let i = 1; i <= 7; i++) {
    const familyId = add('family', { name: `Familien ${tag} ${i}` });
    const parent = `Forælder ${tag} ${i}`;
    add('caregiver', { familyId, name: parent, relation: i % 2 ? 'mor' : 'far' });
    if (i <= 6) {
      add('consent', { familyId, type: 'deltagelse-i-cos-p', givenBy: parent, form: 'skriftlig', date: '2026-01-05' });
    }
    parents.push(parent);
  }
  const push = await request.post('/api/sync/push', {
    headers: { authorization: `Bearer ${token}` },
    data: { deviceId: `seed-${tag}`, schemaVersion: 1, mutations },
  });
  expect(push.ok()).toBe(true);
  return parents;
}

test('a group session recorded offline reaches the second facilitator', async ({ browser, request }) => {
  test.setTimeout(180_000);
  const tag = String(Date.now()).slice(-5);
  const parents = await seedCaseload(request, tag);

  const a = new AppPage(await (await browser.newContext()).newPage());
  await a.installOffline('mette');
  await a.syncNow();
  await a.goto('/cosp');
  await a.page.getByRole('link', { name: 'Nyt forløb' }).click();
  await a.page.getByLabel('Navn på forløbet').fill(`Tryghedscirklen ${tag}`);
  await a.page.getByLabel('Sted').fill('Sundhedshuset, mødelokale 2');
  await a.page.getByLabel('Medfacilitatorer fra andre faggrupper').fill('Lise Holm – pædagog');
  await a.page.getByLabel('Kapitel 5').fill('Vejen til tryghed (kommunens titel)');
  await a.page.getByRole('button', { name: 'Gem' }).click();
  await expect(a.page.getByRole('heading', { level: 1, name: `Tryghedscirklen ${tag}` })).toBeVisible();

  const enrol = a.page.getByRole('group', { name: 'Tilmeld deltager' });
  for (let i = 1; i <= 7; i++) {
    await enrol.getByLabel('Familie').selectOption({ label: `Familien ${tag} ${i}` });
    await enrol.getByLabel('Omsorgsperson').selectOption({ label: parents[i - 1] ?? '' });
    await enrol.getByRole('button', { name: 'Tilmeld' }).click();
  }
  // The seventh family has not consented: refused, with the reason.
  await expect(
    enrol.getByText('Familien har ikke givet samtykke til deltagelse i COS-P.', { exact: false }),
  ).toBeVisible();
  const participants = a.page.getByRole('region', { name: 'Deltagere' });
  await expect(participants.getByRole('rowheader')).toHaveCount(6);

  // Session 1, in a meeting room without network.
  await a.goOffline();
  const started = Date.now();
  await a.page.getByRole('button', { name: 'Ny session' }).click();
  await expect(a.page.getByRole('heading', { level: 1, name: 'Session 1' })).toBeVisible();
  await a.page.getByRole('button', { name: /Kapitel 1:/ }).click();
  for (let i = 1; i <= 6; i++) {
    const row = a.page.getByRole('group', { name: parents[i - 1] ?? '' });
    await row.getByLabel(i === 6 ? 'Afbud' : 'Mødt').check();
  }
  const elapsed = Date.now() - started;
  expect(elapsed).toBeLessThan(60_000);
  await a.page
    .getByRole('textbox', { name: 'Procesnotat for gruppen' })
    .fill('God energi i gruppen; vi talte om hænderne på cirklen.');
  await a.page.getByLabel('Afvigelser fra manualen').click();
  const family1 = a.page.getByRole('region', { name: `Familien ${tag} 1`, exact: true });
  await family1
    .getByLabel(`Refleksioner pr. familie: Familien ${tag} 1`)
    .fill('Mor deltog aktivt og genkendte behovet for trøst.');
  await family1.getByRole('button', { name: 'Underskriv' }).click();
  await expect(a.page.getByText('Underskrevet af Mette Sundhedsplejerske')).toBeVisible();
  // Typed but not saved (no blur, no button): kept in drafts through a reload.
  const family2 = a.page.getByRole('region', { name: `Familien ${tag} 2`, exact: true });
  await family2.getByLabel(`Refleksioner pr. familie: Familien ${tag} 2`).fill('Far var med for første gang.');
  await a.page.getByLabel('Afvigelser fra manualen').fill('Kortere pause end planlagt.');
  await a.page.waitForTimeout(800);

  await a.reload();
  await expect(family2.getByLabel(`Refleksioner pr. familie: Familien ${tag} 2`)).toHaveValue(
    'Far var med for første gang.',
  );
  await expect(a.page.getByLabel('Afvigelser fra manualen')).toHaveValue('Kortere pause end planlagt.');
  await expect(a.page.getByRole('button', { name: /Kapitel 1:/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(a.page.getByRole('group', { name: parents[0] ?? '' }).getByLabel('Mødt')).toBeChecked();
  await expect(a.page.getByRole('group', { name: parents[5] ?? '' }).getByLabel('Afbud')).toBeChecked();
  await expect(a.page.getByRole('textbox', { name: 'Procesnotat for gruppen' })).toHaveValue(/God energi/);
  const sessionUrl = a.page.url();

  await a.goOnline();
  await a.expectAllSynced();

  const b = new AppPage(await (await browser.newContext()).newPage());
  await b.installOffline('hanne');
  await b.syncNow();
  await b.goto(sessionUrl);
  await expect(b.page.getByRole('heading', { level: 1, name: 'Session 1' })).toBeVisible();
  await expect(b.page.getByRole('button', { name: /Kapitel 1:/ })).toHaveAttribute('aria-pressed', 'true');
  for (let i = 1; i <= 5; i++) {
    await expect(b.page.getByRole('group', { name: parents[i - 1] ?? '' }).getByLabel('Mødt')).toBeChecked();
  }
  await expect(b.page.getByText('God energi i gruppen', { exact: false })).toBeVisible();
  await expect(b.page.getByText('Mor deltog aktivt og genkendte behovet for trøst.')).toBeVisible();
  await b.page.getByRole('link', { name: `Tryghedscirklen ${tag}` }).click();
  await expect(b.page.getByText('0 af 6 har gennemført (mindst 6 kapitler)')).toBeVisible();
  await expect(b.page.getByText('Gennemgået i session 1')).toBeVisible();
  await expect(b.page.getByText('Kapitel 5: Vejen til tryghed (kommunens titel)')).toBeVisible();

  // A participant drops out: the outcome needs a reason and its kind (counted in the evaluation).
  const sixth = `${parents[5]} (Familien ${tag} 6)`;
  await b.page.getByLabel(`Udfald: ${sixth}`).selectOption('frafaldet');
  await b.page.getByLabel(`Årsagstype: ${sixth}`).selectOption('flyttet');
  await b.page.getByLabel(`Årsag til frafald: ${sixth}`).fill('Familien er flyttet');
  await b.page.getByRole('button', { name: 'Gem' }).click();
  await expect(b.page.getByLabel(`Udfald: ${sixth}`)).toHaveValue('frafaldet');

  // The reflection is filed in the family's journal.
  await b.goto('/familier');
  await b.page.getByLabel('Søg efter familie').fill(`Familien ${tag} 1`);
  await b.page.getByRole('link', { name: `Familien ${tag} 1`, exact: true }).click();
  const journal = b.page.getByRole('region', { name: 'COS-P' });
  await expect(journal.getByText('Mor deltog aktivt og genkendte behovet for trøst.')).toBeVisible();
  await expect(journal.getByText('Underskrevet af Mette Sundhedsplejerske')).toBeVisible();
});
