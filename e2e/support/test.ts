// The `test` every spec uses: Playwright's, plus a guard that fails any test during which Chromium
// reported a Content-Security-Policy violation, in the default context or in any context the test
// opens itself (signed-in users, visitors). Chromium logs every violation to the page's console.
import { type BrowserContext, test as base, expect } from "@playwright/test";

export * from "@playwright/test";

function watch(context: BrowserContext, found: string[]) {
  context.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) found.push(`${message.location().url}: ${message.text()}`);
  });
}

export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ browser, context }, use) => {
      const found: string[] = [];
      watch(context, found);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args: Parameters<typeof newContext>) => {
        const created = await newContext(...args);
        watch(created, found);
        return created;
      };
      await use(found);
      browser.newContext = newContext;
      expect(found, "Content-Security-Policy violations reported by Chromium").toEqual([]);
    },
    { auto: true },
  ],
});
