import { defineConfig } from "vitest/config";
import path from "node:path";

// Orrery's PromQL engine against Prometheus's own (e2e/promql-reference, built by e2e/cluster/build.sh).
export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    include: ["e2e/reference/**/*.test.ts"],
    environment: "node",
    testTimeout: 600_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
