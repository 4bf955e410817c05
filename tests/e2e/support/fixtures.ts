/**
 * The `test` every end-to-end spec imports: Playwright's, plus a guard that fails the test when a
 * page asked the translator for a key without a text (the app logs "[i18n] missing text" from its
 * missingKeyHandler, see src/client/i18n/i18n.ts), so a screen that would show a raw key such as
 * "validation.valueOrReason" fails the test that rendered it. It watches the test's own context
 * and every context the test opens itself (a second tablet).
 */
import { type BrowserContext, test as base, expect } from '@playwright/test';

export const MISSING_TEXT = '[i18n] missing text';

export const test = base.extend<{ missingTexts: string[] }>({
  missingTexts: [
    async ({ browser, context }, use) => {
      const found: string[] = [];
      const watch = (watched: BrowserContext) => {
        watched.on('console', (message) => {
          if (message.text().startsWith(MISSING_TEXT)) found.push(`${message.text()} (${message.location().url})`);
        });
      };
      watch(context);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const opened = await newContext(options);
        watch(opened);
        return opened;
      };
      await use(found);
      browser.newContext = newContext;
      expect(found, 'texts missing from the i18n catalogue').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
