import { expect, test } from "@playwright/test";
import { freePort, startOrrery, type OrreryProcess } from "./auth/servers";
import { TopologyMap } from "./pages/TopologyMap";

// A second Orrery on its own demo cluster that groups any view above 20 nodes, so grouping is seen without 15,000 pods.
let orrery: OrreryProcess;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(360_000);
  orrery = await startOrrery(await freePort(), ["--topology-group-above", "20"]);
});

test.afterAll(async () => {
  await orrery?.stop();
});

test("a big view is grouped by namespace, says so, and a group expands and folds back", async ({ page }) => {
  const map = new TopologyMap(page);
  await page.goto(`${orrery.baseUrl}/topology`);
  await expect(page.getByTestId("topology-aggregated")).toContainText("Grouped by namespace");
  await map.settled();
  const grouped = await map.nodes();
  expect(grouped.every((node) => node.kind === "Group")).toBe(true);
  const [shopId] = await page.evaluate(() => (window as unknown as { __orreryTopology: { idsNamed(name: string): string[] } }).__orreryTopology.idsNamed("shop"));
  expect(shopId, "the shop namespace as one group").toBeTruthy();

  await map.clickNode(shopId!);
  await expect(map.detailsHeading()).toHaveText("Group shop");
  await map.details().getByRole("button", { name: /^Expand this group/ }).click();
  await expect(page).toHaveURL(/expand=/);
  await expect.poll(async () => (await map.nodes()).filter((node) => node.kind === "Pod" && node.namespace === "shop").length).toBeGreaterThan(0);
  expect((await map.nodes()).some((node) => node.kind === "Group" && node.name === "kube-system")).toBe(true);

  await page.getByRole("button", { name: /^Fold the 1 expanded group back/ }).click();
  await expect.poll(async () => (await map.nodes()).every((node) => node.kind === "Group")).toBe(true);
});
