import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { freePort, startOrrery, type OrreryProcess } from "./auth/servers";
import { DashboardPage } from "./pages/DashboardPage";
import { ResourceListPage } from "./pages/ResourceListPage";
import { scenario } from "./fixtures/scenario";

// A second Orrery whose kubeconfig points at a loopback port where nothing listens.
let orrery: OrreryProcess;
let apiserver: string;

// It starts its own Orrery whatever the suite's target, so one run (on the demo suite) is enough.
test.skip(scenario().target === "real", "independent of the target cluster: it starts its own Orrery on a dead kubeconfig");

test.beforeAll(async () => {
  test.setTimeout(360_000);
  apiserver = `https://127.0.0.1:${await freePort()}`;
  const port = await freePort();
  const kubeconfig = path.join(mkdtempSync(path.join(tmpdir(), "orrery-nowhere-")), "nowhere.kubeconfig");
  writeFileSync(
    kubeconfig,
    [
      "apiVersion: v1",
      "kind: Config",
      `clusters: [{name: nowhere, cluster: {server: "${apiserver}", insecure-skip-tls-verify: true}}]`,
      "users: [{name: someone, user: {token: not-a-real-token}}]",
      "contexts: [{name: nowhere, context: {cluster: nowhere, user: someone}}]",
      "current-context: nowhere",
      "",
    ].join("\n"),
  );
  // Debug logging shows each retry of the list.
  orrery = await startOrrery(port, [], { ORRERY_LOG_LEVEL: "debug" }, ["--kubeconfig", kubeconfig]);
});

test.afterAll(async () => {
  await orrery?.stop();
});

test("a kubeconfig that points nowhere shows the apiserver and why, and Orrery keeps retrying", async ({ page }) => {
  const shell = new DashboardPage(page);
  const pods = new ResourceListPage(page, "Pods");
  await page.goto(`${orrery.baseUrl}/pods`);

  await expect(shell.connectionStatus()).toContainText("Error", { timeout: 30_000 });
  await expect(shell.connectionStatus()).toContainText(new URL(apiserver).host);
  await shell.page.getByRole("button", { name: /^Cluster connection: Error/ }).click();
  await expect(page.getByText(`API server: ${apiserver}`)).toBeVisible();
  await expect(page.getByText(`cannot reach the apiserver at ${apiserver}: connection refused (ECONNREFUSED)`).first()).toBeVisible();
  // An unreadable cluster is not an empty one.
  await expect(pods.rows()).toHaveCount(0);
  await expect(page.getByText("No pods")).toHaveCount(0);

  // The output keeps only its tail, so the attempt number of the last retry is read rather than lines counted.
  const lastAttempt = () => {
    const retries = orrery.output().split("\n").filter((line) => line.includes('"kind":"pods"') && line.includes("retrying after failure"));
    return Number(/"attempt":(\d+)/.exec(retries.at(-1) ?? "")?.[1] ?? -1);
  };
  const seen = lastAttempt();
  await expect.poll(lastAttempt, { timeout: 60_000, message: "Orrery tries the apiserver again" }).toBeGreaterThan(seen);
});
