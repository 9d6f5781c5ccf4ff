import { expect, test } from "@playwright/test";
import { DashboardPage } from "./pages/DashboardPage";
import { ResourceListPage } from "./pages/ResourceListPage";
import { scenario } from "./fixtures/scenario";

const { shop } = scenario();

test("the namespace selector narrows the list and is kept in the URL", async ({ page }) => {
  const shell = new DashboardPage(page);
  const pods = new ResourceListPage(page, "Pods");
  await pods.goto();
  await expect(pods.rows().first()).toBeVisible();
  for (const namespace of scenario().namespaces) {
    await expect(shell.namespaceSelect().locator("option", { hasText: namespace })).toHaveCount(1);
  }

  await test.step(`choose ${shop}`, async () => {
    await shell.namespaceSelect().selectOption(shop);
    await expect(page).toHaveURL(new RegExp(`[?&]ns=${shop}`));
    await expect(pods.rows().first()).toBeVisible();
    const namespaces = await pods.namespaceCells().allInnerTexts();
    expect(new Set(namespaces.map((n) => n.trim()))).toEqual(new Set([shop]));
  });

  await test.step("the namespace follows to other lists", async () => {
    await shell.navLink("Services").click();
    await expect(page).toHaveURL(new RegExp(`/services\\?ns=${shop}`));
    const services = new ResourceListPage(page, "Services");
    await expect(services.rows().first()).toBeVisible();
    expect(new Set((await services.namespaceCells().allInnerTexts()).map((n) => n.trim()))).toEqual(new Set([shop]));
  });

  await test.step("back to all namespaces", async () => {
    await shell.namespaceSelect().selectOption({ label: "All namespaces" });
    await expect(page).not.toHaveURL(/ns=/);
    const services = new ResourceListPage(page, "Services");
    await expect(services.namespaceCells().filter({ hasText: /^default$/ }).first()).toBeVisible();
  });
});

test("an empty namespace says so", async ({ page }) => {
  const pods = new ResourceListPage(page, "Pods");
  await pods.goto(`?ns=${shop}&q=zz-no-such-pod`);
  await expect(page.getByText(`No pods in namespace ${shop} match "zz-no-such-pod"`)).toBeVisible();
});
