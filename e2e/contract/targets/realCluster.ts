import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/** What e2e/cluster/up.sh left behind, and whether it is still running. */
export interface RealClusterState {
  running: boolean;
  /** Why the real target is skipped, or where it runs. */
  reason: string;
  stateDir: string;
  /** KEY=VALUE pairs of cluster.env (ORRERY_CLUSTER_*). */
  env: Record<string, string>;
}

export function clusterStateDir(): string {
  return process.env.ORRERY_CLUSTER_STATE || "/tmp/orrery-cluster";
}

export function parseEnvFile(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match) env[match[1]!] = match[2]!.replace(/^"(.*)"$/, "$1");
  }
  return env;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Reads cluster.env and checks that the recorded kube-apiserver process is alive; never throws. */
export function detectRealCluster(stateDir = clusterStateDir()): RealClusterState {
  const envFile = path.join(stateDir, "cluster.env");
  const skipped = (reason: string, env: Record<string, string> = {}): RealClusterState => ({ running: false, reason, stateDir, env });
  if (!existsSync(envFile)) return skipped(`no real cluster: ${envFile} does not exist (start one with bash e2e/cluster/up.sh)`);
  const env = parseEnvFile(readFileSync(envFile, "utf8"));
  const pidFile = path.join(stateDir, "pids", "kube-apiserver.pid");
  const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, "utf8").trim()) : NaN;
  if (!Number.isInteger(pid) || !alive(pid)) return skipped(`no real cluster: ${envFile} exists but kube-apiserver (pid file ${pidFile}) is not running`, env);
  const kubeconfig = env.ORRERY_CLUSTER_KUBECONFIG_ADMIN;
  if (!kubeconfig || !existsSync(kubeconfig)) return skipped(`no real cluster: ${envFile} names no readable ORRERY_CLUSTER_KUBECONFIG_ADMIN`, env);
  return { running: true, reason: `real cluster ${env.ORRERY_CLUSTER_K8S_VERSION ?? "?"} at ${env.ORRERY_CLUSTER_API_URL ?? "?"}`, stateDir, env };
}
