import { expect, test } from "@playwright/test";
import { everyPage, visitQuietly, watchConsole } from "./fixtures/consoleWatch";

// Login is off here (e2e/playwright.config.ts): nothing may ask for a session, and nothing may fail on the way.
// The logged-in walk is e2e/auth/clean-console.spec.ts.

test("every page loads with a clean console when login is off", async ({ page }) => {
  const console = watchConsole(page);
  const sessionRequests: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname.startsWith("/api/auth/")) sessionRequests.push(request.url());
  });
  for (const path of everyPage) {
    await test.step(path, async () => {
      await visitQuietly(page, path);
      expect.soft(console.problems(), `what the console showed on ${path}`).toEqual([]);
    });
  }
  expect(sessionRequests, "requests for a login session while login is off").toEqual([]);
});
