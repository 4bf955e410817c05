/**
 * The journal as a nurse lives with it (issue 11 point 4, issue 15 points 3 and 4): the child's
 * journal lists the notes of its visits and the family's notes; a note being typed survives a
 * reload and leaving the page asks first; a colleague corrects a signed note from her own tablet and
 * both see the original and the correction; an archived family still shows its journal, read-only.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { AppPage, monthsAgo, newTablet, signJournalNote } from './pages/app.ts';
import { expect, test } from './support/fixtures.ts';
import { E2E_PASSWORD } from './support/global-setup.ts';

async function familyWithChild(app: AppPage, name: string, child: string) {
  await app.goto('/familier');
  await app.createFamily({ name });
  await app.addChild({ firstName: child, birthDate: monthsAgo(18), sex: 'Pige' });
}

const journal = (page: Page) => page.getByRole('region', { name: 'Journal' });

test("the child's journal lists its visits' notes and the family's notes", async ({ page }) => {
  const app = new AppPage(page);
  await app.open('/familier', 'mette');
  await familyWithChild(app, 'Familien Journal', 'Ella');
  // A family-level note, written on the family page.
  await signJournalNote(journal(page), 'Familien er flyttet til ny adresse.');
  // A note written at a visit.
  await page.getByRole('link', { name: 'Ella', exact: true }).click();
  await page.getByRole('link', { name: 'Nyt besøg uden plan' }).click();
  await signJournalNote(journal(page), 'Ella sover bedre efter ny rytme.');

  await page.getByRole('link', { name: 'Ella' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ella' })).toBeVisible();
  await expect(journal(page).getByText('Ingen journalnotater endnu.')).toHaveCount(0);
  await expect(journal(page).getByText('Ella sover bedre efter ny rytme.')).toBeVisible();
  await expect(journal(page).getByText(/Ved besøget .* Behovsbesøg/)).toBeVisible();
  await expect(journal(page).getByText('Familien er flyttet til ny adresse.')).toBeVisible();
  await expect(journal(page).getByText('Om familien')).toBeVisible();
});

test('a journal note being typed survives a reload, and leaving the page asks first', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('/familier', 'mette');
  await familyWithChild(app, 'Familien Kladde', 'Otto');
  await page.getByRole('link', { name: 'Otto', exact: true }).click();
  const note = journal(page).getByLabel('Nyt journalnotat');
  await note.fill('Mor fortæller om uro om natten');
  await page.waitForTimeout(800);
  await app.reload();
  await expect(journal(page).getByLabel('Nyt journalnotat')).toHaveValue('Mor fortæller om uro om natten');

  // Leaving with the text unsaved asks first; declining keeps the nurse on the page with her text.
  let asked = '';
  page.once('dialog', (dialog) => {
    asked = dialog.message();
    void dialog.dismiss();
  });
  await page.getByRole('link', { name: 'Familier' }).first().click();
  expect(asked).not.toBe('');
  await expect(journal(page).getByLabel('Nyt journalnotat')).toHaveValue('Mor fortæller om uro om natten');

  // Signed: the draft is gone, the note is in the journal, and nothing asks any more.
  await journal(page).getByRole('button', { name: 'Underskriv notat' }).click();
  // The field empties once the draft is gone (so a reload right after cannot bring the text back).
  await expect(journal(page).getByLabel('Nyt journalnotat')).toHaveValue('');
  await expect(journal(page).getByText('Mor fortæller om uro om natten')).toBeVisible();
  await app.reload();
  await expect(journal(page).getByLabel('Nyt journalnotat')).toHaveValue('');
});

test('a colleague corrects a signed note on her own tablet; both tablets show the original and the correction', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const a = await newTablet(browser, 'mette');
  await familyWithChild(a.app, 'Familien Rettelse', 'Vilma');
  await a.page.getByRole('link', { name: 'Vilma', exact: true }).click();
  const childUrl = a.page.url();
  await signJournalNote(journal(a.page), 'Vilma kravler rundt.');
  await a.app.syncNow();
  await a.app.expectAllSynced();

  const b = await newTablet(browser, 'hanne');
  await b.app.syncNow();
  await b.app.goto(childUrl);
  await expect(journal(b.page).getByText('Vilma kravler rundt.')).toBeVisible();
  await b.app.goOffline();
  await journal(b.page).getByRole('button', { name: 'Tilføj rettelse' }).click();
  const correction = journal(b.page).getByRole('group', { name: 'Tilføj rettelse' });
  await correction.getByLabel('Rettelse', { exact: true }).fill('Vilma går langs møblerne.');
  await correction.getByLabel('Årsag til rettelsen').fill('Forveksling med søsteren');
  await correction.getByRole('button', { name: 'Underskriv notat' }).click();
  await expect(correction).toHaveCount(0);
  await b.app.goOnline();
  await b.app.syncNow();
  await b.app.expectAllSynced();

  await a.app.syncNow();
  await a.app.reload();
  await expect(journal(a.page).getByText('Vilma kravler rundt.')).toBeVisible();
  await expect(journal(a.page).getByText('Vilma går langs møblerne.')).toBeVisible();
  await expect(journal(a.page).getByText(/Forveksling med søsteren/)).toBeVisible();
  await expect(journal(a.page).getByText(/Underskrevet af Hanne Sundhedsplejerske/)).toBeVisible();
  await a.app.goto('/kraever-handling');
  await expect(a.page.getByText('Intet kræver handling.')).toBeVisible();
  await b.app.goto('/kraever-handling');
  await expect(b.page.getByText('Intet kræver handling.')).toBeVisible();
  await a.context.close();
  await b.context.close();
});

/** Deletes (archives) a record through the API, as another client or an administrator would. */
async function archive(request: APIRequestContext, kind: string, id: string) {
  const login = await request.post('/api/auth/login', { data: { username: 'mette', password: E2E_PASSWORD } });
  const { token } = (await login.json()) as { token: string };
  const headers = { authorization: `Bearer ${token}` };
  const pulled = await request.get('/api/sync/pull?since=0&limit=1000', { headers });
  let rev = 0;
  let since = '0';
  for (
    let page = (await pulled.json()) as { changes: { id: string; rev: number }[]; nextSince: string; hasMore: boolean };
    ;
  ) {
    rev = page.changes.find((c) => c.id === id)?.rev ?? rev;
    if (!page.hasMore) break;
    since = page.nextSince;
    page = (await (await request.get(`/api/sync/pull?since=${since}&limit=1000`, { headers })).json()) as typeof page;
  }
  const push = await request.post('/api/sync/push', {
    headers,
    data: {
      deviceId: crypto.randomUUID(),
      schemaVersion: 1,
      mutations: [{ mutationId: crypto.randomUUID(), clientSeq: 1, kind, id, op: 'delete', baseRev: rev }],
    },
  });
  const body = (await push.json()) as { results: { status: string }[] };
  expect(body.results[0]?.status).toBe('applied');
}

test('an archived family still shows its journal, read-only, and stays reachable', async ({ page, request }) => {
  const app = new AppPage(page);
  await app.open('/familier', 'mette');
  await familyWithChild(app, 'Familien Arkiv', 'Ib');
  const familyUrl = page.url();
  const familyId = familyUrl.split('/').at(-1) ?? '';
  await signJournalNote(journal(page), 'Familien flytter til Aalborg.');
  await app.syncNow();
  await app.expectAllSynced();

  await archive(request, 'family', familyId);
  await app.syncNow();
  await app.goto('/familier');
  await expect(page.getByRole('link', { name: 'Familien Arkiv' })).toHaveCount(0);
  await page.getByText(/Arkiverede familier/).click();
  await page.getByRole('link', { name: 'Familien Arkiv' }).click();
  await expect(
    page.getByText('Familien er arkiveret. Journalen vises, men der kan ikke tilføjes noget.'),
  ).toBeVisible();
  await expect(journal(page).getByText('Familien flytter til Aalborg.')).toBeVisible();
  await expect(journal(page).getByLabel('Nyt journalnotat')).toHaveCount(0);
  await expect(journal(page).getByRole('button', { name: 'Tilføj rettelse' })).toHaveCount(0);
});
