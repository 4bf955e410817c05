/**
 * Page object for the app: what a nurse does, in her words. Tests say what, this file says how
 * (labels and roles, never CSS selectors).
 */
import { type Browser, expect, type Locator, type Page } from '@playwright/test';
import { E2E_PASSWORD } from '../support/global-setup.ts';

/** The PIN every e2e nurse chooses after her first sign-in on a tablet (not an obvious one). */
export const E2E_PIN = '839174';

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
  /** The user signed in on this tablet (for unlocking after a reload). */
  username = 'mette';
  constructor(page: Page) {
    this.page = page;
  }

  /** Opens the app at a path, logging in first on a new device (or unlocking a locked one). */
  async open(path = '/', username = 'mette') {
    await this.page.goto(path);
    await this.signIn(username);
  }

  /** Logs in (a new device) or unlocks (the key is only in memory: a reload asks for the password). */
  async signIn(username = this.username) {
    this.username = username;
    const login = this.page.getByRole('heading', { level: 1, name: 'Log ind' });
    const unlock = this.page.getByRole('heading', { level: 1, name: 'Lås op' });
    const app = this.page.getByRole('banner');
    await expect(login.or(unlock).or(app)).toBeVisible();
    if (await login.isVisible()) await this.login(username);
    else if (await unlock.isVisible()) await this.unlock();
    await expect(app).toBeVisible();
  }

  async login(username: string) {
    this.username = username;
    await this.page.getByLabel('Brugernavn').fill(username);
    await this.page.getByLabel('Adgangskode').fill(E2E_PASSWORD);
    await this.page.getByRole('button', { name: 'Log ind' }).click();
    await this.choosePinIfAsked();
    await expect(this.page.getByRole('banner')).toBeVisible();
  }

  /** After opening with the password, a nurse without a PIN chooses one before the app opens. */
  async choosePinIfAsked(pin = E2E_PIN) {
    const choose = this.page.getByRole('heading', { level: 1, name: 'Vælg en pinkode' });
    // A login on a busy machine (two Argon2id derivations, the first sync starting) may take a while.
    await expect(choose.or(this.page.getByRole('banner'))).toBeVisible({ timeout: 20_000 });
    if (await choose.isVisible()) await this.choosePin(pin);
  }

  async choosePin(pin = E2E_PIN) {
    await this.page.getByLabel('Ny pinkode (6 cifre)').fill(pin);
    await this.page.getByLabel('Gentag pinkoden').fill(pin);
    await this.page.getByRole('button', { name: 'Gem pinkode' }).click();
  }

  /** The lock screen's PIN field (shown while the nurse has a usable PIN). */
  get pinField() {
    return this.page.getByLabel('Pinkode (6 cifre)');
  }

  /** Opens the store on the lock screen with the PIN, or the password when no PIN is offered (works offline). */
  async unlock() {
    await expect(this.pinField.or(this.page.getByLabel('Adgangskode'))).toBeVisible();
    if (await this.pinField.isVisible()) await this.unlockWithPin();
    else await this.unlockWithPassword();
  }

  async unlockWithPin(pin = E2E_PIN) {
    await this.pinField.fill(pin);
    await this.page.getByRole('button', { name: 'Lås op' }).click();
  }

  async unlockWithPassword() {
    await this.page.getByLabel('Adgangskode').fill(E2E_PASSWORD);
    await this.page.getByRole('button', { name: 'Lås op' }).click();
    await this.choosePinIfAsked();
  }

  /**
   * Goes to a screen the way a nurse does, inside the running app (no page load, so no unlock);
   * on a page that is not showing the app yet, a real load and a sign-in.
   */
  async goto(path: string) {
    if (await this.page.getByRole('banner').isVisible()) {
      await this.page.evaluate((to) => {
        history.pushState(null, '', to);
        dispatchEvent(new PopStateEvent('popstate'));
      }, path);
      return;
    }
    await this.load(path);
  }

  /** A real page load of `path` (a deep link, a reload): the store asks for the password again. */
  async load(path: string) {
    await this.page.goto(path);
    await this.signIn();
  }

  /** Reloads the page, as a nurse or the browser would, and unlocks again. */
  async reload() {
    await this.page.reload();
    await this.signIn();
  }

  /** Opens a leader's screen from the top bar's "Ledelse". */
  async openLead(name: 'Indstillinger' | 'Administration' | 'Overblik' | 'Adgangslog') {
    const nav = this.page.getByRole('navigation', { name: 'Hovedmenu' });
    await nav.getByRole('button', { name: 'Ledelse' }).click();
    await nav.getByRole('link', { name, exact: true }).click();
  }

  /** Opens the signed-in user's menu (Lås nu, Skift bruger, Log ud). */
  async userMenu() {
    await this.page
      .getByRole('banner')
      .getByRole('button', { name: /lås, skift bruger eller log ud/ })
      .click();
  }

  async logOut() {
    await this.userMenu();
    await this.page.getByRole('button', { name: /^Log ud/ }).click();
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
    await this.reload();
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

  /**
   * A family's link on "Familier" after searching for its name: the list renders its first page
   * only (decision 0073), and the e2e run's team gathers many families.
   */
  async searchFamily(name: string) {
    await this.page.getByLabel('Søg efter familie').fill(name);
    return this.familyLink(name);
  }

  async openFamily(name: string) {
    await (await this.searchFamily(name)).click();
  }
}

/**
 * Writes a note in a Journal region and signs it (a recent unlock: no PIN asked). Done when the
 * field is empty and the note is shown: until the field empties, its text is on the page twice.
 */
export async function signJournalNote(journal: Locator, text: string) {
  await journal.getByLabel('Nyt journalnotat').fill(text);
  await journal.getByRole('button', { name: 'Underskriv notat' }).click();
  await expect(journal.getByLabel('Nyt journalnotat')).toHaveValue('');
  await expect(journal.getByText(text)).toBeVisible();
}

/** A date the given number of months before today (YYYY-MM-DD), e.g. a child's birth date. */
export function monthsAgo(months: number): string {
  const d = new Date();
  d.setMonth(d.getMonth() - months);
  return d.toISOString().slice(0, 10);
}

/** A second tablet: a fresh browser context, logged in and installed for offline use. */
export async function newTablet(browser: Browser, username: string) {
  const context = await browser.newContext();
  const app = new AppPage(await context.newPage());
  await app.installOffline(username);
  return { context, app, page: app.page };
}

/** The observation sections of an open visit record, by their headings. */
export class VisitSections {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  section(name: string): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^${name}`) });
  }

  /** Taps one answer of a question (a group of radio toggles) in a section. */
  async choose(section: string, question: string, answer: string) {
    await this.section(section)
      .getByRole('group', { name: question, exact: true })
      .getByLabel(answer, { exact: true })
      .check();
  }

  async save(section: string, button: string) {
    await this.section(section).getByRole('button', { name: button }).click();
    await expect(this.section(section).getByRole('status')).toContainText('er gemt.');
  }
}
