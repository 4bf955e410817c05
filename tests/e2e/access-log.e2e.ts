/**
 * "Who has seen my data" (issue 14 §1–2), end to end on the real server: nurse A opens a child and
 * prints a visit summary on her tablet; nurse B opens the same family on hers; both sync. The
 * leader finds the child by CPR in the access log and sees A's opening and print and B's opening
 * with their times, downloads the CSV (UTF-8 with BOM, `;`) and finds her own extract in the log
 * afterwards. Opening a page records one event, re-renders none. axe-clean; screenshots at
 * 1024×768 and 768×1024; offline the search works and the log says it needs the server.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { AccessLogPage, deviceAuditEvents, familyIdOf } from './pages/access-log.ts';
import { AppPage, monthsAgo, newTablet, signJournalNote } from './pages/app.ts';
import { expect, test } from './support/fixtures.ts';

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function screenshots(page: Page, name: string) {
  const toast = page.getByRole('button', { name: 'Luk' });
  if (await toast.isVisible()) await toast.click();
  for (const [w, h] of [
    [1024, 768],
    [768, 1024],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `screenshots/${name}-${w}x${h}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1024, height: 768 });
}

/** A CPR number for a child born on `birthDate` (YYYY-MM-DD, 2000–2036: 7th digit 4). */
function cprFor(birthDate: string): string {
  const [y, m, d] = birthDate.split('-');
  const serial = String(Math.floor(Math.random() * 1000)).padStart(3, '0');
  return `${d}${m}${y?.slice(2)}4${serial}`;
}

const opened = (events: { action: string; what: string }[], what: string) =>
  events.filter((e) => e.action === 'open' && e.what === what).length;

