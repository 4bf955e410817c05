/**
 * Finding elements by what a person (and VoiceOver) perceives: role and accessible name, a form
 * control's label, visible text. WebDriver has no role locator, so a script in the page lists the
 * visible candidates for a role (its implicit-role elements and explicit `role=`), cut down to those
 * whose name sources mention the wanted name; WebKit's own accessibility engine then decides, through
 * WebDriver's computed role and computed label, which of them really have that role and name.
 *
 * Every action and expectation waits for its condition (polling, with a timeout and a message that
 * says what was looked for); nothing sleeps for a fixed time.
 */
import { By, Key, type WebDriver, type WebElement, error as wdError } from 'selenium-webdriver';

export type Name = string | RegExp;
export const DEFAULT_TIMEOUT = 10_000;
const POLL_MS = 50;

/** The elements that can have each role without a `role` attribute (HTML-AAM), for the candidates. */
const implicitRoles: Record<string, string> = {
  alert: '',
  banner: 'header',
  button: 'button, input[type=button], input[type=submit], input[type=reset], summary',
  cell: 'td',
  checkbox: 'input[type=checkbox]',
  columnheader: 'th',
  combobox: 'select',
  dialog: 'dialog',
  group: 'fieldset, details, optgroup',
  heading: 'h1, h2, h3, h4, h5, h6',
  img: 'img, svg',
  link: 'a[href], area[href]',
  list: 'ul, ol',
  listitem: 'li',
  main: 'main',
  navigation: 'nav',
  option: 'option',
  radio: 'input[type=radio]',
  region: 'section',
  row: 'tr',
  status: 'output',
  table: 'table',
  term: 'dt',
  definition: 'dd',
  textbox: 'input:not([type]), input[type=text], input[type=email], input[type=tel], input[type=url], textarea',
};

const labelled =
  'input:not([type=hidden]), select, textarea, [role=textbox], [role=combobox], [role=checkbox], [role=radio]';

/** A string name matches as a case-insensitive substring (as in Playwright) unless `exact`. */
export type NameOptions = { exact?: boolean };
export type RoleOptions = NameOptions & { name?: Name; level?: number };

type Query =
  | ({ by: 'role'; role: string } & RoleOptions)
  | ({ by: 'label'; name: Name } & NameOptions)
  | ({ by: 'text'; text: Name } & NameOptions);

const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();
const matches = (value: string, name: Name, exact = false) =>
  typeof name !== 'string'
    ? name.test(normalise(value))
    : exact
      ? normalise(value) === normalise(name)
      : normalise(value).toLowerCase().includes(normalise(name).toLowerCase());
const describeName = (name: Name | undefined) =>
  name === undefined ? '' : typeof name === 'string' ? ` "${name}"` : ` ${String(name)}`;

/**
 * Runs in the page: the visible elements under `root` that match `selector` (and, for headings,
 * `level`) and whose name sources contain `hint` (lower case) — a superset of those whose accessible
 * name contains it. With `textMode`, the innermost visible elements whose text contains `hint`.
 */
