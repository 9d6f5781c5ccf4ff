import { randomBytes } from "node:crypto";
import type { KubectlTarget } from "../target/target";

// Every test file works in a namespace of its own (kc-<file>-<random>), so runs and suites never collide,
// and every object it creates carries SUITE_LABEL=<namespace> (drains are limited to it with --pod-selector).

export const SUITE_LABEL = "kc-suite";

export async function createSuiteNamespace(t: KubectlTarget, prefix: string): Promise<string> {
  const name = `kc-${prefix}-${randomBytes(3).toString("hex")}`;
  await t.k.ok(["create", "namespace", name]);
  await t.k.ok(["label", "namespace", name, `${SUITE_LABEL}=${name}`]);
  return name;
}

/** Deletes the namespace without waiting; on the demo target the whole cluster goes away anyway. */
export async function deleteSuiteNamespace(t: KubectlTarget, name: string | undefined): Promise<void> {
  if (!name || t.name === "demo") return;
  await t.k.run(["delete", "namespace", name, "--wait=false"]);
}
