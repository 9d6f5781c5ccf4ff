import { expect, test, type Page } from "@playwright/test";
import { scenario } from "./fixtures/scenario";
import { TopologyMap } from "./pages/TopologyMap";

const { target } = scenario();

interface Box { left: number; top: number; right: number; bottom: number }
interface Circle { x: number; y: number; r: number }
// The read-only handle the map exposes (components/topology/view/topologyHandle.ts), the part this spec reads.
interface LegibilityHandle {
  nodes(): { id: string; kind: string; name: string }[];
  labels(): (Box & { text: string })[];
  nodeShapes(): Circle[];
  labelColours(): { text: string; halo: string };
  screenPositionOf(id: string): { x: number; y: number } | undefined;
  layoutDone(): boolean;
}

const read = <T>(page: Page, fn: (handle: LegibilityHandle) => T): Promise<T> => page.evaluate(`(${fn.toString()})(window.__orreryTopology)`) as Promise<T>;

const overlap = (a: Box, b: Box) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
function circleCoversBox(c: Circle, box: Box): boolean {
  const x = Math.max(box.left, Math.min(c.x, box.right));
  const y = Math.max(box.top, Math.min(c.y, box.bottom));
  return Math.hypot(c.x - x, c.y - y) < c.r - 0.5;
}

// WCAG relative luminance and contrast ratio of two CSS colours ("#rrggbb" or "rgb(r, g, b)").
function rgbOf(colour: string): number[] {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (hex) return hex.slice(1, 4).map((part) => parseInt(part, 16));
  const numbers = /rgba?\(([^)]+)\)/.exec(colour)?.[1]?.split(",").map((part) => Number(part.trim()));
  if (!numbers || numbers.length < 3) throw new Error(`unreadable colour ${colour}`);
  return numbers.slice(0, 3);
}
function contrast(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r, g, bl] = rgbOf(colour).map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** The page colour behind the (transparent) map canvas. */
async function canvasBackground(page: Page): Promise<string> {
  return page.getByTestId("topology-canvas").evaluate((canvas) => {
    for (let element: Element | null = canvas; element; element = element.parentElement) {
      const colour = getComputedStyle(element).backgroundColor;
      if (colour && colour !== "transparent" && !/rgba\(.*,\s*0\)$/.test(colour)) return colour;
    }
    return "rgb(255, 255, 255)";
  });
}

async function openFittedPodsMap(page: Page, scheme: "light" | "dark"): Promise<TopologyMap> {
  await page.emulateMedia({ colorScheme: scheme });
  const map = new TopologyMap(page);
  await map.goto();
  await map.settled();
  await page.getByRole("button", { name: "Fit" }).click();
  // Two frames: the fit's repaint has landed.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return map;
}

test.describe("map legibility", () => {
  test.skip(target === "real", "the demo's hosts, names and Jobs are what this reads");

  for (const scheme of ["light", "dark"] as const) {
    test(`the Pods view names its hosts, and no label covers another or a node (${scheme})`, async ({ page }, testInfo) => {
      await openFittedPodsMap(page, scheme);
      await testInfo.attach(`pods-map-${scheme}.png`, { body: await page.screenshot(), contentType: "image/png" });

      const hosts = (await read(page, (h) => h.nodes())).filter((node) => node.kind === "Node").map((node) => node.name);
      expect(hosts.length).toBeGreaterThan(0);
      // A host's label is its name, with its pod count when the view counts them ("node-1 (6)").
      const hostOf = (text: string) => hosts.find((host) => text === host || text.startsWith(`${host} (`));
      await expect.poll(async () => (await read(page, (h) => h.labels())).flatMap((label) => hostOf(label.text) ?? []).sort()).toEqual([...hosts].sort());

      const labels = await read(page, (h) => h.labels());
      const shapes = await read(page, (h) => h.nodeShapes());
      for (const [i, label] of labels.entries()) {
        for (const other of labels.slice(i + 1)) expect(overlap(label, other), `"${label.text}" and "${other.text}" overlap`).toBe(false);
        expect(shapes.some((shape) => circleCoversBox(shape, label)), `"${label.text}" lies over a node`).toBe(false);
      }

      const colours = await read(page, (h) => h.labelColours());
      const background = await canvasBackground(page);
      expect(contrast(colours.text, background), `label ${colours.text} on ${background}`).toBeGreaterThanOrEqual(4.5);
    });
  }

  test("after Fit the graph spans more than half the canvas width and stays clear of the legend", async ({ page }, testInfo) => {
    await openFittedPodsMap(page, "dark");
    const canvas = (await page.getByTestId("topology-canvas").boundingBox())!;
    const legend = (await page.getByLabel("Legend").boundingBox())!;
    const shapes = await read(page, (h) => h.nodeShapes());
    const graph = {
      left: canvas.x + Math.min(...shapes.map((s) => s.x - s.r)),
      right: canvas.x + Math.max(...shapes.map((s) => s.x + s.r)),
      top: canvas.y + Math.min(...shapes.map((s) => s.y - s.r)),
      bottom: canvas.y + Math.max(...shapes.map((s) => s.y + s.r)),
    };
    await testInfo.attach("pods-map-fitted.png", { body: await page.screenshot(), contentType: "image/png" });
    // Measured 0.58 to 0.73 on the demo's Pods view (its links hold it rounder than the screen); the issue saw a third.
    expect((graph.right - graph.left) / canvas.width, "share of the canvas width the graph spans").toBeGreaterThan(0.5);
    const legendBox = { left: legend.x, top: legend.y, right: legend.x + legend.width, bottom: legend.y + legend.height };
    expect(graph.bottom, "the graph's lowest node is above the legend").toBeLessThanOrEqual(legendBox.top);
  });

  test("settled nodes hold still while the demo's Jobs come and go", async ({ page }) => {
    test.setTimeout(180_000);
    const map = await openFittedPodsMap(page, "light");
    const before = await map.screenPositions();
    const idsBefore = Object.keys(before);
    // The demo's CronJob batch/report starts a Job every minute: wait for the map's set of nodes to change.
    await expect
      .poll(async () => {
        const ids = (await map.nodes()).map((node) => node.id);
        return ids.length !== idsBefore.length || ids.some((id) => !(id in before));
      }, { timeout: 120_000, intervals: [1000] })
      .toBe(true);
    await map.settled();
    await page.waitForTimeout(3000);
    const after = await map.screenPositions();
    const moves = Object.entries(before).flatMap(([id, point]) => {
      const now = after[id];
      return point && now ? [Math.hypot(now.x - point.x, now.y - point.y)] : [];
    });
    expect(moves.length).toBeGreaterThan(10);
    expect(Math.max(...moves), "largest move of a node that was already on the map, in CSS pixels").toBeLessThanOrEqual(0.5);
  });
});
