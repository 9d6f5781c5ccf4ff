import { writeFile } from "node:fs/promises";
import type { Config } from "./config";
import type { ClusterSource } from "./clusterSource";
import { connectFromKubeconfig, connectInCluster, connectWithKubeconfigYaml, type ClusterConnection } from "./kube/connect";
import { startDemoCluster } from "./demo-cluster/start";
import { log } from "./log";

export interface ConnectedCluster {
  connection: ClusterConnection;
  /** Stops what connecting started (the demo cluster). */
  stop(): Promise<void>;
}

/** Connects to the chosen cluster; for the demo it first starts the embedded apiserver on loopback. */
export async function connectCluster(source: ClusterSource, config: Config): Promise<ConnectedCluster> {
  if (source.type === "kubeconfig") {
    return { connection: connectFromKubeconfig({ path: source.path, context: source.context }), stop: async () => {} };
  }
  if (source.type === "in-cluster") return { connection: connectInCluster(source.serviceAccountRoot), stop: async () => {} };
  log.info({ why: source.why }, "starting the embedded demo cluster");
  const demo = await startDemoCluster({ host: "127.0.0.1", port: 0, nodes: config.demoNodes, pods: config.demoPods });
  if (config.demoKubeconfigOut) {
    await writeFile(config.demoKubeconfigOut, demo.kubeconfig, { mode: 0o600 });
    log.info({ path: config.demoKubeconfigOut }, "wrote the demo cluster's kubeconfig");
  }
  log.info({ url: demo.url }, "demo cluster is serving");
  return { connection: connectWithKubeconfigYaml(demo.kubeconfig, "demo"), stop: () => demo.stop() };
}