function candidatesInPage(
  root: Element | null,
  selector: string,
  hint: string | null,
  level: number | null,
  textMode: boolean,
  pattern: [string, string] | null,
): Element[] {
  const scope: ParentNode = root ?? document;
  const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
  const visible = (el: Element) =>
    typeof el.checkVisibility === 'function'
      ? el.checkVisibility({ visibilityProperty: true })
      : el.getClientRects().length > 0;
  const sources = (el: Element) => {
    const parts = [el.getAttribute('aria-label'), el.getAttribute('title'), el.getAttribute('alt'), el.textContent];
    parts.push(el.getAttribute('placeholder'));
    for (const id of (el.getAttribute('aria-labelledby') ?? '').split(/\s+/)) {
      if (id) parts.push(document.getElementById(id)?.textContent ?? '');
    }
    const labels = (el as HTMLInputElement).labels;
    if (labels) for (const label of labels) parts.push(label.textContent);
    if (el instanceof HTMLInputElement) parts.push(el.value);
    for (const img of el.querySelectorAll('img[alt], [aria-label]')) {
      parts.push(img.getAttribute('alt') ?? img.getAttribute('aria-label'));
    }
    return norm(parts.join(' '));
  };
  if (textMode) {
    const regex = pattern ? new RegExp(pattern[0], pattern[1]) : null;
    const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    const all = [...scope.querySelectorAll('*')].filter(
      (el) =>
        !['SCRIPT', 'STYLE', 'OPTION'].includes(el.tagName) &&
        (regex ? regex.test(text(el)) : norm(el.textContent).includes(hint ?? '')),
    );
    const innermost = all.filter((el) => !all.some((other) => other !== el && el.contains(other)));
    return innermost.filter(visible);
  }
  return [...scope.querySelectorAll(selector)].filter((el) => {
    if (!visible(el)) return false;
    if (level !== null) {
      const own = el.getAttribute('aria-level') ?? (/^H[1-6]$/.test(el.tagName) ? el.tagName.slice(1) : null);
      if (Number(own) !== level) return false;
    }
    return hint === null || sources(el).includes(hint);
  });
}

/**
 * The keys a person types into WebKitGTK's date and time controls, which are segmented fields laid
 * out by the browser's locale. The driver runs the browser in the C locale (support/driver.ts), where
 * a date reads MM/DD/YYYY and a time HH:MM (24 h); the typed separators move to the next field.
 */
const keysFor = (type: string, value: string) => {
  if (type === 'time') return value;
  const [year, month, day] = value.split('-');
  return `${month}/${day}/${year}`;
};

const retryable = (e: unknown) =>
  e instanceof wdError.StaleElementReferenceError ||
  e instanceof wdError.ElementClickInterceptedError ||
  e instanceof wdError.ElementNotInteractableError ||
  e instanceof wdError.NoSuchElementError;

export class Locator {
  readonly driver: WebDriver;
  private readonly query: Query;
  private readonly parent: Locator | null;
  private readonly index: number | null;

  constructor(driver: WebDriver, query: Query, parent: Locator | null = null, index: number | null = null) {
    this.driver = driver;
    this.query = query;
    this.parent = parent;
    this.index = index;
  }

  toString(): string {
    const q = this.query;
    const own =
      q.by === 'role'
        ? `role ${q.role}${q.level ? ` (level ${q.level})` : ''}${describeName(q.name)}`
        : q.by === 'label'
          ? `label${describeName(q.name)}`
          : `text${describeName(q.text)}`;
    const nth = this.index === null ? '' : ` #${this.index}`;
    return this.parent ? `${this.parent} › ${own}${nth}` : `${own}${nth}`;
  }

  getByRole(role: string, options: RoleOptions = {}) {
    return new Locator(this.driver, { by: 'role', role, ...options }, this);
  }
  getByLabel(name: Name, options: NameOptions = {}) {
    return new Locator(this.driver, { by: 'label', name, ...options }, this);
  }
  getByText(text: Name, options: NameOptions = {}) {
    return new Locator(this.driver, { by: 'text', text, ...options }, this);
  }
  nth(index: number) {
    return new Locator(this.driver, this.query, this.parent, index);
  }
  first() {
    return this.nth(0);
  }
  last() {
    return this.nth(-1);
  }

