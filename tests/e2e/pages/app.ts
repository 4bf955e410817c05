/**
 * Page object for the app: what a nurse does, in her words. Tests say what, this file says how
 * (labels and roles, never CSS selectors).
 */
import { expect, type Page } from '@playwright/test';
import { E2E_PASSWORD } from '../support/global-setup.ts';

export type FamilyInput = { name: string; address?: string; tovholder?: string };
export type ChildInput = {
  firstName: string;
  birthDate: string;
  sex: 'Pige' | 'Dreng';
  cpr?: string;
  birthWeight?: string;
};

export class AppPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  /** Opens the app at a path, logging in first on a new device. */
  async open(path = '/', username = 'mette') {
    await this.page.goto(path);
    const login = this.page.getByRole('heading', { level: 1, name: 'Log ind' });
    const app = this.page.getByRole('banner');
    await expect(login.or(app)).toBeVisible();
    if (await login.isVisible()) await this.login(username);
    await expect(app).toBeVisible();
  }

  async login(username: string) {
    await this.page.getByLabel('Brugernavn').fill(username);
    await this.page.getByLabel('Adgangskode').fill(E2E_PASSWORD);
    await this.page.getByRole('button', { name: 'Log ind' }).click();
    await expect(this.page.getByRole('banner')).toBeVisible();
  }

  /** The sync status bar. */
  get syncBar() {
    return this.page.getByRole('region', { name: 'Synkronisering' });
  }

  async syncNow() {
    await this.syncBar.getByRole('button', { name: 'Synkronisér nu' }).click();
    await expect(this.syncBar.getByRole('status')).not.toHaveText('Synkroniserer …');
  }

  async expectAllSynced() {
    await expect(this.syncBar.getByRole('status')).toHaveText('Alt er synkroniseret');
  }

  /** Loads the app, waits for the service worker, reloads so it controls the page. */
  async installOffline(username = 'mette') {
    await this.open('/', username);
    await this.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await this.page.reload();
    await this.page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
  }

  async goOffline() {
    await this.page.context().setOffline(true);
  }

  async goOnline() {
    await this.page.context().setOffline(false);
  }

  async expectFamiliesScreen() {
    await expect(this.page.getByRole('heading', { level: 1, name: 'Familier' })).toBeVisible();
  }

  async createFamily(family: FamilyInput) {
    await this.page.getByRole('link', { name: 'Ny familie' }).click();
    await this.page.getByLabel('Familiens navn').fill(family.name);
    if (family.address) await this.page.getByLabel('Adresse').fill(family.address);
    if (family.tovholder) await this.page.getByLabel('Tovholder').fill(family.tovholder);
    await this.page.getByRole('button', { name: 'Gem' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: family.name })).toBeVisible();
  }

  async addChild(child: ChildInput) {
    await this.page.getByRole('link', { name: 'Tilføj barn' }).click();
    await this.page.getByLabel('Fornavn').fill(child.firstName);
    await this.page.getByLabel('Fødselsdato').fill(child.birthDate);
    await this.page.getByLabel(child.sex, { exact: true }).check();
    if (child.cpr) await this.page.getByLabel('CPR-nummer').fill(child.cpr);
    if (child.birthWeight) await this.page.getByLabel('Fødselsvægt (gram)').fill(child.birthWeight);
    await this.page.getByRole('button', { name: 'Gem' }).click();
    await expect(this.page.getByRole('heading', { level: 3, name: new RegExp(child.firstName) })).toBeVisible();
  }

  async backToFamilies() {
    await this.page.getByRole('link', { name: 'Tilbage til familier' }).click();
    await this.expectFamiliesScreen();
  }

  familyLink(name: string) {
    return this.page.getByRole('link', { name });
  }
}
