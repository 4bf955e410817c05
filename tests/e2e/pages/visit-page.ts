/**
 * Page object for a visit record and the way to it: a family with a child, the child's page, a
 * visit started from the plan or ad hoc, its sections, its index and its sign and discard actions.
 * Labels and roles only, as the nurse sees them.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { type AppPage, type ChildInput, monthsAgo, VisitSections } from './app.ts';

export class VisitPage {
  readonly page: Page;
  readonly sections: VisitSections;
  constructor(page: Page) {
    this.page = page;
    this.sections = new VisitSections(page);
  }

  /** A new family (included in the programme when `included`) with one child; ends on the child's page. */
  async newChild(
    app: AppPage,
    family: string,
    child: Partial<ChildInput> & { firstName: string },
    options: { included?: boolean } = {},
  ) {
    await app.goto('/familier/ny');
    await this.page.getByLabel('Familiens navn').fill(family);
    if (options.included) await this.page.getByLabel('Inkluderet i forløbet').fill(monthsAgo(12));
    await this.page.getByRole('button', { name: 'Gem' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: family })).toBeVisible();
    await app.addChild({ birthDate: monthsAgo(3), sex: 'Pige', ...child });
    await this.page.getByRole('link', { name: child.firstName, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: new RegExp(child.firstName) })).toBeVisible();
  }

  /** From the child's page: an ad hoc visit (behovsbesøg). */
  async startAdHoc() {
    await this.page.getByRole('link', { name: 'Nyt besøg uden plan' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: /^Behovsbesøg: / })).toBeVisible();
  }

  /** From the child's page: the planned visit of this type. */
  async startPlanned(type: string) {
    await this.page.getByRole('link', { name: `Start besøg: ${type}` }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: new RegExp(`^${type}: `) })).toBeVisible();
  }

  section(name: string): Locator {
    return this.sections.section(name);
  }

  get signButton() {
    return this.page.getByRole('button', { name: 'Underskriv besøget' });
  }

  /** The visit's section index (a navigation landmark). */
  get index() {
    return this.page.getByRole('navigation', { name: 'Besøgets afsnit' });
  }

  /** The element that has focus now. */
  get focused(): Locator {
    return this.page.locator(':focus');
  }

  /** Whether the element's box lies inside the viewport and not under the sticky bars. */
  async isUncovered(target: Locator): Promise<boolean> {
    return target.evaluate((element) => {
      const box = element.getBoundingClientRect();
      if (box.bottom <= 0 || box.top >= window.innerHeight) return false;
      const x = box.left + Math.min(box.width / 2, 20);
      const y = box.top + Math.min(box.height / 2, 8);
      const hit = document.elementFromPoint(x, y);
      return hit !== null && (element === hit || element.contains(hit) || hit.contains(element));
    });
  }
}
