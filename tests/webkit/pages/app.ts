/**
 * Page object for the app in WebKit, the WebDriver twin of tests/e2e/pages/app.ts: what a nurse
 * does, in her words. Tests say what, this file says how, with roles, labels and accessible names
 * only (support/locate.ts), never CSS selectors.
 */
import { writeFileSync } from 'node:fs';
import type { WebDriver } from 'selenium-webdriver';
import { selectLookInPage, topBarProblemInPage } from '../../e2e/support/top-bar.ts';
import type { WebKitSession } from '../support/driver.ts';
import { DEFAULT_TIMEOUT, type Locator, Screen, waitInPage } from '../support/locate.ts';
import { WEBKIT_USER } from '../support/server.ts';

/** The PIN the WebKit nurse chooses after signing in (decision 0060; not an obvious one). */
export const WEBKIT_PIN = '839174';

export type FamilyInput = { name: string; address?: string };
export type ChildInput = { firstName: string; birthDate: string; sex: 'Pige' | 'Dreng' };

export class WebKitApp extends Screen {
  readonly session: WebKitSession;
  readonly baseUrl: string;

  constructor(session: WebKitSession, baseUrl: string) {
    super(session.driver);
    this.session = session;
    this.baseUrl = baseUrl;
  }

  get webdriver(): WebDriver {
    return this.driver;
  }

  async goto(path: string) {
    await this.driver.get(`${this.baseUrl}${path}`);
    await this.documentReady();
  }

  /** Reloads the page; the store's key is only in memory, so the lock screen asks for the password. */
  async reload() {
    await this.driver.navigate().refresh();
    await this.documentReady();
    await this.unlockIfLocked();
  }

  /** On the lock screen ("Lås op"), opens the store with the PIN, or the password when no PIN is offered (works offline). */
  async unlockIfLocked(user: { password: string } = WEBKIT_USER) {
    const state = await waitInPage(
      this.driver,
      'the app or the lock screen',
      `const h = document.querySelector('h1');
       if (document.querySelector('header[role="banner"], header')?.querySelector('nav')) return 'app';
       return h && /Lås op|Log ind/.test(h.textContent ?? '') ? h.textContent : false;`,
      20_000,
    );
    if (state !== 'Lås op') return;
    const field = await waitInPage(
      this.driver,
      'the PIN or password field',
      `const label = [...document.querySelectorAll('label')].map((l) => l.textContent ?? '');
       if (label.includes('Pinkode (6 cifre)')) return 'pin';
       return label.includes('Adgangskode') ? 'password' : false;`,
    );
    if (field === 'pin') await this.getByLabel('Pinkode (6 cifre)').fill(WEBKIT_PIN);
    else await this.getByLabel('Adgangskode').fill(user.password);
    await this.getByRole('button', { name: 'Lås op', exact: true }).click();
    await this.choosePinIfAsked();
  }

  /** After opening with the password, a nurse without a PIN chooses one before the app opens. */
  async choosePinIfAsked() {
    const state = await waitInPage(
      this.driver,
      'the app or the PIN choice',
      `const h = document.querySelector('h1');
       if (h && /Vælg en pinkode/.test(h.textContent ?? '')) return 'pin';
       return document.querySelector('header nav') ? 'app' : false;`,
      20_000,
    );
    if (state === 'pin') {
      await this.getByLabel('Ny pinkode (6 cifre)').fill(WEBKIT_PIN);
      await this.getByLabel('Gentag pinkoden').fill(WEBKIT_PIN);
      await this.getByRole('button', { name: 'Gem pinkode', exact: true }).click();
    }
    await this.banner.expectVisible(20_000);
  }

  private async documentReady() {
    await waitInPage(this.driver, 'the document to load', 'return document.readyState === "complete"');
  }

  async currentPath() {
    return new URL(await this.driver.getCurrentUrl()).pathname;
  }

  get banner() {
    return this.getByRole('banner');
  }

  get loginHeading() {
    return this.getByRole('heading', { level: 1, name: 'Log ind', exact: true });
  }

  /**
   * Every step of signing in on this device, in one place: the login form, the PIN choice, then
   * the app's frame.
   */
  async login(user: { username: string; password: string } = WEBKIT_USER) {
    await this.loginHeading.expectVisible();
    await this.getByLabel('Brugernavn').fill(user.username);
    await this.getByLabel('Adgangskode').fill(user.password);
    await this.getByRole('button', { name: 'Log ind', exact: true }).click();
    await this.choosePinIfAsked();
  }

