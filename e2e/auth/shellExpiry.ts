import { expect, test, type Page } from "@playwright/test";
import { ResourceListPage } from "../pages/ResourceListPage";
import { ShellDialog } from "../pages/ShellDialog";

/** Holds back the page's own stream close, so the shell's reaction to an ended login stays on screen to be read. */
export async function holdStreamClose(page: Page): Promise<void> {
  await page.routeWebSocket(/\/api\/stream$/, (ws) => ws.connectToServer().onClose(() => undefined));
}

/**
 * Opens a shell in a running shop pod of a signed-in page and waits for the login's absolute timeout to close it:
 * the terminal says to sign in again, offers no Reconnect, and links to the login page that returns to the pods.
 */
export async function expectShellClosedByExpiry(page: Page, baseUrl: string, signedInAt: number, sessionMaxSeconds: number): Promise<void> {
  const shell = new ShellDialog(page);
  await test.step("open a shell in a running pod", async () => {
    await page.goto(`${baseUrl}/pods?ns=shop&q=frontend`);
    await new ResourceListPage(page, "Pods").rows().filter({ hasText: "Running" }).first().click();
    await shell.openButton().click();
    await expect(shell.status()).toContainText("Connected to");
  });

  await test.step("the expiry closes it with the login-ended message and a way back", async () => {
    await expect(shell.status()).toContainText("Your login ended — sign in again", { timeout: (sessionMaxSeconds + 30) * 1000 });
    expect(Date.now() - signedInAt).toBeGreaterThan((sessionMaxSeconds - 5) * 1000);
    await expect(shell.reconnectButton()).toHaveCount(0);
    await expect(shell.signInLink()).toHaveAttribute("href", /^\/login\?callbackUrl=%2Fpods%3F/);
  });
  // Leave the app page so its own reaction to the expiry does not slow the teardown.
  await page.goto("about:blank");
}