  /** The matching elements right now (no waiting). */
  async all(): Promise<WebElement[]> {
    const root = this.parent ? await this.parent.resolveNow() : null;
    if (this.parent && !root) return [];
    const q = this.query;
    const name = q.by === 'text' ? q.text : q.name;
    const hint = typeof name === 'string' ? normalise(name).toLowerCase() : null;
    const selector =
      q.by === 'label'
        ? labelled
        : q.by === 'role'
          ? [implicitRoles[q.role], `[role~="${q.role}"]`].filter(Boolean).join(', ')
          : '';
    const level = q.by === 'role' ? (q.level ?? null) : null;
    const found = (await this.driver.executeScript(
      candidatesInPage,
      root,
      selector,
      hint,
      level,
      q.by === 'text',
      q.by === 'text' && q.text instanceof RegExp ? [q.text.source, q.text.flags] : null,
    )) as WebElement[];
    if (q.by === 'text') {
      if (!q.exact || typeof q.text !== 'string') return this.pick(found);
      const exact: WebElement[] = [];
      for (const element of found) if (matches(await element.getText(), q.text, true)) exact.push(element);
      return this.pick(exact);
    }
    const result: WebElement[] = [];
    for (const element of found) {
      if (q.by === 'role' && (await element.getAriaRole()) !== q.role) continue;
      if (name !== undefined && !matches(await element.getAccessibleName(), name, q.exact)) continue;
      result.push(element);
    }
    return this.pick(result);
  }

  private pick(all: WebElement[]): WebElement[] {
    if (this.index === null) return all;
    const picked = all.at(this.index);
    return picked ? [picked] : [];
  }

  /** The one matching element now, or null (none, or ambiguous without nth()). */
  private async resolveNow(): Promise<WebElement | null> {
    const all = await this.all();
    return all.length === 1 ? (all[0] ?? null) : null;
  }

