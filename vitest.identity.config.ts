import { defineConfig } from "vitest/config";
import path from "node:path";

// Identity on the real control plane (e2e/cluster): skipped, with the reason, when none is running.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    include: ["e2e/identity/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
