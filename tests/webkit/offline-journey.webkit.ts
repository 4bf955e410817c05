/**
 * The core offline journey in a real WebKit engine (iPad Safari's family): WebKitGTK's MiniBrowser
 * through WebKitWebDriver, against the built app and the real server on a fresh DATA_DIR. WebKit
 * has no offline switch, so "offline" is the server stopped: the app must start from its service
 * worker, keep a family, a child and a drafted visit through reloads, sign the visit, and sync it
 * when the server is back (checked over HTTP as the user). The steps are one story, in order; a
 * step after a failed one is skipped. Run with `node tests/webkit/run.ts`.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, type TestContext, test } from 'node:test';
import { WebKitApp } from './pages/app.ts';
import { freePort, WebKitSession } from './support/driver.ts';
import { AppServer, root, WEBKIT_USER } from './support/server.ts';

const failureDir = join(root, 'reports', 'webkit');
const screenshotDir = process.env.WEBKIT_SCREENSHOTS ? join(root, 'screenshots', 'webkit') : null;

const family = { name: 'Familien Safari', address: 'Strandvejen 4' };
const child = { firstName: 'Ida', birthDate: '2025-10-30', sex: 'Pige' } as const;
const visitText = {
  start: '09:30',
  end: '10:15',
  agreements: 'Mor ringer, hvis Ida ikke tager på.',
  topicsNote: 'Amning og søvn drøftet.',
};

describe('WebKit: the core offline journey', { concurrency: false }, () => {
  let server: AppServer;
  let session: WebKitSession;
  let app: WebKitApp;
  let visitPath = '';
  let failed = false;

  /** A step of the story: skipped after a failure, and a screenshot of the page when it fails. */
  const step = (name: string, body: () => Promise<void>) =>
    test(name, { timeout: 60_000 }, async (t: TestContext) => {
      if (failed) {
        t.skip('an earlier step failed');
        return;
      }
      try {
        await body();
      } catch (error) {
        failed = true;
        mkdirSync(failureDir, { recursive: true });
        const file = join(failureDir, `${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}.png`);
        await app?.screenshot(file).catch(() => undefined);
        t.diagnostic(`screenshot: ${file}`);
        throw error;
      }
    });

  /** Screenshots of the top of the screen at both tablet orientations (with --screenshots). */
  const screenshots = async (name: string) => {
    if (!screenshotDir) return;
    mkdirSync(screenshotDir, { recursive: true });
    await session.driver.executeScript('window.scrollTo(0, 0)');
    for (const [width, height] of [
      [1024, 768],
      [768, 1024],
    ] as const) {
      await session.setViewport(width, height);
      await app.screenshot(join(screenshotDir, `webkit-${name}-${width}x${height}.png`));
    }
    await session.setViewport(1024, 768);
  };

  before(
    async () => {
      AppServer.ensureBuild();
      server = new AppServer(Number(process.env.WEBKIT_PORT ?? (await freePort())));
      server.createUser();
      await server.start();
      session = await WebKitSession.start();
      await session.setViewport(1024, 768);
      app = new WebKitApp(session, server.baseUrl);
    },
    { timeout: 120_000 },
  );

  after(
    async () => {
      await session?.quit();
      await server?.dispose();
    },
    { timeout: 30_000 },
  );

  step('logs in on a new device, downloads the caseload, and the service worker takes control', async () => {
    await app.goto('/');
    await app.login();
    await app.expectAllSynced();
    await app.waitForServiceWorkerControl();
    await app.heading('Mine besøg').expectVisible();
    assert.equal(await app.isControlledByServiceWorker(), true);
  });

  step(
    'the top bar is one row at 1024×768 (its navigation one row at 768×1024), every item named, the language readable',
    async () => {
      for (const name of ['Mine besøg', 'Familier', 'COS-P', 'Kræver handling', 'Enhed']) {
        await app.nav(name).expectVisible();
      }
      await app.getByRole('button', { name: 'Ledelse', exact: true }).expectVisible();
      const look = await app.languageSelectLook();
      assert.equal(look.appearance, 'none', 'WebKit draws a native select in its own grey, ignoring the app’s colours');
      assert.equal(look.opaque, true);
      assert.ok(look.contrast >= 4.5, `the language select's contrast is ${look.contrast}:1`);
      await app
        .getByRole('button', { name: `${WEBKIT_USER.name}: lås, skift bruger eller log ud`, exact: true })
        .expectVisible();
      assert.equal(await app.topBarProblem(), null);
      // Portrait: the navigation gets a row of its own, still nothing outside the viewport.
      await session.setViewport(768, 1024);
      assert.equal(await app.topBarProblem('nav'), null);
      await session.setViewport(1024, 768);
      await screenshots('worklist');
    },
  );

  step('the device page says that persistent storage is not available here', async () => {
    await app.nav('Enhed').click();
    await app.heading('Enhed').expectVisible();
    await app.getByText('Varigt lager').expectVisible();
    await app.getByText('Ikke tilgængeligt i denne browser').expectVisible();
    assert.equal(await app.getByRole('button', { name: 'Bed om varigt lager' }).count(), 0);
  });

  step('with the server stopped, a family and a child are created and survive an offline reload', async () => {
    await server.stop();
    await app.openFamilies();
    await app.createFamily(family);
    await app.addChild(child);
    await app.reload();
    assert.equal(await server.healthy(), false, 'the server must still be down');
    assert.equal(await app.isControlledByServiceWorker(), true, 'the reload must come from the service worker');
    await app.heading(family.name).expectVisible();
    await app.childHeading(child.firstName).expectVisible();
    await app.openFamilies();
    await app.getByRole('link', { name: family.name }).expectVisible();
    await app.getByRole('link', { name: family.name }).click();
    await app.heading(family.name).expectVisible();
  });

  step('a visit drafted offline is intact after a reload', async () => {
    await app.startAdHocVisit(child.firstName);
    visitPath = await app.currentPath();
    await app.getByLabel('Start', { exact: true }).fill(visitText.start);
    await app.getByLabel('Aftaler', { exact: true }).fill(visitText.agreements);
    await app.getByLabel('Noter om emnerne', { exact: true }).fill(visitText.topicsNote);
    await app.draftSaved.expectVisible();
    // A saved section is an observation record, stored apart and decrypted after the first screen
    // (docs/decisions/0075): saving it failed here while its ciphertext was a Blob.
    await app.getByLabel('Vægt (gram)', { exact: true }).fill('9800');
    await app.getByLabel('Længde/højde (cm)', { exact: true }).fill('76,5');
    await app.getByLabel('Målt', { exact: true }).selectOption('Liggende (længde)');
    await app.getByLabel('Hovedomfang (cm)', { exact: true }).fill('45,5');
    await app.getByRole('button', { name: 'Gem målinger' }).click();
    await app.getByText('Målingerne er gemt.').expectVisible();
    await app.reload();
    assert.equal(await app.currentPath(), visitPath);
    await app.draftRestored.expectVisible();
    await app.getByLabel('Vægt (gram)', { exact: true }).expectValue('9800');
    await app.getByLabel('Hovedomfang (cm)', { exact: true }).expectValue('45,5');
    await app.getByLabel('Start', { exact: true }).expectValue(visitText.start);
    await app.getByLabel('Aftaler', { exact: true }).expectValue(visitText.agreements);
    await app.getByLabel('Noter om emnerne', { exact: true }).expectValue(visitText.topicsNote);
    await screenshots('visit-draft');
  });

  step('the drafted visit is signed offline', async () => {
    await app.getByLabel('Slut', { exact: true }).fill(visitText.end);
    await app.signVisit();
    // The signed record reads as Danish: the date written out, each participant's name with the role.
    const today = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'short', year: 'numeric' }).format(
      new Date(),
    );
    await app.getByText(`${today} ${visitText.start}–${visitText.end}`, { exact: true }).expectVisible();
    await app.getByText(`${WEBKIT_USER.name} (sundhedsplejerske)`, { exact: true }).expectVisible();
    assert.equal(await app.topBarProblem(), null);
    await screenshots('visit-signed');
  });

  step('with the server back, the signed visit syncs and the server holds it', async () => {
    await server.start();
    await app.syncNow();
    await app.expectAllSynced();
    const records = await server.pullAll(await server.login());
    const visits = records.filter((r) => r.kind === 'visit' && !r.deleted);
    assert.equal(visits.length, 1, `one visit on the server, got ${visits.length}`);
    const [visit] = visits;
    assert.ok(visit);
    assert.equal(visitPath.endsWith(visit.id), true, `the visit ${visit.id} is the one on ${visitPath}`);
    assert.equal(visit.data.status, 'underskrevet');
    assert.equal(visit.data.type, 'behovsbesoeg');
    assert.equal(visit.data.startTime, visitText.start);
    assert.equal(visit.data.endTime, visitText.end);
    assert.equal(visit.data.agreements, visitText.agreements);
    assert.equal(visit.data.topicsNote, visitText.topicsNote);
    const childRecord = records.find((r) => r.kind === 'child' && r.id === visit.data.childId);
    assert.equal(childRecord?.data.firstName, child.firstName);
    const familyRecord = records.find((r) => r.kind === 'family' && r.id === visit.data.familyId);
    assert.equal(familyRecord?.data.name, family.name);
  });
});