  /** The sync status bar. */
  get syncBar() {
    return this.getByRole('region', { name: 'Synkronisering', exact: true });
  }

  get syncState(): Locator {
    return this.syncBar.getByRole('status');
  }

  async expectAllSynced(timeout = 20_000) {
    await this.syncState.expectText('Alt er synkroniseret', timeout);
  }

  async syncNow() {
    await this.syncBar.getByRole('button', { name: 'Synkronisér nu', exact: true }).click(20_000);
  }

  /** The service worker is installed and active; after a reload it controls the page. */
  async waitForServiceWorkerControl() {
    await waitInPage(
      this.driver,
      'an active service worker',
      'return navigator.serviceWorker.getRegistration().then((r) => r?.active?.state === "activated")',
      30_000,
    );
    await this.reload();
    await waitInPage(
      this.driver,
      'the service worker to control the page',
      'return !!navigator.serviceWorker.controller',
    );
  }

  async isControlledByServiceWorker() {
    return Boolean(await this.driver.executeScript('return !!navigator.serviceWorker.controller'));
  }

  heading(name: string, level = 1) {
    return this.getByRole('heading', { level, name, exact: true });
  }

  nav(name: string) {
    return this.getByRole('navigation', { name: 'Hovedmenu', exact: true }).getByRole('link', { name, exact: true });
  }

  async openFamilies() {
    await this.nav('Familier').click();
    await this.heading('Familier').expectVisible();
  }

  async createFamily(family: FamilyInput) {
    await this.getByRole('link', { name: 'Ny familie', exact: true }).click();
    await this.getByLabel('Familiens navn').fill(family.name);
    if (family.address) await this.getByLabel('Adresse', { exact: true }).fill(family.address);
    await this.getByRole('button', { name: 'Gem', exact: true }).click();
    await this.heading(family.name).expectVisible();
  }

  async addChild(child: ChildInput) {
    await this.getByRole('link', { name: 'Tilføj barn', exact: true }).click();
    await this.getByLabel('Fornavn').fill(child.firstName);
    await this.getByLabel('Fødselsdato').fill(child.birthDate);
    await this.getByLabel(child.sex, { exact: true }).check();
    await this.getByRole('button', { name: 'Gem', exact: true }).click();
    await this.childHeading(child.firstName).expectVisible();
  }

  childHeading(firstName: string) {
    return this.getByRole('heading', { level: 3, name: new RegExp(`^${firstName}\\b`) });
  }

  /** From the family page: the child's page, then a visit outside the plan (behovsbesøg). */
  async startAdHocVisit(firstName: string) {
    await this.getByRole('link', { name: firstName, exact: true }).click();
    await this.getByRole('link', { name: 'Nyt besøg uden plan', exact: true }).click();
    await this.getByRole('heading', { level: 1, name: new RegExp(`: ${firstName}$`) }).expectVisible();
  }

  get draftSaved() {
    return this.getByText(/Kladde gemt på enheden/);
  }

  get draftRestored() {
    return this.getByText('Din kladde er hentet frem – intet er tabt.');
  }

  async signVisit() {
    await this.getByRole('button', { name: 'Underskriv besøget', exact: true }).click();
    await this.getByText('Besøget er underskrevet og kan ikke ændres.').expectVisible(DEFAULT_TIMEOUT);
  }

  /** The viewport as a PNG (WebDriver screenshots show the viewport, not the whole page). */
  async screenshot(path: string) {
    writeFileSync(path, await this.driver.takeScreenshot(), 'base64');
  }

  /** The top bar's controls on one row inside the viewport (null), or what is off. */
  async topBarProblem(rowOf?: string): Promise<string | null> {
    const banner = await this.banner.element();
    return (await this.driver.executeScript(topBarProblemInPage, banner, rowOf ?? null)) as string | null;
  }

  /** How the language select is drawn: its appearance, an opaque background, the text's contrast. */
  async languageSelectLook() {
    const select = await this.getByLabel('Sprog i appen').element();
    return (await this.driver.executeScript(selectLookInPage, select)) as ReturnType<typeof selectLookInPage>;
  }
}
