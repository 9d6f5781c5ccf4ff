import { expect, test } from "@playwright/test";
import { ResourceListPage } from "./pages/ResourceListPage";
import { scenario } from "./fixtures/scenario";

const { shop } = scenario();

test("an embed link made in the UI opens its view alone, read-only, until it is revoked", async ({ page, browser, baseURL }) => {
  const pods = new ResourceListPage(page, "Pods");
  await pods.goto(`?ns=${shop}`);
  await expect(pods.rows().first()).toBeVisible();

  const dialog = page.getByRole("dialog", { name: "Embed this view" });
  const src = await test.step("make a link for the shop pods", async () => {
    await page.getByRole("button", { name: "Embed" }).click();
    await expect(dialog.getByRole("textbox", { name: "View" })).toHaveValue(`/pods?ns=${shop}`);
    await dialog.getByRole("button", { name: "Create link" }).click();
    // The demo runs without --frame-ancestors: the dialog gives the link (it works in a tab), not iframe code (e2e/embed-origins.spec.ts).
    const found = (await dialog.getByLabel("Embed link").textContent()) ?? "";
    expect(found).toContain(`/pods?ns=${shop}&embed=`);
    await expect(dialog.getByRole("table", { name: "Embed tokens" }).getByRole("row").filter({ hasText: `/pods?ns=${shop}` }).first()).toContainText("active");
    return found!;
  });

  // A browser with no session of its own: only the token speaks for it.
  const outsider = await browser.newContext({ baseURL });
  const embedded = await outsider.newPage();
  try {
    await test.step("the link shows the shop pods live, without the rest of Orrery", async () => {
      const view = new ResourceListPage(embedded, "Pods");
      await embedded.goto(src);
      await expect(view.rows().first()).toBeVisible();
      for (const cell of await view.namespaceCells().allTextContents()) expect(cell).toBe(shop);
      await expect(embedded.getByRole("navigation", { name: "Sections" })).toHaveCount(0);
      await expect(embedded.getByRole("button", { name: "Embed" })).toHaveCount(0);
      await expect(embedded.getByRole("status", { name: "Cluster connection" })).toContainText("Live");
      const page = await (await outsider.request.get(src)).text();
      expect(page).toContain("Filter by name");
      expect(page).not.toContain("You are not signed in");
    });

    await test.step("revoked, the link opens nothing", async () => {
      await dialog.getByRole("button", { name: `Revoke the embed token for /pods?ns=${shop}` }).first().click();
      await expect(dialog.getByRole("table", { name: "Embed tokens" }).getByRole("row").filter({ hasText: `/pods?ns=${shop}` }).first()).toContainText("revoked");
      // The open page's stream is closed by the revocation and the page leaves on its own; the link itself now renders
      // no view, only the way to sign in.
      const page = await (await outsider.request.get(src)).text();
      expect(page).toContain("You are not signed in");
      expect(page).not.toContain("Filter by name");
    });
  } finally {
    await outsider.close();
  }
});
