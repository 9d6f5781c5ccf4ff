import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./chromium";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const repoRoot = path.resolve(__dirname, "..");

// A free loopback port, found synchronously because the config is a plain module.
function freePort(): string {
  const script = "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }).trim();
}

// The config is evaluated again in every worker: the first evaluation picks, workers inherit through the environment.
// ORRERY_E2E_BASE_URL with ORRERY_E2E_KUBECONFIG runs the specs against an Orrery that is already running.
const external = process.env.ORRERY_E2E_BASE_URL;
process.env.ORRERY_E2E_PORT ??= freePort();
process.env.ORRERY_E2E_DIR ??= mkdtempSync(path.join(tmpdir(), "orrery-e2e-"));
const port = process.env.ORRERY_E2E_PORT;
const kubeconfig = (process.env.ORRERY_E2E_KUBECONFIG ??= path.join(process.env.ORRERY_E2E_DIR, "demo.kubeconfig"));

// The production build when there is one, else the dev server (slower first page loads).
const serverCommand = existsSync(path.join(repoRoot, "dist", "server.js")) ? "node dist/server.js" : "npx tsx server/main.ts --dev";
const baseURL = external ?? `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: ".",
  testMatch: /e2e\/[^/]+\.spec\.ts$/,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  // The specs change one shared demo cluster (scale, label): one at a time.
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never", outputFolder: path.join(repoRoot, "playwright-report") }]] : "list",
  outputDir: path.join(repoRoot, "test-results"),
  use: {
    baseURL,
    trace: "on-first-retry",
    browserName: "chromium",
    viewport: { width: 1400, height: 900 },
    launchOptions: chromiumLaunchOptions,
  },
  webServer: external
    ? undefined
    : {
        command: `${serverCommand} --demo --host 127.0.0.1 --port ${port} --demo-kubeconfig-out ${kubeconfig}`,
        cwd: repoRoot,
        url: `${baseURL}/pods`,
        timeout: 240_000,
        reuseExistingServer: false,
        stdout: "pipe",
        stderr: "pipe",
      },
});
