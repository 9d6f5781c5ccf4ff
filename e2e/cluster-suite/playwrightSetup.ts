import { KubectlRunner } from "../kubectl/kubectlRunner";
import { readClusterEnv } from "./clusterEnv";
import { createWorkloads, deleteWorkloads, type RealWorkloads } from "./workloads";

// Global setup of e2e/playwright.cluster.config.ts: creates the specs' workloads on the real control plane
// (names chosen by the config, passed in ORRERY_E2E_WORKLOADS) and removes them after the run.
export default async function setup(): Promise<() => Promise<void>> {
  const planned = JSON.parse(process.env.ORRERY_E2E_WORKLOADS ?? "null") as RealWorkloads | null;
  if (!planned) throw new Error("ORRERY_E2E_WORKLOADS is not set: run through e2e/playwright.cluster.config.ts");
  const admin = await KubectlRunner.create({ path: readClusterEnv().kubeconfigs.admin });
  await createWorkloads(admin, planned);
  return async () => {
    await deleteWorkloads(admin, planned);
    await admin.stop();
  };
}
