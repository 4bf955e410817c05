/**
 * Page object for the access log (Adgangslog) and the device's own audit events: what a leader
 * does to answer "who has seen my data", and what a tablet recorded (as it reached the server).
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { type APIRequestContext, expect, type Locator, type Page } from '@playwright/test';
import { E2E_PASSWORD } from '../support/global-setup.ts';
import type { AppPage } from './app.ts';

export type LocalAuditEvent = { action: string; what: string; familyId: string; childId: string; recordId: string };

export class AccessLogPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async open() {
    const nav = this.page.getByRole('navigation', { name: 'Hovedmenu' });
    await nav.getByRole('button', { name: 'Ledelse' }).click();
    await nav.getByRole('link', { name: 'Adgangslog' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Adgangslog' })).toBeVisible();
  }

  async search(query: string) {
    await this.page.getByLabel('Barnets CPR-nummer eller navn, familiens eller en forælders navn').fill(query);
  }

  get results(): Locator {
    return this.page.getByRole('list', { name: /resultat/ });
  }

  async choose(name: string | RegExp) {
    await this.results.getByRole('button', { name }).click();
  }

  get extract(): Locator {
    return this.page.getByRole('region', { name: /^Adgangslog for/ });
  }

  /** The extract's table rows as cell texts (without the header). */
  async rows(): Promise<string[][]> {
    const rows = this.extract.getByRole('row');
    await expect(rows.first()).toBeVisible();
    const texts = await rows.evaluateAll((trs) =>
      trs.slice(1).map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')),
    );
    return texts;
  }

  async refresh() {
    await this.extract.getByRole('button', { name: 'Opdatér' }).click();
  }

  /** Downloads the CSV and returns its raw bytes. */
  async downloadCsv(): Promise<Buffer> {
    const download = this.page.waitForEvent('download');
    await this.extract.getByRole('button', { name: 'Hent som CSV' }).click();
    const file = await (await download).path();
    return readFile(file);
  }
}

/**
 * The device audit events of a family as the server holds them (the tablet's own copy is encrypted
 * and not readable from outside, by design): `tablet` syncs first, then a leader's extract over HTTP
 * gives the events of the tablet's user. In the order the server received them (within one push: the tablet's order).
 */
export async function deviceAuditEvents(
  request: APIRequestContext,
  tablet: AppPage,
  familyId: string,
): Promise<LocalAuditEvent[]> {
  await tablet.syncNow();
  leaderToken ??= await loginToken(request, 'lone');
  const res = await request.get(`/api/audit?familyId=${familyId}`, {
    headers: { authorization: `Bearer ${leaderToken}` },
  });
  expect(res.status()).toBe(200);
  const body = (await res.json()) as {
    events: {
      source: string;
      action: string;
      user: { username: string };
      details: { what?: string; childId?: string; recordId?: string };
    }[];
  };
  return body.events
    .filter((e) => e.source === 'device' && e.user.username === tablet.username)
    .map((e) => ({
      action: e.action,
      what: e.details.what ?? '',
      familyId,
      childId: e.details.childId ?? '',
      recordId: e.details.recordId ?? '',
    }));
}

let leaderToken: string | undefined;

async function loginToken(request: APIRequestContext, username: string): Promise<string> {
  const login = await request.post('/api/auth/login', {
    data: { username, password: E2E_PASSWORD, deviceId: randomUUID() },
  });
  expect(login.status()).toBe(200);
  return ((await login.json()) as { token: string }).token;
}

/** The family id in a page's address (/familier/<id>/...). */
export function familyIdOf(page: Page): string {
  const id = /\/familier\/([0-9a-f-]{36})/.exec(new URL(page.url()).pathname)?.[1];
  if (!id) throw new Error(`no family in ${page.url()}`);
  return id;
}
