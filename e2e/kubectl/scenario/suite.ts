import { afterAll, beforeAll } from "vitest";
import { startKubectlTarget } from "../target/startTarget";
import type { KubectlTarget } from "../target/target";
import { createSuiteNamespace, deleteSuiteNamespace } from "./namespace";

export interface Suite {
  t: KubectlTarget;
  /** The file's own namespace. */
  ns: string;
}

/**
 * Starts the selected target before the file's tests, creates the file's namespace, runs `setup` (the workloads
 * the file needs, created with kubectl), and cleans up after. Returns a getter valid inside tests.
 */
export function suiteFor(prefix: string, setup?: (suite: Suite) => Promise<void>, setupTimeoutMs = 180_000): () => Suite {
  let suite: Suite | undefined;
  let target: KubectlTarget | undefined;
  beforeAll(async () => {
    target = await startKubectlTarget();
    suite = { t: target, ns: await createSuiteNamespace(target, prefix) };
    await setup?.(suite);
  }, setupTimeoutMs);
  afterAll(async () => {
    if (!target) return;
    await deleteSuiteNamespace(target, suite?.ns);
    await target.stop();
  });
  return () => {
    if (!suite) throw new Error("the suite's target did not start (see the beforeAll error)");
    return suite;
  };
}
