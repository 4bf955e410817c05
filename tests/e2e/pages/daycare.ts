/**
 * Page object for the cooperation with daycare: the team's institutions, a child's childcare link,
 * the handover flow, meetings and talks — what a nurse does, in her words (labels and roles).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** A date the given number of days from today (YYYY-MM-DD). */
export function daysFromNow(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return d.toISOString().slice(0, 10);
}

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Full-page screenshots in both tablet orientations, written under screenshots/ (looked at by hand). */
export async function screenshots(page: Page, name: string) {
  const original = page.viewportSize();
  for (const [w, h] of [
    [1024, 768],
    [768, 1024],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `screenshots/daycare/${name}-${w}x${h}.png`, fullPage: true });
  }
  if (original) await page.setViewportSize(original);
}

export class DaycarePages {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  /** "Dagtilbud og oplæg" is reached from Familier (no top-bar item, decision 0053). */
  async openDaycare() {
    await this.page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Familier' }).click();
    await this.page.getByRole('link', { name: 'Dagtilbud og oplæg' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Dagtilbud' })).toBeVisible();
  }

  async addInstitution(name: string, contactPerson: string) {
    await this.openDaycare();
    await this.page.getByRole('link', { name: 'Tilføj dagtilbud' }).click();
    await this.page.getByLabel('Navn').fill(name);
    await this.page.getByLabel('Type').selectOption('daginstitution');
    await this.page.getByLabel('Adresse').fill('Skolevej 4, 9440 Aabybro');
    await this.page.getByLabel('Kontaktperson').fill(contactPerson);
    await this.page.getByRole('button', { name: 'Gem' }).click();
    await expect(this.page.getByRole('link', { name })).toBeVisible();
  }

  async addCaregiver(name: string) {
    await this.page.getByRole('link', { name: 'Tilføj omsorgsperson' }).click();
    await this.page.getByLabel('Navn').fill(name);
    await this.page.getByRole('button', { name: 'Gem' }).click();
    await expect(this.page.getByText(name).first()).toBeVisible();
  }

  /** On the child's edit form: links the child to an institution with a start date. */
  async linkChildcare(childName: string, institution: string, start: string) {
    await this.page.getByRole('link', { name: childName, exact: true }).click();
    await this.page.getByRole('link', { name: 'Redigér' }).click();
    await this.page.getByLabel('Dagtilbud (fra teamets liste)').selectOption({ label: institution });
    await this.page.getByLabel('Startdato').fill(start);
    await this.page.getByRole('button', { name: 'Gem' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: childName })).toBeVisible();
  }

  get cooperation() {
    return this.page.getByRole('region', { name: 'Samarbejde med dagtilbud' });
  }

  get legalBasis() {
    return this.page.getByRole('group', { name: 'Lovgrundlag' });
  }

  async next() {
    await this.page.getByRole('button', { name: 'Næste' }).click();
  }

  async registerConsent(givenBy: string) {
    await this.page.getByRole('link', { name: 'Registrér samtykke' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Nyt samtykke' })).toBeVisible();
    await this.page.getByLabel('Givet af').fill(givenBy);
    await this.page.getByRole('button', { name: 'Gem' }).click();
  }

  async withdrawConsent(type: string) {
    await this.page.getByRole('button', { name: `Tilbagekald: ${type}` }).click();
    await this.page.getByLabel('Note om tilbagekaldelsen').fill('Forældrene ønsker ikke mere deling');
    await this.page
      .getByRole('group', { name: 'Tilbagekald samtykke' })
      .getByRole('button', { name: 'Tilbagekald' })
      .click();
  }
}
