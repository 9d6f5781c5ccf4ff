import { existsSync, readFileSync, readlinkSync } from "node:fs";
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

/** proc.sh's rule: the pid file holds the pid and the binary, and /proc/<pid>/exe must still be that binary (pids get reused). */
function componentAlive(pidFile: string): boolean {
  if (!existsSync(pidFile)) return false;
  const [pid, binary] = readFileSync(pidFile, "utf8").split("\n").map((line) => line.trim());
  if (!pid || !/^\d+$/.test(pid)) return false;
  try {
    const exe = readlinkSync(`/proc/${pid}/exe`);
    return binary === undefined || binary === "" || exe === binary;
  } catch (error) {
    // Another user's process: it exists, but its binary cannot be read.
    return ["EACCES", "EPERM"].includes((error as NodeJS.ErrnoException).code ?? "");
  }
}

/** Reads cluster.env and checks that the recorded kube-apiserver process is alive; never throws. */
export function detectRealCluster(stateDir = clusterStateDir()): RealClusterState {
  const envFile = path.join(stateDir, "cluster.env");
  const skipped = (reason: string, env: Record<string, string> = {}): RealClusterState => ({ running: false, reason, stateDir, env });
  if (!existsSync(envFile)) return skipped(`no real cluster: ${envFile} does not exist (start one with bash e2e/cluster/up.sh)`);
  const env = parseEnvFile(readFileSync(envFile, "utf8"));
  const pidFile = path.join(stateDir, "pids", "kube-apiserver.pid");
  if (!componentAlive(pidFile)) return skipped(`no real cluster: ${envFile} exists but kube-apiserver (pid file ${pidFile}) is not running`, env);
  const kubeconfig = env.ORRERY_CLUSTER_KUBECONFIG_ADMIN;
  if (!kubeconfig || !existsSync(kubeconfig)) return skipped(`no real cluster: ${envFile} names no readable ORRERY_CLUSTER_KUBECONFIG_ADMIN`, env);
  return { running: true, reason: `real cluster ${env.ORRERY_CLUSTER_K8S_VERSION ?? "?"} at ${env.ORRERY_CLUSTER_API_URL ?? "?"}`, stateDir, env };
}
