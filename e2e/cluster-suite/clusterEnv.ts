import { existsSync, readFileSync, readlinkSync } from "node:fs";
import path from "node:path";

// What e2e/cluster/up.sh left in its state dir (cluster.env and pid files), for the kubectl and Playwright suites.

export interface ClusterEnv {
  stateDir: string;
  apiUrl: string;
  version: string;
  kubeconfigs: { admin: string; orrery: string; alice: string; bob: string };
  /** kwok's CRI log file that every container's `kubectl logs` reads (README: "kwok/logs/current.log"). */
  kwokLogFile: string;
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

/** proc.sh records "pid\nbinary"; the pid counts only while /proc/<pid>/exe is still that binary (pids get reused). */
export function recordedProcessAlive(pidFile: string): boolean {
  if (!existsSync(pidFile)) return false;
  const [pid, binary] = readFileSync(pidFile, "utf8").split("\n").map((line) => line.trim());
  if (!pid || !/^\d+$/.test(pid)) return false;
  try {
    return !binary || readlinkSync(`/proc/${pid}/exe`) === binary;
  } catch (error) {
    // Another user's process: it exists, but its binary cannot be read.
    return ["EACCES", "EPERM"].includes((error as NodeJS.ErrnoException).code ?? "");
  }
}

/** The running test cluster, or an error saying exactly what is missing. */
export function readClusterEnv(stateDir = clusterStateDir()): ClusterEnv {
  const envFile = path.join(stateDir, "cluster.env");
  if (!existsSync(envFile)) throw new Error(`no real cluster: ${envFile} does not exist (start one with bash e2e/cluster/up.sh)`);
  if (!recordedProcessAlive(path.join(stateDir, "pids", "kube-apiserver.pid"))) throw new Error(`no real cluster: ${envFile} exists but its kube-apiserver is not running`);
  const env = parseEnvFile(readFileSync(envFile, "utf8"));
  const need = (key: string) => {
    const value = env[key];
    if (!value) throw new Error(`${envFile} has no ${key}`);
    return value;
  };
  return {
    stateDir,
    apiUrl: need("ORRERY_CLUSTER_API_URL"),
    version: need("ORRERY_CLUSTER_K8S_VERSION"),
    kubeconfigs: {
      admin: need("ORRERY_CLUSTER_KUBECONFIG_ADMIN"),
      orrery: need("ORRERY_CLUSTER_KUBECONFIG_ORRERY"),
      alice: need("ORRERY_CLUSTER_KUBECONFIG_ALICE"),
      bob: need("ORRERY_CLUSTER_KUBECONFIG_BOB"),
    },
    kwokLogFile: path.join(stateDir, "kwok", "logs", "current.log"),
  };
}
