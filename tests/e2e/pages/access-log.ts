/**
 * Page object for the access log (Adgangslog) and the device's own audit events: what a leader
 * does to answer "who has seen my data", and what a tablet has recorded locally (read straight
 * from its IndexedDB, as an auditor would check the device).
 */
import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';

export type LocalAuditEvent = { action: string; what: string; familyId: string; childId: string; recordId: string };

export class AccessLogPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async open() {
    await this.page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Adgangslog' }).click();
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

/** The audit events this tablet holds (synced or not), in the order they were written. */
export async function localAuditEvents(page: Page): Promise<LocalAuditEvent[]> {
  return page.evaluate(
    () =>
      new Promise<LocalAuditEvent[]>((resolve, reject) => {
        const open = indexedDB.open('tusind-dage');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction('auditEvents').objectStore('auditEvents').getAll();
          read.onerror = () => reject(read.error);
          read.onsuccess = () => {
            const rows = read.result as { payload: { data: LocalAuditEvent & { at: string } } }[];
            open.result.close();
            resolve(rows.map((r) => r.payload.data).sort((a, b) => (a.at < b.at ? -1 : 1)));
          };
        };
      }),
  );
}
