import path from "node:path";
import { runAll } from "./runAll";
import { runScriptIsolated } from "./runIsolated";

// `npm run test:promql`: Prometheus's promqltest scripts against Orrery's store and engine.
const repoRoot = process.cwd();
const dir = path.resolve(repoRoot, process.env.PROMQL_TEST_DIR ?? "../shared/promqltest");
const limits = {
  timeoutMs: Number(process.env.PROMQL_TEST_TIMEOUT_MS ?? 10_000),
  // Prometheus's promqltest engine allows this many samples per query.
  maxSamples: Number(process.env.PROMQL_TEST_MAX_SAMPLES ?? 10_000),
};
const only = process.env.PROMQL_TEST_FILES?.split(",").map((f) => f.trim()).filter(Boolean);

runAll({
  dir,
  only,
  runFile: (scriptDir, file) => runScriptIsolated(scriptDir, file, limits),
  failuresPath: path.join(repoRoot, "test-results", "promqltest-failures.txt"),
  thresholdPercent: 97,
  log: (line) => console.log(line),
}).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`promqltest runner failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(2);
  },
);
