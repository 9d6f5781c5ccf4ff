import { expect, test } from "@playwright/test";
import { kubectl, podNames } from "./fixtures/kubectl";
import { DashboardPage } from "./pages/DashboardPage";
import { ResourceListPage } from "./pages/ResourceListPage";
import { scenario } from "./fixtures/scenario";

const { shop } = scenario();

test.describe("live pods", () => {
  test("lists the cluster's pods and shows the connection as live", async ({ page }) => {
    const pods = new ResourceListPage(page, "Pods");
    const shell = new DashboardPage(page);
    await pods.goto();
    await expect(shell.connectionStatus()).toContainText("Live");
    await expect(pods.row(/^frontend-/).first()).toBeVisible();
    for (const namespace of scenario().podNamespaces) {
      await expect(pods.namespaceCells().filter({ hasText: new RegExp(`^${namespace}$`) }).first()).toBeVisible();
    }
  });

  test("follows a scale done with kubectl, without reloading", async ({ page }) => {
    const pods = new ResourceListPage(page, "Pods");
    const original = await kubectl("get", "deployment", "frontend", "-n", shop, "-o", "jsonpath={.spec.replicas}");
    const target = Number(original) === 5 ? 6 : 5;
    await pods.goto(`?ns=${shop}&q=frontend`);
    await expect(pods.rows().first()).toBeVisible();
    // A marker on the window proves the page was not reloaded.
    await page.evaluate(() => ((window as unknown as { e2eMarker: boolean }).e2eMarker = true));
    try {
      await test.step(`scale frontend to ${target}`, async () => {
        await kubectl("scale", "deployment", "frontend", "-n", shop, "--replicas", String(target));
        await expect(pods.rows()).toHaveCount(target);
      });
    } finally {
      await kubectl("scale", "deployment", "frontend", "-n", shop, "--replicas", original);
    }
    await expect(pods.rows()).toHaveCount(Number(original));
    expect(await page.evaluate(() => (window as unknown as { e2eMarker?: boolean }).e2eMarker)).toBe(true);
  });

  test("shows a label added with kubectl in the open details", async ({ page }) => {
    const [podName] = await podNames(shop, "app=frontend");
    expect(podName, "frontend pods labelled app=frontend (seeded on the demo, created on the real cluster)").toBeTruthy();
    const pods = new ResourceListPage(page, "Pods");
    await pods.goto(`?ns=${shop}&selected=pods/${shop}/${podName}`);
    const drawer = page.getByRole("dialog");
    await expect(drawer.getByRole("region", { name: "Labels" })).toBeVisible();
    const value = `v${Date.now()}`;
    try {
      await kubectl("label", "pod", podName!, "-n", shop, `e2e-mark=${value}`, "--overwrite");
      await expect(drawer.getByRole("listitem").filter({ hasText: `e2e-mark=${value}` })).toBeVisible();
    } finally {
      await kubectl("label", "pod", podName!, "-n", shop, "e2e-mark-");
    }
    await expect(drawer.getByRole("listitem").filter({ hasText: "e2e-mark=" })).toHaveCount(0);
  });
});
