import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { clusterStateDir, parseEnvFile, recordedProcessAlive } from "../../cluster-suite/clusterEnv";

/** What e2e/cluster/up.sh left behind, and whether it is still running. */
export interface RealClusterState {
  running: boolean;
  /** Why the real target is skipped, or where it runs. */
  reason: string;
  stateDir: string;
  /** KEY=VALUE pairs of cluster.env (ORRERY_CLUSTER_*). */
  env: Record<string, string>;
}

export function detectRealCluster(stateDir = clusterStateDir()): RealClusterState {
  const envFile = path.join(stateDir, "cluster.env");
  const skipped = (reason: string, env: Record<string, string> = {}): RealClusterState => ({ running: false, reason, stateDir, env });
  if (!existsSync(envFile)) return skipped(`no real cluster: ${envFile} does not exist (start one with bash e2e/cluster/up.sh)`);
  const env = parseEnvFile(readFileSync(envFile, "utf8"));
  const pidFile = path.join(stateDir, "pids", "kube-apiserver.pid");
  if (!recordedProcessAlive(pidFile)) return skipped(`no real cluster: ${envFile} exists but kube-apiserver (pid file ${pidFile}) is not running`, env);
  const kubeconfig = env.ORRERY_CLUSTER_KUBECONFIG_ADMIN;
  if (!kubeconfig || !existsSync(kubeconfig)) return skipped(`no real cluster: ${envFile} names no readable ORRERY_CLUSTER_KUBECONFIG_ADMIN`, env);
  return { running: true, reason: `real cluster ${env.ORRERY_CLUSTER_K8S_VERSION ?? "?"} at ${env.ORRERY_CLUSTER_API_URL ?? "?"}`, stateDir, env };
}
