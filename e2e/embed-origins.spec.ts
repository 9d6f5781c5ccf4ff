import { expect, test } from "@playwright/test";
import { ResourceListPage } from "./pages/ResourceListPage";
import { scenario } from "./fixtures/scenario";

const { shop } = scenario();

// Started as the README shows, --frame-ancestors is empty: every browser refuses to frame Orrery, so the dialog says so.
test("with no site allowed to frame Orrery the embed dialog says so, names the setting and gives no iframe code", async ({ page }) => {
  const pods = new ResourceListPage(page, "Pods");
  const listing = page.waitForResponse((response) => new URL(response.url()).pathname.endsWith("/api/embed") && response.request().method() === "GET");
  await pods.goto(`?ns=${shop}`);
  await expect(pods.rows().first()).toBeVisible();
  const dialog = page.getByRole("dialog", { name: "Embed this view" });

  await test.step("the server tells the dialog who may frame Orrery: nobody", async () => {
    await page.getByRole("button", { name: "Embed" }).click();
    expect(await (await listing).json()).toMatchObject({ frameAncestors: [] });
  });

  await test.step("the dialog says no site may embed Orrery and shows the flag and variable to change", async () => {
    const notice = dialog.getByRole("status", { name: "No site may show Orrery in an iframe yet" });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText("--frame-ancestors https://portal.example.com");
    await expect(notice).toContainText("ORRERY_FRAME_ANCESTORS=https://portal.example.com");
  });

  await test.step("a new link comes without iframe code that every browser would refuse", async () => {
    await dialog.getByRole("button", { name: "Create link" }).click();
    await expect(dialog.getByLabel("Embed link")).toContainText(`/pods?ns=${shop}&embed=`);
    await expect(dialog.getByLabel("Embed code")).toHaveCount(0);
    await expect(dialog).not.toContainText("<iframe");
  });

  await test.step("and indeed the page refuses to be framed", async () => {
    const link = (await dialog.getByLabel("Embed link").textContent()) ?? "";
    const response = await page.request.get(link);
    expect(response.headers()["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
  });
});
