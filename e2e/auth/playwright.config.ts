import { defineConfig } from "@playwright/test";
import path from "node:path";
import mainConfig from "../playwright.config";

const repoRoot = path.resolve(__dirname, "..", "..");

// Login end-to-end: each spec starts its own OpenID provider and Orrery (auth on) on loopback ports.
// Same Chromium (Debian's, via executablePath) and viewport as e2e/playwright.config.ts.
export default defineConfig({
  testDir: ".",
  testMatch: /e2e\/auth\/[^/]+\.spec\.ts$/,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  // One Orrery (one Next dev server per checkout) at a time.
  workers: 1,
  fullyParallel: false,
  timeout: 180_000,
  expect: { timeout: 20_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never", outputFolder: path.join(repoRoot, "playwright-report", "auth") }]] : "list",
  outputDir: path.join(repoRoot, "test-results", "auth"),
  use: {
    trace: "on-first-retry",
    browserName: mainConfig.use?.browserName,
    viewport: mainConfig.use?.viewport,
    launchOptions: mainConfig.use?.launchOptions,
  },
});
