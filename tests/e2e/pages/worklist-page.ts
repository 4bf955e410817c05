/** Page object for "Mine besøg": its buckets, the items in them and the nurse filter. */
import { expect, type Locator, type Page } from '@playwright/test';

export class WorklistPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async open() {
    await this.page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Mine besøg' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Mine besøg' })).toBeVisible();
  }

  bucket(name: string): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^${name}`) });
  }

  /** The item of a child in a bucket. */
  item(bucket: string, child: string): Locator {
    return this.bucket(bucket)
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('link', { name: new RegExp(`^${child},`) }) });
  }

  /** Opens the item's visit: "start" a planned one, "fortsæt" one already drafted. */
  async openVisit(bucket: string, child: string, how: 'start' | 'fortsæt' = 'start') {
    await this.item(bucket, child)
      .getByRole('link', { name: new RegExp(`^${child},.* – ${how} `) })
      .click();
  }

  childPage(bucket: string, child: string): Locator {
    return this.item(bucket, child).getByRole('link', { name: `Barnets side: ${child}` });
  }

  get nurseFilter(): Locator {
    return this.page.getByLabel('Vis besøg for');
  }
}
