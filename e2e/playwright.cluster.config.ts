import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./chromium";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { readClusterEnv } from "./cluster-suite/clusterEnv";
import { freePortSync } from "./cluster-suite/freePort";
import { plannedWorkloads } from "./cluster-suite/workloads";
import { SCENARIO_ENV } from "./fixtures/scenario";

// The Playwright specs against Orrery connected to the real control plane of e2e/cluster (bash e2e/cluster/up.sh)
// with the orrery identity (read + impersonate). The specs' workloads are created by kubectl as admin in fresh
// namespaces (cluster-suite/playwrightSetup.ts); the limited-user spec logs in as bob (edit in team-a only).

const repoRoot = path.resolve(__dirname, "..");
const cluster = readClusterEnv();

// Evaluated again in every worker: the first evaluation picks names and ports, workers inherit them.
process.env.ORRERY_E2E_PORT ??= freePortSync();
process.env.ORRERY_E2E_DIR ??= mkdtempSync(path.join(tmpdir(), "orrery-e2e-cluster-"));
process.env.ORRERY_E2E_WORKLOADS ??= JSON.stringify(plannedWorkloads(randomBytes(3).toString("hex")));
process.env[SCENARIO_ENV] = JSON.stringify((JSON.parse(process.env.ORRERY_E2E_WORKLOADS) as ReturnType<typeof plannedWorkloads>).scenario);
// The specs' kubectl acts as the cluster's admin; Orrery itself only reads (and impersonates).
process.env.ORRERY_E2E_KUBECONFIG = cluster.kubeconfigs.admin;
process.env.ORRERY_E2E_ORRERY_KUBECONFIG = cluster.kubeconfigs.orrery;
const port = process.env.ORRERY_E2E_PORT;
const baseURL = `http://127.0.0.1:${port}`;

const serverCommand = existsSync(path.join(repoRoot, "dist", "server.js")) ? "node dist/server.js" : "npx tsx server/main.ts --dev";
const dataDir = path.join(process.env.ORRERY_E2E_DIR, "data");

export default defineConfig({
  testDir: ".",
  testMatch: [/e2e\/[^/]+\.spec\.ts$/, /e2e\/cluster-suite\/[^/]+\.spec\.ts$/],
  globalSetup: "./cluster-suite/playwrightSetup.ts",
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  // The specs change shared workloads (scale, label): one at a time.
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never", outputFolder: path.join(repoRoot, "playwright-report", "cluster") }]] : "list",
  outputDir: path.join(repoRoot, "test-results", "cluster"),
  use: {
    baseURL,
    trace: "on-first-retry",
    browserName: "chromium",
    viewport: { width: 1400, height: 900 },
    launchOptions: chromiumLaunchOptions,
  },
  webServer: {
    command: `${serverCommand} --kubeconfig ${cluster.kubeconfigs.orrery} --host 127.0.0.1 --port ${port} --data-dir ${dataDir}`,
    cwd: repoRoot,
    url: `${baseURL}/pods`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