  /** Polls `attempt` until it returns a value other than undefined; retries stale/intercepted elements. */
  private async poll<T>(what: string, attempt: () => Promise<T | undefined>, timeout: number): Promise<T> {
    const deadline = Date.now() + timeout;
    let last = '';
    for (;;) {
      try {
        const value = await attempt();
        if (value !== undefined) return value;
      } catch (e) {
        if (!retryable(e)) throw e;
        last = ` (last: ${(e as Error).name})`;
      }
      if (Date.now() > deadline) {
        const count = await this.all().then(
          (all) => all.length,
          () => -1,
        );
        throw new Error(`timed out after ${timeout} ms: ${what}: ${this} (${count} matching)${last}`);
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /** Waits until exactly one element matches; returns it. */
  async element(timeout = DEFAULT_TIMEOUT): Promise<WebElement> {
    return this.poll('expected exactly one element', async () => (await this.resolveNow()) ?? undefined, timeout);
  }

  async expectVisible(timeout = DEFAULT_TIMEOUT) {
    await this.element(timeout);
  }

  async expectGone(timeout = DEFAULT_TIMEOUT) {
    await this.poll('expected no element', async () => ((await this.all()).length === 0 ? true : undefined), timeout);
  }

  async count() {
    return (await this.all()).length;
  }

  async isVisible() {
    return (await this.all()).length > 0;
  }

  async text(timeout = DEFAULT_TIMEOUT): Promise<string> {
    return normalise(await (await this.element(timeout)).getText());
  }

  async expectText(expected: Name, timeout = DEFAULT_TIMEOUT) {
    await this.poll(
      `expected text${describeName(expected)}`,
      async () => {
        const element = await this.resolveNow();
        if (!element) return undefined;
        const text = normalise(await element.getText());
        const ok = typeof expected === 'string' ? text === normalise(expected) : expected.test(text);
        return ok ? true : undefined;
      },
      timeout,
    );
  }

  async expectValue(expected: string, timeout = DEFAULT_TIMEOUT) {
    await this.poll(
      `expected value "${expected}"`,
      async () => {
        const element = await this.resolveNow();
        if (!element) return undefined;
        return (await element.getProperty('value')) === expected ? true : undefined;
      },
      timeout,
    );
  }

  async expectChecked(checked = true, timeout = DEFAULT_TIMEOUT) {
    await this.poll(
      `expected ${checked ? 'checked' : 'unchecked'}`,
      async () => {
        const element = await this.resolveNow();
        if (!element) return undefined;
        return (await element.isSelected()) === checked ? true : undefined;
      },
      timeout,
    );
  }

  /** Scrolls the element to the middle of the viewport (clear of sticky bars) and clicks it. */
  async click(timeout = DEFAULT_TIMEOUT) {
    await this.poll(
      'could not click',
      async () => {
        const element = await this.resolveNow();
        if (!element) return undefined;
        if (!(await element.isEnabled())) return undefined;
        await this.driver.executeScript('arguments[0].scrollIntoView({ block: "center", inline: "nearest" })', element);
        await element.click();
        return true;
      },
      timeout,
    );
  }

  /** Types into a text control as a person would: the old text selected and replaced. */
  async fill(value: string, timeout = DEFAULT_TIMEOUT) {
    await this.poll(
      `could not fill in "${value}"`,
      async () => {
        const element = await this.resolveNow();
        if (!element || !(await element.isEnabled())) return undefined;
        await this.driver.executeScript('arguments[0].scrollIntoView({ block: "center", inline: "nearest" })', element);
        const type = String(await element.getProperty('type'));
        if (type === 'date' || type === 'time') {
          // WebKit's date and time controls take the keys a person types: the value as displayed.
          if ((await element.getProperty('value')) !== '') await element.clear();
          // Focus (not a click, which lands on a middle field) puts the caret on the first field.
          await this.driver.executeScript('arguments[0].focus()', element);
          await element.sendKeys(keysFor(type, value));
        } else {
          if ((await element.getProperty('value')) !== '') {
            await element.sendKeys(Key.chord(Key.CONTROL, 'a'), Key.BACK_SPACE);
          }
          await element.sendKeys(value);
        }
        return (await element.getProperty('value')) === value ? true : undefined;
      },
      timeout,
    );
  }

  /** Ticks a checkbox or picks a radio (clicking it, or its label when the input is visually hidden). */
  async check(timeout = DEFAULT_TIMEOUT) {
    await this.poll(
      'could not check',
      async () => {
        const element = await this.resolveNow();
        if (!element) return undefined;
        if (await element.isSelected()) return true;
        await this.driver.executeScript('arguments[0].scrollIntoView({ block: "center", inline: "nearest" })', element);
        await element.click();
        return (await element.isSelected()) ? true : undefined;
      },
      timeout,
    );
  }

  /** Picks the option with this visible text in a select. */
  async selectOption(label: string, timeout = DEFAULT_TIMEOUT) {
    await this.poll(
      `could not select "${label}"`,
      async () => {
        const element = await this.resolveNow();
        if (!element || !(await element.isEnabled())) return undefined;
        let target: WebElement | undefined;
        for (const option of await element.findElements(By.css('option'))) {
          if (normalise(String(await option.getProperty('textContent'))) === normalise(label)) target = option;
        }
        if (!target) return undefined;
        await this.driver.executeScript('arguments[0].scrollIntoView({ block: "center", inline: "nearest" })', element);
        await target.click();
        return (await target.isSelected()) ? true : undefined;
      },
      timeout,
    );
  }
}

/** The page as the root of locators. */
export class Screen {
  readonly driver: WebDriver;
  constructor(driver: WebDriver) {
    this.driver = driver;
  }
  getByRole(role: string, options: RoleOptions = {}) {
    return new Locator(this.driver, { by: 'role', role, ...options });
  }
  getByLabel(name: Name, options: NameOptions = {}) {
    return new Locator(this.driver, { by: 'label', name, ...options });
  }
  getByText(text: Name, options: NameOptions = {}) {
    return new Locator(this.driver, { by: 'text', text, ...options });
  }
}

/** Polls a condition in the page (a script returning a truthy value) until it holds. */
/** Polls `script` until it returns something truthy, and returns that. */
export async function waitInPage(driver: WebDriver, what: string, script: string, timeout = DEFAULT_TIMEOUT) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      const value: unknown = await driver.executeScript(script);
      if (value) return value;
    } catch (e) {
      // A page that is navigating has no document to run in yet.
      if (!(e instanceof wdError.JavascriptError) && !(e instanceof wdError.NoSuchWindowError)) throw e;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
