import { expect, test, type Locator, type Page } from "@playwright/test";
import { scenario } from "./fixtures/scenario";
import { DashboardPage } from "./pages/DashboardPage";

const { target, shop } = scenario();
const pages = ["/topology", "/pods", "/workloads", "/nodes", "/services"];
const explanation = /built-in simulated cluster.*--kubeconfig/;

// WCAG contrast of the badge's text on its own background, from the colours the browser computed.
async function contrastOf(badge: Locator): Promise<number> {
  const [text, background] = await badge.evaluate((element) => {
    const style = getComputedStyle(element);
    return [style.color, style.backgroundColor];
  });
  const luminance = (css: string) => {
    const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((part) => {
      const channel = Number(part) / 255;
      return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [light, dark] = [luminance(text), luminance(background)].sort((a, b) => b - a);
  return (light! + 0.05) / (dark! + 0.05);
}

async function expectDemoBadge(page: Page): Promise<Locator> {
  const badge = new DashboardPage(page).demoBadge();
  await expect(badge).toBeVisible();
  await expect(badge).toHaveText(/demo cluster/i);
  await expect(badge).toHaveAccessibleDescription(explanation);
  return badge;
}

test.describe("demo cluster badge", () => {
  test.skip(target !== "demo", "Orrery runs on a real cluster here; the spec below checks that no badge shows");

  test("every page says it shows the demo cluster, readable in light and dark", async ({ page }) => {
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const path of pages) {
        await test.step(`${path} in the ${scheme} scheme`, async () => {
          await page.goto(path);
          await expect(page.locator("html")).toHaveAttribute("data-mantine-color-scheme", scheme);
          const badge = await expectDemoBadge(page);
          expect(await contrastOf(badge), `contrast of the badge on ${path} (${scheme})`).toBeGreaterThanOrEqual(4.5);
        });
      }
    }
  });

  test("the badge explains itself and how to reach a real cluster", async ({ page }) => {
    await page.goto("/pods");
    const badge = await expectDemoBadge(page);
    await badge.hover();
    await expect(page.getByRole("tooltip")).toContainText(explanation);
    await page.mouse.move(0, 0);
    await expect(page.getByRole("tooltip")).toHaveCount(0);
    await badge.focus();
    await expect(page.getByRole("tooltip")).toContainText(explanation);
  });

  test("an embedded view shows a small badge too", async ({ page, browser, baseURL }) => {
    await page.goto(`/pods?ns=${shop}`);
    const fullSize = await (await expectDemoBadge(page)).boundingBox();
    const dialog = page.getByRole("dialog", { name: "Embed this view" });
    const src = await test.step("make an embed link for the shop pods", async () => {
      await page.getByRole("button", { name: "Embed" }).click();
      await dialog.getByRole("button", { name: "Create link" }).click();
      // The e2e server allows no site to frame Orrery, so the dialog hands out a plain link, not iframe code.
      return (await dialog.getByLabel("Embed link").textContent()) ?? "";
    });
    expect(src, "an embed link").toContain("embed=");
    const outsider = await browser.newContext({ baseURL });
    try {
      const embedded = await outsider.newPage();
      await embedded.goto(src!);
      await expect(embedded.getByRole("navigation", { name: "Sections" })).toHaveCount(0);
      const small = await (await expectDemoBadge(embedded)).boundingBox();
      expect(small!.height).toBeLessThan(fullSize!.height);
    } finally {
      await outsider.close();
      // The link is no longer needed; other specs list the embed tokens.
      await dialog.getByRole("button", { name: `Revoke the embed token for /pods?ns=${shop}` }).first().click();
    }
  });
});

test.describe("real cluster", () => {
  test.skip(target === "demo", "Orrery runs on its demo cluster here");

  test("no page shows the demo badge", async ({ page }) => {
    for (const path of pages) {
      await page.goto(path);
      await expect(new DashboardPage(page).connectionStatus()).toBeVisible();
      await expect(new DashboardPage(page).demoBadge()).toHaveCount(0);
    }
  });
});
