import { expect, test } from "@playwright/test";
import { DetailsDrawer } from "./pages/DetailsDrawer";
import { ResourceListPage } from "./pages/ResourceListPage";
import { kubectl, podNames } from "./fixtures/kubectl";
import { scenario } from "./fixtures/scenario";

// What the drawer shows beyond metadata, compared with what kubectl reads from the same cluster (demo or real).
const { shop } = scenario();

const jsonpath = (kind: string, name: string, path: string, namespace?: string) =>
  kubectl("get", kind, name, ...(namespace ? ["-n", namespace] : []), "-o", `jsonpath={${path}}`);

/** A CPU quantity as the drawer writes it: "3800m" → "3.8", "500m" → "500m", "4" → "4". */
function formatCores(quantity: string): string {
  const cores = quantity.endsWith("m") ? Number(quantity.slice(0, -1)) / 1000 : Number(quantity);
  return cores < 1 ? `${Math.round(cores * 1000)}m` : String(Number(cores.toFixed(2)));
}

test.describe("details worth opening", () => {
  test("a Service shows its type, cluster IP, ports, selector and ready endpoints with the pods behind them", async ({ page }) => {
    const drawer = new DetailsDrawer(page);
    const clusterIP = await jsonpath("service", "frontend", ".spec.clusterIP", shop);
    const port = await jsonpath("service", "frontend", ".spec.ports[0].port", shop);
    const frontendPods = await podNames(shop, "app=frontend");
    await new ResourceListPage(page, "Services").goto(`?ns=${shop}&selected=services/${shop}/frontend`);
    await expect(drawer.heading()).toHaveText("Service frontend");

    await test.step("type, cluster IP and ports", async () => {
      await expect(drawer.section("Service").getByRole("row").filter({ hasText: "Type" })).toContainText("ClusterIP");
      await expect(drawer.section("Service").getByRole("row").filter({ hasText: "Cluster IP" })).toContainText(clusterIP);
      await expect(drawer.section("Ports").getByRole("row").nth(1)).toContainText(port);
      await expect(drawer.section("Selector").getByRole("listitem").filter({ hasText: "app=frontend" })).toBeVisible();
    });

    await test.step("endpoints are ready and name their pods, which open", async () => {
      const endpoints = drawer.section("Endpoints").locator("tbody").getByRole("row");
      await expect(endpoints.first()).toBeVisible({ timeout: 60_000 });
      const ready = endpoints.filter({ hasText: "Ready" }).filter({ hasNotText: "Not ready" });
      await expect(ready.first()).toBeVisible();
      const podLink = ready.first().getByRole("link");
      const podName = (await podLink.innerText()).trim();
      expect(frontendPods).toContain(podName);
      await podLink.click();
      await expect(drawer.heading()).toHaveText(`Pod ${podName}`);
    });
  });

  test("a Deployment shows desired, updated, ready and available replicas, strategy, selector, revision and its pods", async ({ page }) => {
    const drawer = new DetailsDrawer(page);
    const desired = await jsonpath("deployment", "frontend", ".spec.replicas", shop);
    const strategy = await jsonpath("deployment", "frontend", ".spec.strategy.type", shop);
    const revision = await jsonpath("deployment", "frontend", ".metadata.annotations.deployment\\.kubernetes\\.io/revision", shop);
    await new ResourceListPage(page, "Workloads").goto(`?ns=${shop}&selected=deployments/${shop}/frontend`);
    await expect(drawer.heading()).toHaveText("Deployment frontend");
    const counts = drawer.section("Replicas").locator("tbody").getByRole("cell");
    await expect(counts).toHaveText([desired, /\d+/, /\d+/, /\d+/]);
    await expect(drawer.section("Rollout").getByRole("row").filter({ hasText: "Strategy" })).toContainText(strategy);
    if (revision) await expect(drawer.section("Rollout").getByRole("row").filter({ hasText: "Revision" })).toContainText(revision);
    await expect(drawer.section("Selector").getByRole("listitem").filter({ hasText: "app=frontend" })).toBeVisible();
    const [pod] = await podNames(shop, "app=frontend");
    await expect(drawer.section("Pods").getByRole("link", { name: pod, exact: true })).toBeVisible();
  });

  test("a host shows its addresses, capacity, allocatable, requested and used, taints, conditions and its pods", async ({ page }) => {
    const drawer = new DetailsDrawer(page);
    const [pod] = await podNames(shop, "app=frontend");
    const host = await jsonpath("pod", pod!, ".spec.nodeName", shop);
    const internalIP = await jsonpath("node", host, '.status.addresses[?(@.type=="InternalIP")].address');
    const cpuCapacity = await jsonpath("node", host, ".status.capacity.cpu");
    await new ResourceListPage(page, "Nodes").goto(`?selected=nodes/${host}`);
    await expect(drawer.heading()).toHaveText(`Node ${host}`);

    await test.step("addresses and resources side by side", async () => {
      if (internalIP) await expect(drawer.section("Addresses")).toContainText(internalIP);
      const resources = drawer.section("Resources");
      await expect(resources.getByRole("columnheader")).toHaveText(["Resource", "Capacity", "Allocatable", "Requested", "Used"]);
      const cpu = resources.getByRole("row").filter({ hasText: /^CPU/ });
      await expect(cpu.getByRole("cell").first()).toHaveText(formatCores(cpuCapacity));
      // Requested is a sum, never the loading mark once the details have arrived; used is a figure or says why not.
      await expect(cpu.getByRole("cell").nth(2)).toHaveText(/^\d/);
      await expect(cpu.getByRole("cell").nth(3)).toHaveText(/^\d|^hidden$|^not available$/);
    });

    await test.step("taints, conditions and the pods on it", async () => {
      await expect(drawer.section("Taints")).toBeVisible();
      await expect(drawer.section("Conditions").getByRole("row").filter({ hasText: "Ready" }).first()).toBeVisible();
      await expect(drawer.section("Pods").getByRole("link", { name: pod, exact: true })).toBeVisible();
    });
  });

  test("the crash-looping pod shows why it crashed: its last state with reason and exit code, and that it is not ready", async ({ page }) => {
    const drawer = new DetailsDrawer(page);
    const [checkout] = await podNames(shop, "app=checkout");
    expect(checkout, "a crash-looping checkout pod").toBeTruthy();
    let reason = "";
    let code = "";
    await expect
      .poll(async () => {
        reason = await jsonpath("pod", checkout!, ".status.containerStatuses[0].lastState.terminated.reason", shop);
        code = await jsonpath("pod", checkout!, ".status.containerStatuses[0].lastState.terminated.exitCode", shop);
        return reason && code;
      }, { message: "checkout has crashed at least once", timeout: 60_000 })
      .toBeTruthy();
    await new ResourceListPage(page, "Pods").goto(`?ns=${shop}&selected=pods/${shop}/${checkout}`);
    await expect(drawer.heading()).toHaveText(`Pod ${checkout}`);
    const containers = drawer.section("Containers");
    await expect(containers.getByRole("columnheader")).toContainText(["State", "Last state", "Ready"]);
    const row = containers.locator("tbody").getByRole("row").first();
    await expect(row).toContainText(`Terminated: ${reason}, exit code ${code}`);

    await test.step("event type badges are whole words", async () => {
      const warning = drawer.section("Events").getByText("Warning", { exact: true }).first();
      await expect(warning).toBeVisible({ timeout: 60_000 });
      const cut = await warning.evaluate((label) => label.scrollWidth > label.clientWidth + 1);
      expect(cut, "the Warning badge is not cut short").toBe(false);
    });
  });
});
