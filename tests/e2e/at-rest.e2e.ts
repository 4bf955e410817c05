/**
 * Data at rest (issue 12 point 7): a tablet with an on-disk profile holds a family, a child with a
 * CPR number, an EPDS and a signed journal note, synced. Read from outside the app — every value of
 * every IndexedDB database the origin has, and every file of the browser profile on disk — none of
 * those strings is found, nor the session token. The same strings ARE found on the screen and over
 * the API, so the search would see them if they were stored in the clear.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { baseURL } from '../../playwright.config.ts';
import { AppPage, signJournalNote } from './pages/app.ts';
import { chromiumArgs, chromiumPath } from './support/chromium.ts';
import { expect, test } from './support/fixtures.ts';
import { rawIndexedDb } from './support/raw-idb.ts';

const FAMILY = 'Familien Hemmeligsen';
const PARENT = 'Gertrud Hemmeligsen';
const CPR = '120925-4126';
const CPR_DIGITS = '1209254126';
const NOTE = 'Mor fortæller om søvnløse nætter og tanker om at flytte';

const answers = [
  '1. svar',
  '2. svar',
  '2. svar',
  '3. svar',
  '2. svar',
  '3. svar',
  '2. svar',
  '3. svar',
  '2. svar',
  '1. svar',
];

/** The text of every file under `dir` (latin1, so any byte sequence is searchable). */
function profileText(dir: string): string {
  const parts: string[] = [];
  const walk = (path: string) => {
    for (const entry of readdirSync(path)) {
      const full = join(path, entry);
      const stat = statSync(full, { throwIfNoEntry: false });
      if (!stat) continue;
      if (stat.isDirectory()) walk(full);
      else if (stat.size < 64 * 1024 * 1024) parts.push(readFileSync(full).toString('latin1'));
    }
  };
  walk(dir);
  return parts.join('\n');
}

test('no family, CPR number, EPDS, journal text or token is readable in IndexedDB or the profile on disk', async ({
  playwright,
}) => {
  test.setTimeout(120_000);
  const profile = mkdtempSync(join(tmpdir(), 'tusind-dage-at-rest-'));
  const context = await playwright.chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    args: chromiumArgs,
    baseURL,
    viewport: { width: 1024, height: 768 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    let token = '';
    page.on('response', async (response) => {
      if (response.url().endsWith('/api/auth/login') && response.ok()) {
        token = ((await response.json()) as { token: string }).token;
      }
    });
    const app = new AppPage(page);
    await app.open('/familier', 'hanne');
    await app.createFamily({ name: FAMILY });
    await page.getByRole('link', { name: 'Tilføj omsorgsperson' }).click();
    await page.getByLabel('Navn').fill(PARENT);
    await page.getByLabel('Relation').selectOption({ label: 'Mor' });
    await page.getByRole('button', { name: 'Gem' }).click();
    await expect(page.getByText(PARENT)).toBeVisible();
    await app.addChild({ firstName: 'Sigrid', birthDate: '2025-09-12', sex: 'Pige', cpr: CPR });
    await page.getByRole('link', { name: 'Sigrid', exact: true }).click();
    await page.getByRole('link', { name: 'Nyt besøg uden plan' }).click();
    const epds = page.getByRole('region', { name: 'EPDS – forælderens trivsel' });
    await epds.getByLabel('Forælder').selectOption({ label: PARENT });
    for (const [index, option] of answers.entries()) {
      await epds
        .getByRole('group', { name: new RegExp(`^${index + 1}\\. `) })
        .getByLabel(option, { exact: true })
        .check();
    }
    await epds.getByRole('button', { name: 'Gem EPDS' }).click();
    await expect(epds.getByText('EPDS er gemt.')).toBeVisible();
    const journal = page.getByRole('region', { name: 'Journal' });
    await signJournalNote(journal, NOTE);
    await app.syncNow();
    await app.expectAllSynced();
    expect(token).not.toBe('');

    // The server has the records (so they were written and synced, not lost).
    const pulled = await page.request.get('/api/sync/pull?since=0&limit=1000', {
      headers: { authorization: `Bearer ${token}` },
    });
    const serverText = JSON.stringify(await pulled.json());
    for (const secret of [FAMILY, PARENT, CPR_DIGITS, NOTE, '"EPDS"']) expect(serverText).toContain(secret);

    const raw = await rawIndexedDb(page);
    expect(raw).toContain('tusind-dage-u-');
    expect(raw.length).toBeGreaterThan(1000);
    for (const secret of [FAMILY, PARENT, CPR, CPR_DIGITS, NOTE, '"EPDS"', 'EPDS', token]) {
      expect(raw.includes(secret), `"${secret}" in raw IndexedDB`).toBe(false);
    }

    // What the browser wrote to disk (IndexedDB's LevelDB files, caches, local storage …).
    await context.close();
    const disk = profileText(profile);
    expect(disk.length).toBeGreaterThan(10_000);
    for (const secret of [FAMILY, PARENT, CPR, CPR_DIGITS, NOTE, token]) {
      expect(disk.includes(secret), `"${secret}" in the profile on disk`).toBe(false);
    }
  } finally {
    await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  }
});
