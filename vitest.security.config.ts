import { defineConfig } from "vitest/config";
import path from "node:path";

// The security suite: attacks against the production build (basic login, demo cluster, loopback), one Orrery for all files.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    include: ["e2e/security/**/*.test.ts"],
    environment: "node",
    globalSetup: ["e2e/security/harness/globalSetup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    reporters: ["default", "./e2e/security/harness/attackReporter.ts"],
  },
});