test('a leader sees who opened and printed a child’s data, downloads it as CSV, and her extract is logged', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const familyName = `Familien Adgang ${Date.now() % 100000}`;
  const birthDate = monthsAgo(4);
  const cpr = cprFor(birthDate);

  // Nurse A records the family and child, opens the child, starts a visit and prints its summary.
  const a = await newTablet(browser, 'mette');
  await a.app.goto('/familier');
  await a.app.createFamily({ name: familyName });
  const familyId = familyIdOf(a.page);
  const eventsOf = (tablet: AppPage) => deviceAuditEvents(request, tablet, familyId);
  await a.app.addChild({ firstName: 'Asta', birthDate, sex: 'Pige', cpr });
  await a.page.getByRole('link', { name: /^Asta/ }).first().click();
  await expect(a.page.getByRole('heading', { level: 1, name: 'Asta' })).toBeVisible();

  // One opening is one event; re-renders (a language switch, a live update from a new note) add none.
  await expect.poll(async () => opened(await eventsOf(a.app), 'child')).toBe(1);
  await a.page.getByLabel('Sprog i appen').selectOption('en');
  await expect(a.page.getByRole('heading', { level: 2, name: 'Journal' })).toBeVisible();
  await a.page.getByLabel('App language').selectOption('da');
  const journal = a.page.getByRole('region', { name: 'Journal' });
  await signJournalNote(journal, 'Mor spørger til søvn.');
  expect(opened(await eventsOf(a.app), 'child')).toBe(1);
  // Printing the page from the browser's menu (not a print button) is a print of the child's data.
  await a.page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await expect.poll(async () => (await eventsOf(a.app)).filter((e) => e.action === 'print').length).toBe(1);

  await a.page.getByRole('link', { name: 'Nyt besøg uden plan' }).click();
  await a.page.getByRole('link', { name: 'Resumé til udskrift' }).click();
  await expect(a.page.getByRole('heading', { level: 1, name: /Besøgsresumé: Asta/ })).toBeVisible();
  await a.page.getByRole('button', { name: 'Udskriv' }).click();
  await expect
    .poll(async () => (await eventsOf(a.app)).map((e) => `${e.action} ${e.what}`))
    .toEqual([
      'open family',
      'open family',
      'open child',
      'print child',
      'open visit',
      'open visit-summary',
      'print visit-summary',
    ]);
  // Ids and codes only: nothing of the child's name or CPR number is in an event.
  expect(JSON.stringify(await eventsOf(a.app))).not.toMatch(new RegExp(`Asta|${cpr}|Adgang`));
  await a.app.syncNow();
  await a.app.expectAllSynced();

  // Nurse B opens the same family on her tablet and syncs.
  const b = await newTablet(browser, 'hanne');
  await b.app.syncNow();
  await b.app.goto('/familier');
  await b.app.openFamily(familyName);
  await expect(b.page.getByRole('heading', { level: 1, name: familyName })).toBeVisible();
  await expect.poll(async () => opened(await eventsOf(b.app), 'family')).toBe(1);
  await b.app.syncNow();
  await b.app.expectAllSynced();
  await expect(
    b.page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Adgangslog' }),
  ).toHaveCount(0);

  // The leader finds the child by CPR on her tablet and reads the log.
  const leader = await newTablet(browser, 'lone');
  await leader.app.syncNow();
  const log = new AccessLogPage(leader.page);
  await log.open();
  await log.search(`${cpr.slice(0, 6)}-${cpr.slice(6)}`);
  await expect(log.results.getByRole('button')).toHaveCount(1);
  await log.choose(/Asta/);
  await expect(log.extract.getByRole('heading', { name: `Adgangslog for Asta (${familyName})` })).toBeVisible();
  const rows = await log.rows();
  const line = (r: string[]) => [r[1], r[2], r[3], r[4]].join(' | ');
  const lines = rows.map(line);
  const expected = [
    'Mette Sundhedsplejerske | Åbnede | Barnets side (med journal) | Asta',
    'Mette Sundhedsplejerske | Udskrev | Resumé af besøg (A4) | Asta',
    'Hanne Sundhedsplejerske | Åbnede | Familiens side (med journal) | ',
  ];
  for (const want of expected) expect(lines).toContain(want);
  // In server order: A's print before B's opening; each with the server's and the tablet's time.
  expect(lines.indexOf(expected[1] ?? '')).toBeLessThan(lines.indexOf(expected[2] ?? ''));
  const openRow = rows.find((r) => line(r) === expected[0]);
  expect(openRow?.[0]).toMatch(/\d{4}.*\d{2}[.:]\d{2}[.:]\d{2}.*på enheden: /);
  expect(openRow?.[5]).not.toBe('');
  expect(lines.some((l) => l.startsWith('Mette Sundhedsplejerske | Ændrede | Barn | Asta'))).toBe(true);
  expect(lines.some((l) => l.startsWith('Hanne Sundhedsplejerske | Hentede til enheden | Familiens oplysninger'))).toBe(
    true,
  );
  await expectNoAxeViolations(leader.page);
  await screenshots(leader.page, 'access-log');
  // On A4: the extract without the search, the navigation or the buttons.
  await leader.page.emulateMedia({ media: 'print' });
  await expect(leader.page.getByRole('region', { name: 'Find borgeren' })).toBeHidden();
  await expect(log.extract.getByRole('button', { name: 'Udskriv' })).toBeHidden();
  await leader.page.screenshot({ path: 'screenshots/access-log-print.png', fullPage: true });
  expect((await leader.page.pdf({ format: 'A4' })).byteLength).toBeGreaterThan(10_000);
  await leader.page.emulateMedia({ media: 'screen' });

  // The CSV: UTF-8 with a BOM, `;` between fields, the same rows.
  const bytes = await log.downloadCsv();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = bytes
    .subarray(3)
    .toString('utf8')
    .trimEnd()
    .split('\r\n')
    .map((l) => l.split(';'));
  expect(csv[0]).toEqual([
    'Tidspunkt',
    'Tidspunkt på enheden',
    'Bruger',
    'Brugernavn',
    'Handling',
    'Hvad',
    'Barn',
    'Enhed',
  ]);
  expect(csv).toHaveLength(rows.length + 1);
  const csvOpen = csv.find((f) => f[3] === 'mette' && f[4] === 'Åbnede' && f[5] === 'Barnets side (med journal)');
  expect(csvOpen?.[6]).toBe('Asta');
  expect(csvOpen?.[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  expect(csvOpen?.[1]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  expect(csv.some((f) => f[3] === 'hanne' && f[4] === 'Åbnede' && f[5] === 'Familiens side (med journal)')).toBe(true);

  // The extract itself is in the log afterwards: her reading (server) and her export (tablet).
  await leader.app.syncNow();
  await leader.app.expectAllSynced();
  await log.refresh();
  await expect(
    log.extract.getByRole('row', { name: /Lone Leder.*Eksporterede.*Adgangsloggen \(CSV-fil\)/ }),
  ).toBeVisible();
  await expect(log.extract.getByRole('row', { name: /Lone Leder.*Så adgangsloggen/ }).first()).toBeVisible();

  // Offline the search still works and the extract on screen stays; a refresh says it needs the server.
  await leader.app.goOffline();
  await log.refresh();
  await expect(leader.page.getByRole('alert')).toContainText('Adgangsloggen kræver forbindelse til serveren');
  await expect(log.extract.getByRole('row', { name: /Hanne Sundhedsplejerske.*Åbnede/ })).toBeVisible();
  await expectNoAxeViolations(leader.page);
  await screenshots(leader.page, 'access-log-offline');
  await log.search('Asta');
  await expect(log.results.getByRole('button', { name: /Asta/ })).toBeVisible();
  // Back online, it loads again by itself.
  await leader.app.goOnline();
  await expect(leader.page.getByRole('alert')).toHaveCount(0);

  for (const t of [a, b, leader]) await t.context.close();
});

test('a nurse who opens the access log by its address is told it is for leaders', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('/adgangslog', 'hanne');
  await expect(page.getByRole('alert')).toHaveText('Kun ledere og administratorer kan se adgangsloggen.');
  await expect(page.getByLabel('Barnets CPR-nummer eller navn, familiens eller en forælders navn')).toHaveCount(0);
});
