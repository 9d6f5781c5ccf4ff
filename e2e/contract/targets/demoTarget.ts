import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { DemoFaults } from "@/server/demo-cluster/http/faults";
import { startDemoCluster, type DemoCluster } from "@/server/demo-cluster/start";
import { connectWithKubeconfigYaml } from "@/server/kube/connect";
import type { ContractTarget } from "../target";
import { grantNamespaceReader } from "./limitedUser";
import { createFreshNamespace } from "./namespace";

export interface StartedTarget {
  target: ContractTarget;
  stop(): Promise<void>;
}

export interface DemoTargetOptions {
  /** Deliberately broken behaviours (mutation tests); read on every request, so they can be toggled while running. */
  faults?: DemoFaults;
}

/** The embedded demo cluster (simulation included) on a loopback port, reached through its generated kubeconfig. */
export async function startDemoTarget(options: DemoTargetOptions = {}): Promise<StartedTarget & { cluster: DemoCluster }> {
  const cluster = await startDemoCluster({ port: 0, faults: options.faults });
  const dir = await mkdtemp(path.join(tmpdir(), "orrery-contract-demo-"));
  try {
    const kubeconfigPath = path.join(dir, "kubeconfig");
    await writeFile(kubeconfigPath, cluster.kubeconfig, { mode: 0o600 });
    const connection = connectWithKubeconfigYaml(cluster.kubeconfig, "demo");
    const namespace = await createFreshNamespace(connection, "contract-demo");
    // Like identities.yaml gives bob edit in team-a on the test cluster: rights in this namespace only.
    await grantNamespaceReader(connection, namespace, "bob");
    const target: ContractTarget = {
      name: "demo",
      connection,
      kubeconfigPath,
      namespace,
      capabilities: { limitedUser: { name: "bob", namespace }, metricsWaitMs: 30_000, podsWaitMs: 60_000 },
    };
    const stop = async () => {
      await cluster.stop();
      await rm(dir, { recursive: true, force: true });
    };
    return { target, cluster, stop };
  } catch (error) {
    await cluster.stop();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
