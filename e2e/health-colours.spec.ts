import { expect, test, type Page } from "@playwright/test";
import { DetailsDrawer } from "./pages/DetailsDrawer";
import { ResourceListPage } from "./pages/ResourceListPage";
import { TopologyMap } from "./pages/TopologyMap";
import { kubectl } from "./fixtures/kubectl";
import { scenario } from "./fixtures/scenario";

const { target } = scenario();
// components/topology/render/style.ts STATUS_COLOURS.running and .failed, as the canvas stores them.
const RUNNING = [0x2f, 0x9e, 0x44];
const FAILED = [0xc9, 0x2a, 0x2a];

/** A Ready host on which a pod of the demo's failing Job (batch/db-migrate) has ended Failed. */
async function readyHostWithFailedJobPod(): Promise<string> {
  let host = "";
  await expect
    .poll(async () => {
      const hosts = await kubectl("get", "pods", "-n", "batch", "-l", "app=db-migrate", "-o", 'jsonpath={range .items[?(@.status.phase=="Failed")]}{.spec.nodeName}{" "}{end}');
      host = hosts.split(/\s+/).find(Boolean) ?? "";
      return host;
    }, { message: "a Failed pod of Job db-migrate", timeout: 60_000 })
    .not.toBe("");
  expect(await kubectl("get", "node", host, "-o", 'jsonpath={.status.conditions[?(@.type=="Ready")].status}')).toBe("True");
  return host;
}

/** The colour the static map canvas drew at a node's centre. */
async function colourAt(page: Page, map: TopologyMap, id: string): Promise<number[]> {
  const point = (await map.screenPositions())[id];
  if (!point) throw new Error(`node ${id} is not on screen`);
  return page.evaluate(({ x, y }) => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="topology-canvas"]')!.previousElementSibling as HTMLCanvasElement;
    const ratio = canvas.width / canvas.clientWidth;
    return [...canvas.getContext("2d")!.getImageData(Math.round(x * ratio), Math.round(y * ratio), 1, 1).data.slice(0, 3)];
  }, point);
}

const close = (a: number[], b: number[]) => a.every((value, i) => Math.abs(value - b[i]!) <= 6);

test.describe("health colours", () => {
  test.skip(target === "real", "the failing Job is part of the demo's content");

  for (const scheme of ["light", "dark"] as const) {
    test(`a Ready host whose Job pod failed is drawn in its own colour, its pods told apart (${scheme})`, async ({ page }, testInfo) => {
      const host = await readyHostWithFailedJobPod();
      await page.emulateMedia({ colorScheme: scheme });
      const map = new TopologyMap(page);
      await map.goto("?view=hosts");
      await map.settled();
      const [id] = await page.evaluate((name) => (window as unknown as { __orreryTopology: { idsNamed(n: string): string[] } }).__orreryTopology.idsNamed(name), host);
      expect(id, `host ${host} on the map`).toBeTruthy();

      await test.step("the host is filled green, not red", async () => {
        await expect.poll(async () => close(await colourAt(page, map, id!), RUNNING), { message: "the host's centre is the running colour" }).toBe(true);
        expect(close(await colourAt(page, map, id!), FAILED)).toBe(false);
        await testInfo.attach(`hosts-map-${scheme}.png`, { body: await page.screenshot(), contentType: "image/png" });
      });

      await test.step("its details say running, and its pods are counted apart without the finished Job pod as their worst", async () => {
        await map.clickNode(id!);
        await expect(map.details().getByTestId("topology-details-status")).toHaveText("running");
        const pods = map.details().getByRole("table", { name: "Summary" }).getByRole("row").filter({ hasText: /^Pods/ });
        await expect(pods).toBeVisible();
        await expect(pods).not.toContainText("failed");
        await testInfo.attach(`host-details-${scheme}.png`, { body: await page.screenshot(), contentType: "image/png" });
      });
    });

    test(`a namespace holding a failed Job is Active and drawn so (${scheme})`, async ({ page }, testInfo) => {
      await readyHostWithFailedJobPod();
      await page.emulateMedia({ colorScheme: scheme });
      const map = new TopologyMap(page);
      await map.goto("?view=namespaces");
      await map.settled();
      const [id] = await page.evaluate(() => (window as unknown as { __orreryTopology: { idsNamed(n: string): string[] } }).__orreryTopology.idsNamed("batch"));
      expect(id, "namespace batch on the map").toBeTruthy();
      await expect.poll(async () => close(await colourAt(page, map, id!), RUNNING), { message: "batch's centre is the running colour" }).toBe(true);
      await map.clickNode(id!);
      await expect(map.details().getByTestId("topology-details-status")).toHaveText("running");
      await testInfo.attach(`namespaces-map-${scheme}.png`, { body: await page.screenshot(), contentType: "image/png" });
    });
  }

  test("in a host's drawer, pressure conditions that are False are green and Ready=True is green", async ({ page }, testInfo) => {
    const host = await readyHostWithFailedJobPod();
    const drawer = new DetailsDrawer(page);
    await new ResourceListPage(page, "Nodes").goto(`?selected=nodes/${host}`);
    await expect(drawer.heading()).toHaveText(`Node ${host}`);
    const conditions = drawer.section("Conditions");
    for (const type of ["MemoryPressure", "DiskPressure", "PIDPressure", "Ready"]) {
      const status = conditions.getByRole("row").filter({ hasText: type }).getByRole("cell").nth(1);
      await expect(status).toHaveAttribute("data-health", "healthy");
      const colour = await status.evaluate((cell) => getComputedStyle(cell).color);
      // Mantine's green text, not its red: more green than red.
      const [r = 0, g = 0] = colour.match(/\d+/g)!.map(Number);
      expect(g, `${type} is drawn green (${colour})`).toBeGreaterThan(r);
    }
    await testInfo.attach("node-conditions.png", { body: await drawer.section("Conditions").screenshot(), contentType: "image/png" });
  });
});
