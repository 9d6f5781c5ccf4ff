import { expect, test, type WebSocketRoute } from "@playwright/test";
import { DashboardPage } from "./pages/DashboardPage";
import { ResourceListPage } from "./pages/ResourceListPage";

test("cutting the live connection marks the data stale until it is back", async ({ page }) => {
  // Every /api/stream socket goes through this route, so the test can cut it like a network failure.
  let allowConnections = true;
  const open: WebSocketRoute[] = [];
  await page.routeWebSocket(/\/api\/stream$/, (socket) => {
    if (!allowConnections) {
      void socket.close({ code: 4001, reason: "network down (test)" });
      return;
    }
    socket.connectToServer();
    open.push(socket);
  });

  const shell = new DashboardPage(page);
  const pods = new ResourceListPage(page, "Pods");
  await pods.goto();
  await expect(shell.connectionStatus()).toContainText("Live");
  await expect(pods.rows().first()).toBeVisible();
  await expect(shell.staleNotice()).toHaveCount(0);

  await test.step("cut the connection", async () => {
    allowConnections = false;
    for (const socket of open.splice(0)) await socket.close({ code: 4001, reason: "network down (test)" });
    await expect(shell.connectionStatus()).toContainText("Disconnected");
    await expect(shell.staleNotice()).toBeVisible();
    await expect(shell.staleNotice()).toContainText("network down (test)");
    await expect(page.locator("[data-stale]")).toBeVisible();
    // The rows stay, marked, rather than vanishing.
    await expect(pods.rows().first()).toBeVisible();
  });

  await test.step("let it reconnect", async () => {
    allowConnections = true;
    await expect(shell.connectionStatus()).toContainText("Live", { timeout: 30_000 });
    await expect(shell.staleNotice()).toHaveCount(0);
    await expect(page.locator("[data-stale]")).toHaveCount(0);
  });
});
