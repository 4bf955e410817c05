/**
 * Browser pieces shared by the Chromium benchmark suites: every measured page runs in its own
 * ON-DISK profile (`launchPersistentContext` in a fresh temporary folder, removed after), so
 * IndexedDB writes go to files as on a tablet; optional network emulation through CDP
 * (`Network.emulateNetworkConditions`); one `vite build` of the app per bench process; and the
 * app's "everything is synced" condition.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../tests/e2e/support/chromium.ts';

const root = join(import.meta.dirname, '..', '..');

export type Network = 'local' | 'throttled';

/** The emulated link of issue 12: 20 Mbit/s down, 5 Mbit/s up, 50 ms latency (bytes per second). */
export const THROTTLED = { latency: 50, downloadThroughput: 20_000_000 / 8, uploadThroughput: 5_000_000 / 8 };

export type Profile = { page: Page; context: BrowserContext; dir: string; close(): Promise<void> };

/** A fresh on-disk profile with one page; `network: 'throttled'` emulates THROTTLED on that page. */
export async function openProfile(
  options: {
    network?: Network;
    viewport?: { width: number; height: number };
    /** An existing profile folder (a restart on the same profile); default a fresh one. */
    dir?: string;
    offline?: boolean;
  } = {},
): Promise<Profile> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'bench-profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath(),
    args: chromiumArgs,
    ...(options.viewport ? { viewport: options.viewport } : {}),
    ...(options.offline ? { offline: true } : {}),
  });
  const page = context.pages()[0] ?? (await context.newPage());
  if (options.network === 'throttled') {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...THROTTLED });
  }
  return {
    page,
    context,
    dir,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let built = false;
/** `vite build` of the app into dist/, once per bench process. */
export function ensureAppBuild(log: (line: string) => void): string {
  const dist = join(root, 'dist');
  if (built) return dist;
  log('vite build');
  const result = spawnSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    { cwd: root, stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error('vite build failed');
  built = true;
  return dist;
}

/**
 * Waits until the app's sync bar says "Alt er synkroniseret" AND shows the time of the last sync
 * (the status reads "synced" before the first sync starts, when nothing is pending yet). Checked in
 * the page every animation frame; returns the page's clock (performance.now()) when it first held,
 * so Playwright's own latency on a loaded machine is not in the figure.
 */
export async function waitForAppSynced(page: Page, timeout = 600_000): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      const bar = document.querySelector('[aria-label="Synkronisering"]');
      const synced =
        bar?.querySelector('[role="status"]')?.textContent === 'Alt er synkroniseret' &&
        (bar.textContent ?? '').includes('Sidst synkroniseret');
      return synced ? performance.now() : false;
    },
    undefined,
    { timeout, polling: 'raf' },
  );
  return (await handle.jsonValue()) as number;
}

/** The page-clock start of the first request whose URL contains `part` (Resource Timing). */
export async function firstRequestAt(page: Page, part: string): Promise<number> {
  return page.evaluate((p) => {
    const entry = performance.getEntriesByType('resource').find((e) => e.name.includes(p));
    return entry ? entry.startTime : Number.NaN;
  }, part);
}
