/**
 * The first-screen budget against reality: every JavaScript and WebAssembly response the page and
 * its workers request before "Mine besøg" is usable (its heading shown and its list loaded: the
 * moment is taken in the page by a MutationObserver, and a request counts when it started before),
 * for a first login on a new tablet and for a returning nurse who unlocks after a reload, with a
 * family on the worklist. Each file must be one scripts/check-size.ts counts for that flow (so
 * the static budget cannot miss a chunk the app really loads first), and their gzip total must be
 * within the budget. The service worker's own precache downloads are not the page's.
 */
import { gzipSync } from 'node:zlib';
import type { Page, Request } from '@playwright/test';
import { BUDGET_BYTES, type Flow, measure } from '../../scripts/check-size.ts';
import { AppPage, monthsAgo } from './pages/app.ts';
import { VisitPage } from './pages/visit-page.ts';
import { expect, test } from './support/fixtures.ts';

type Loaded = { file: string; gzip: number; transfer: number; startedAt: number };

/** In the page: the wall-clock time "Mine besøg" first shows its heading without "Indlæser …". */
function watchWorklist() {
  const usable = () => {
    const heading = [...document.querySelectorAll('h1')].some((h) => h.textContent === 'Mine besøg');
    const main = document.querySelector('main');
    return heading && main !== null && !main.textContent?.includes('Indlæser');
  };
  const observer = new MutationObserver(() => {
    if (!usable()) return;
    (window as unknown as { worklistUsableAt: number }).worklistUsableAt = performance.timeOrigin + performance.now();
    observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

/** Records the JS and wasm the page and its dedicated workers request, until stopped. */
function recordScripts(page: Page) {
  const requests: Request[] = [];
  const onRequest = (request: Request) => {
    if (request.serviceWorker()) return;
    if (/\.(m?js|wasm)$/.test(new URL(request.url()).pathname)) requests.push(request);
  };
  page.context().on('request', onRequest);
  return async (usableAt: number): Promise<Loaded[]> => {
    page.context().off('request', onRequest);
    const loaded = await Promise.all(
      requests.map(async (request) => {
        const response = await request.response();
        if (!response) return null;
        // A dedicated worker's script body is not available to Playwright: the same URL again.
        const direct: Buffer | null = await response.body().catch(() => null);
        const body: Buffer = direct ?? (await (await page.request.get(request.url())).body());
        const sizes = await request.sizes().catch(() => ({ responseBodySize: body.length }));
        return {
          file: new URL(request.url()).pathname.replace(/^\//, ''),
          gzip: gzipSync(body, { level: 9 }).length,
          transfer: Math.max(0, sizes.responseBodySize),
          startedAt: request.timing().startTime,
        };
      }),
    );
    const before = loaded.filter((l): l is Loaded => l !== null && l.startedAt <= usableAt);
    return [...new Map(before.map((l) => [l.file, l])).values()];
  };
}

async function worklistUsableAt(page: Page): Promise<number> {
  await expect(page.getByRole('heading', { level: 1, name: 'Mine besøg' })).toBeVisible();
  const handle = await page.waitForFunction(
    () => (window as unknown as { worklistUsableAt?: number }).worklistUsableAt,
  );
  return (await handle.jsonValue()) as number;
}

function report(flow: string, loaded: Loaded[]) {
  const gzip = loaded.reduce((sum, l) => sum + l.gzip, 0);
  console.log(
    `${flow}: ${loaded.length} files, ${(gzip / 1000).toFixed(1)} KB gzip (over the network, as the server compresses it, 0 from cache: ${(
      loaded.reduce((sum, l) => sum + l.transfer, 0) / 1000
    ).toFixed(
      1,
    )} KB)\n${loaded.map((l) => `  ${l.file.padEnd(48)} ${(l.gzip / 1000).toFixed(1).padStart(6)} KB`).join('\n')}`,
  );
  return gzip;
}

test('the JavaScript and wasm fetched before the worklist is usable is what the size budget counts, within budget', async ({
  page,
}) => {
  const counted = measure();
  const countedFor = (flow: Flow) => new Set(counted.flows.find((f) => f.flow === flow)?.files.map((f) => f.file));
  const app = new AppPage(page);
  await page.addInitScript(watchWorklist);
  const flows: [Flow, Loaded[]][] = [];

  // A first login on a new tablet.
  let stop = recordScripts(page);
  await page.goto('/besoeg');
  await app.login('hanne');
  flows.push(['first login', await stop(await worklistUsableAt(page))]);

  // A child due for a visit, so the returning nurse's worklist has an item.
  await new VisitPage(page).newChild(
    app,
    'Familien Forside',
    { firstName: 'Frida', birthDate: monthsAgo(4) },
    { included: true },
  );

  // A returning nurse: a page load finds the store locked; she unlocks with her password.
  stop = recordScripts(page);
  await page.goto('/besoeg');
  await app.signIn('hanne');
  const usableAt = await worklistUsableAt(page);
  await expect(page.getByRole('link', { name: /^Frida,/ }).first()).toBeVisible();
  flows.push(['unlock', await stop(usableAt)]);

  for (const [flow, loaded] of flows) {
    const gzip = report(flow, loaded);
    expect(
      loaded.some((l) => /kdf-worker/.test(l.file)),
      `${flow} derives the key in the worker`,
    ).toBe(true);
    expect(
      loaded.map((l) => l.file).filter((file) => !countedFor(flow).has(file)),
      `${flow}: loaded before the worklist but not counted by scripts/check-size.ts`,
    ).toEqual([]);
    expect(gzip, `${flow}: gzip before the worklist`).toBeLessThanOrEqual(BUDGET_BYTES);
    expect(counted.flows.find((f) => f.flow === flow)?.gzip ?? 0).toBeGreaterThanOrEqual(gzip);
  }
});
