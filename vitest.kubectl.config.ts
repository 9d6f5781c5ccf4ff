import { defineConfig } from "vitest/config";
import path from "node:path";

// kubectl conformance: the machine's kubectl against the demo cluster (default) or, with
// ORRERY_KUBECTL_TARGET=real, the control plane of e2e/cluster (bash e2e/cluster/up.sh).
const real = process.env.ORRERY_KUBECTL_TARGET === "real";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    include: ["e2e/kubectl/**/*.test.ts", "e2e/cluster-suite/**/*.test.ts"],
    // Demo-only files (see e2e/kubectl/target/differences.ts, kind demo-only).
    exclude: real ? ["e2e/kubectl/api.test.ts", "e2e/kubectl/demo-seed.test.ts"] : [],
    globalSetup: ["e2e/kubectl/globalSetup.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
