import { defineConfig } from "vitest/config";
import path from "node:path";

// kubectl conformance: the machine's kubectl against a running demo cluster.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    include: ["e2e/kubectl/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
