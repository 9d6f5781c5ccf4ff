import { expect, test } from "@playwright/test";
import { ResourceListPage } from "./pages/ResourceListPage";
import { DashboardPage } from "./pages/DashboardPage";
import { scenario } from "./fixtures/scenario";

const { shop } = scenario();

test("nodes list readiness, roles and pod counts", async ({ page }) => {
  const nodes = new ResourceListPage(page, "Nodes");
  await nodes.goto();
  await expect(nodes.rows().first()).toBeVisible();
  await expect(nodes.rows().first().getByRole("cell").nth(1)).toHaveText(/Ready|NotReady/);
  await expect(nodes.table().getByRole("columnheader", { name: "Pods" })).toBeVisible();
});

test("services show type, ports and ready endpoints", async ({ page }) => {
  const services = new ResourceListPage(page, "Services");
  await services.goto(`?ns=${shop}`);
  await expect(services.rows().first()).toBeVisible();
  await expect(services.rows().first()).toContainText(/\d+\/(TCP|UDP)/);
  await expect(services.rows().first()).toContainText(/\d+\/\d+ ready/);
});

test("workloads group pods under their Deployment", async ({ page }) => {
  const workloads = new ResourceListPage(page, "Workloads");
  await workloads.goto(`?ns=${shop}`);
  const frontend = workloads.rows().filter({ has: page.getByText("frontend", { exact: true }) });
  await expect(frontend).toBeVisible();
  await expect(frontend).toContainText("Deployment");
  await expect(frontend).toHaveAttribute("aria-expanded", "true");
  await expect(workloads.rows().filter({ hasText: /^frontend-/ }).first()).toHaveAttribute("aria-level", "2");
  // ReplicaSets are folded into their Deployment, not listed on their own.
  await expect(workloads.rows().filter({ hasText: "ReplicaSet" })).toHaveCount(0);
});

test("sorting and the name filter are kept in the URL", async ({ page }) => {
  const pods = new ResourceListPage(page, "Pods");
  const shell = new DashboardPage(page);
  await pods.goto();
  await expect(shell.connectionStatus()).toContainText("Live");
  await pods.filter().fill("frontend");
  await expect(page).toHaveURL(/q=frontend/);
  await pods.table().getByRole("columnheader", { name: "Restarts" }).getByRole("button").click();
  // Numbers sort largest first: the pods that restart most come to the top.
  await expect(page).toHaveURL(/sort=-restarts/);
  await expect(pods.table().getByRole("columnheader", { name: "Restarts" })).toHaveAttribute("aria-sort", "descending");
  await page.reload();
  await expect(pods.filter()).toHaveValue("frontend");
  await expect(pods.table().getByRole("columnheader", { name: "Restarts" })).toHaveAttribute("aria-sort", "descending");
  for (const text of await pods.rows().locator("td:first-child").allInnerTexts()) expect(text).toContain("frontend");
});
