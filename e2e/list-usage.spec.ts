import { expect, test, type Locator } from "@playwright/test";
import { ResourceListPage } from "./pages/ResourceListPage";
import { kubectl, podNames } from "./fixtures/kubectl";
import { scenario } from "./fixtures/scenario";

// CPU and memory in the lists come from the same poller as the map (metrics.k8s.io: the demo's, or metrics-server
// on the real control plane, where kwok reports 1m / 1Mi per pod unless its annotations say otherwise).

const { shop, target } = scenario();
const units: Record<string, number> = { B: 1, KiB: 2 ** 10, MiB: 2 ** 20, GiB: 2 ** 30, TiB: 2 ** 40 };

/** A usage cell's text as a number (millicores or bytes); -1 for "–" (no sample). */
function usageValue(text: string): number {
  const t = text.trim();
  if (t === "–" || t === "") return -1;
  const memory = /^([\d.]+) (B|KiB|MiB|GiB|TiB)$/.exec(t);
  if (memory) return Number(memory[1]) * units[memory[2]!]!;
  return t.endsWith("m") ? Number(t.slice(0, -1)) : Number(t) * 1000;
}

async function columnIndex(list: ResourceListPage, header: string): Promise<number> {
  const headers = (await list.table().getByRole("columnheader").allInnerTexts()).map((h) => h.trim());
  const index = headers.indexOf(header);
  expect(index, `a "${header}" column among ${headers.join(", ")}`).toBeGreaterThanOrEqual(0);
  return index;
}

const cellOf = (row: Locator, index: number) => row.getByRole("cell").nth(index);

test.describe("usage in the lists", () => {
  // The first metrics-server scrape of new pods can take a minute on the real control plane.
  test.setTimeout(target === "real" ? 240_000 : 120_000);

  test("pods show CPU and memory, and sort by them", async ({ page }) => {
    const pods = new ResourceListPage(page, "Pods");
    await pods.goto(`?ns=${shop}`);
    await expect(pods.rows().first()).toBeVisible();
    const cpu = await columnIndex(pods, "CPU");
    const memory = await columnIndex(pods, "Memory");
    const frontend = pods.rows().filter({ hasText: /^frontend-/ }).first();

    await test.step("a running frontend pod shows what it uses", async () => {
      await expect(cellOf(frontend, cpu)).toHaveText(/^\d+(\.\d+)?m?$/, { timeout: target === "real" ? 150_000 : 45_000 });
      await expect(cellOf(frontend, memory)).toHaveText(/^\d+(\.\d)? (B|KiB|MiB|GiB)$/);
      await expect(cellOf(frontend, cpu).locator("[title]").first()).toHaveAttribute("title", /^CPU: \S+ used/);
    });

    if (target === "demo") {
      await test.step("with a request, a small bar shows used against it", async () => {
        await expect(cellOf(frontend, cpu).getByRole("progressbar")).toHaveAttribute("aria-label", /^CPU: \S+ used, request 100m/);
      });
    }

    await test.step("sorting by CPU puts the busiest pods first", async () => {
      await pods.table().getByRole("columnheader", { name: "CPU" }).getByRole("button").click();
      await expect(page).toHaveURL(/sort=-cpu/);
      await expect(pods.table().getByRole("columnheader", { name: "CPU" })).toHaveAttribute("aria-sort", "descending");
      await expect(async () => {
        const values = (await pods.rows().locator(`td:nth-child(${cpu + 1})`).allInnerTexts()).map(usageValue);
        expect(values.length).toBeGreaterThan(1);
        expect(values).toEqual([...values].sort((a, b) => b - a));
      }).toPass({ timeout: 20_000 });
    });
  });

  test("a workload's usage is the sum over its pods", async ({ page }) => {
    const workloads = new ResourceListPage(page, "Workloads");
    await workloads.goto(`?ns=${shop}`);
    const frontend = workloads.rows().filter({ has: page.getByText("frontend", { exact: true }) });
    await expect(frontend).toBeVisible();
    const cpu = await columnIndex(workloads, "CPU");
    const memory = await columnIndex(workloads, "Memory");
    await expect(cellOf(frontend, cpu)).toHaveText(/^\d+(\.\d+)?m?$/, { timeout: target === "real" ? 150_000 : 45_000 });
    // Read in one go, as a poll may change the numbers between two reads.
    await expect(async () => {
      const read = async (index: number) => {
        const total = usageValue(await cellOf(frontend, index).innerText());
        const pods = (await workloads.rows().filter({ hasText: /^frontend-/ }).locator(`td:nth-child(${index + 1})`).allInnerTexts()).map(usageValue);
        return { total, pods };
      };
      const cpuNow = await read(cpu);
      expect(cpuNow.pods.filter((v) => v >= 0).length).toBeGreaterThan(0);
      expect(cpuNow.total).toBeCloseTo(cpuNow.pods.filter((v) => v >= 0).reduce((a, b) => a + b, 0), 0);
      const memoryNow = await read(memory);
      // Memory is shown rounded to a tenth of its unit, so the sum matches within that rounding.
      const sum = memoryNow.pods.filter((v) => v >= 0).reduce((a, b) => a + b, 0);
      expect(Math.abs(memoryNow.total - sum)).toBeLessThanOrEqual(Math.max(sum * 0.05, 2 ** 20));
    }).toPass({ timeout: 30_000 });
  });

  test("nodes show used CPU and memory against what they can allocate", async ({ page }) => {
    const nodes = new ResourceListPage(page, "Nodes");
    await nodes.goto();
    await expect(nodes.rows().first()).toBeVisible();
    const cpu = await columnIndex(nodes, "CPU");
    const first = nodes.rows().first();
    await expect(cellOf(first, cpu)).toHaveText(/^\d+(\.\d+)?m?$/, { timeout: target === "real" ? 150_000 : 45_000 });
    await expect(cellOf(first, cpu).getByRole("progressbar")).toHaveAttribute("aria-label", /^CPU: \S+ used, allocatable \S+$/);
  });

  test("usage is live: a poll that changes the samples changes the list without a reload", async ({ page }) => {
    const pods = new ResourceListPage(page, "Pods");
    await pods.goto(`?ns=${shop}`);
    await expect(pods.rows().first()).toBeVisible();
    const cpu = await columnIndex(pods, "CPU");
    if (target === "real") {
      // kwok reports what a pod's annotation says it uses: change it, and the list follows after the next polls.
      const [pod] = await podNames(shop, "app=frontend");
      const cell = cellOf(pods.row(pod!), cpu);
      await expect(cell).toHaveText(/^\d+m$/, { timeout: 150_000 });
      await kubectl("annotate", "pod", pod!, "-n", shop, "kwok.x-k8s.io/usage-cpu=317m", "--overwrite");
      try {
        await expect.poll(async () => usageValue(await cell.innerText()), { timeout: 90_000, intervals: [2_000] }).toBeGreaterThanOrEqual(300);
      } finally {
        await kubectl("annotate", "pod", pod!, "-n", shop, "kwok.x-k8s.io/usage-cpu-");
      }
      return;
    }
    // The demo's samples move on every poll.
    const memory = await columnIndex(pods, "Memory");
    const snapshot = async () => (await pods.rows().locator(`td:nth-child(${cpu + 1}), td:nth-child(${memory + 1})`).allInnerTexts()).join("|");
    await expect.poll(async () => (await snapshot()).replace(/[–|]/g, ""), { timeout: 45_000 }).not.toBe("");
    const before = await snapshot();
    await expect.poll(snapshot, { timeout: 60_000, intervals: [2_000] }).not.toBe(before);
  });
});
