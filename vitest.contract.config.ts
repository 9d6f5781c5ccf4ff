import { defineConfig } from "vitest/config";
import path from "node:path";

// The API contract suite: the same expectations against the demo cluster and, when e2e/cluster is up, a real kube-apiserver.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    include: ["e2e/contract/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
