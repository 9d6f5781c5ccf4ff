import { connectFromKubeconfig } from "@/server/kube/connect";
import type { ContractTarget } from "../target";
import type { StartedTarget } from "./demoTarget";
import { createFreshNamespace, deleteNamespace } from "./namespace";
import type { RealClusterState } from "./realCluster";

/** The test control plane of e2e/cluster as its admin (system:masters), with a fresh namespace. */
export async function startRealTarget(state: RealClusterState): Promise<StartedTarget> {
  const kubeconfigPath = state.env.ORRERY_CLUSTER_KUBECONFIG_ADMIN!;
  const connection = connectFromKubeconfig({ path: kubeconfigPath });
  const ready = await connection.request("/readyz");
  const readyText = await ready.text();
  if (ready.status !== 200) throw new Error(`${state.reason}: /readyz answered ${ready.status}: ${readyText.slice(0, 300)}`);
  const namespace = await createFreshNamespace(connection, "contract-real");
  const orreryKubeconfig = state.env.ORRERY_CLUSTER_KUBECONFIG_ORRERY;
  const target: ContractTarget = {
    name: "real",
    connection,
    kubeconfigPath,
    namespace,
    // identities.yaml binds bob to `edit` in team-a only and lets orrery impersonate; metrics-server scrapes kwok every 15 s.
    capabilities: {
      limitedUser: { name: "bob", namespace: "team-a" },
      metricsWaitMs: 120_000,
      podsWaitMs: 90_000,
      impersonator: orreryKubeconfig ? connectFromKubeconfig({ path: orreryKubeconfig }) : undefined,
    },
  };
  return { target, stop: () => deleteNamespace(connection, namespace) };
}
