/**
 * Page object for the leader's overview ("Overblik"): what a team leader does there, in her words.
 */
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

export class EvaluationPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async openFromMenu() {
    const nav = this.page.getByRole('navigation', { name: 'Hovedmenu' });
    await nav.getByRole('button', { name: 'Ledelse' }).click();
    await nav.getByRole('link', { name: 'Overblik', exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Overblik og evaluering' })).toBeVisible();
  }

  get caseload() {
    return this.page.getByRole('region', { name: 'Belastning pr. sundhedsplejerske' });
  }

  area(name: string) {
    return this.page.getByRole('region', { name });
  }

  /** The team's total in a caseload column, e.g. "Familier". */
  teamTotal(column: 'Familier' | 'Børn' | 'Planlagt denne måned' | 'Overskredet') {
    return this.caseload.getByRole('button', { name: new RegExp(`^\\d+ – vis listen: ${column}: Hele teamet$`) });
  }

  async choosePeriod(label: string) {
    await this.page.getByLabel('Kvartal').selectOption({ label });
  }

  async openList(name: RegExp) {
    await this.page.getByRole('button', { name }).first().click();
    const dialog = this.page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** Clicks an export button and returns the downloaded file's bytes. */
  async download(button: string): Promise<Buffer> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: button }).click(),
    ]);
    const path = await download.path();
    return readFileSync(path);
  }
}
