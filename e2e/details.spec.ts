import { expect, test } from "@playwright/test";
import { DetailsDrawer } from "./pages/DetailsDrawer";
import { ResourceListPage } from "./pages/ResourceListPage";
import { podNames } from "./fixtures/kubectl";
import { scenario } from "./fixtures/scenario";

const { shop } = scenario();

test.describe("details drawer", () => {
  test("opens on click with labels, owners and YAML, and the link reopens it", async ({ page }) => {
    const pods = new ResourceListPage(page, "Pods");
    const drawer = new DetailsDrawer(page);
    await pods.goto(`?ns=${shop}&q=frontend`);
    const row = pods.rows().first();
    const name = (await row.getByRole("cell").first().innerText()).trim();
    await row.click();

    await test.step("shows the pod", async () => {
      await expect(drawer.dialog()).toBeVisible();
      await expect(drawer.heading()).toHaveText(`Pod ${name}`);
      await expect(page).toHaveURL(new RegExp(`selected=pods%2F${shop}%2F${name}`));
      await expect(drawer.labels().filter({ hasText: "app=frontend" })).toBeVisible();
    });

    await test.step("walks the owner chain to the Deployment", async () => {
      await expect(drawer.ownerLinks().filter({ hasText: /^ReplicaSet frontend-/ })).toBeVisible();
      await expect(drawer.ownerLinks().filter({ hasText: "Deployment frontend" })).toBeVisible();
    });

    await test.step("shows YAML", async () => {
      await drawer.yamlTab().click();
      await expect(drawer.yaml()).toContainText(`name: ${name}`);
    });

    await test.step("a reload reopens the same object", async () => {
      await page.reload();
      await expect(drawer.heading()).toHaveText(`Pod ${name}`);
    });

    await test.step("the owner link opens the Deployment", async () => {
      await drawer.ownerLinks().filter({ hasText: "Deployment frontend" }).click();
      await expect(drawer.heading()).toHaveText("Deployment frontend");
      await expect(page).toHaveURL(new RegExp(`selected=deployments%2F${shop}%2Ffrontend`));
    });
  });

  test("lists the recent events of a crash-looping pod", async ({ page }) => {
    const [checkout] = await podNames(shop, "app=checkout");
    expect(checkout, "a crash-looping checkout pod (seeded on the demo, created on the real cluster)").toBeTruthy();
    const drawer = new DetailsDrawer(page);
    await new ResourceListPage(page, "Pods").goto(`?ns=${shop}&selected=pods/${shop}/${checkout}`);
    await expect(drawer.heading()).toHaveText(`Pod ${checkout}`);
    // The kubelet (simulated on the demo, written by the fixture on the real cluster) reports back-offs as Warning events.
    await expect(drawer.events().filter({ hasText: "BackOff" }).first()).toBeVisible({ timeout: 60_000 });
    await expect(drawer.events().filter({ hasText: "BackOff" }).first()).toContainText("Warning");
  });

  test("opens from the keyboard and closes with Escape", async ({ page }) => {
    const pods = new ResourceListPage(page, "Pods");
    const drawer = new DetailsDrawer(page);
    await pods.goto(`?ns=${shop}`);
    const first = pods.rows().first();
    await expect(first).toBeVisible();
    await first.focus();
    await page.keyboard.press("ArrowDown");
    const second = pods.rows().nth(1);
    await expect(second).toBeFocused();
    const name = (await second.getByRole("cell").first().innerText()).trim();
    await page.keyboard.press("Enter");
    await expect(drawer.heading()).toHaveText(`Pod ${name}`);
    await drawer.close();
    await expect(drawer.dialog()).toBeHidden();
    await expect(page).not.toHaveURL(/selected=/);
  });

  test("says clearly when the selected object does not exist", async ({ page }) => {
    const pods = new ResourceListPage(page, "Pods");
    await pods.goto(`?selected=pods/${shop}/no-such-pod`);
    await expect(page.getByRole("dialog")).toContainText("does not exist");
  });
});
