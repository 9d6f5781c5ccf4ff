import { appendFile } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import { readClusterEnv } from "@/e2e/cluster-suite/clusterEnv";
import { KubectlRunner } from "../kubectlRunner";
import { killMarkedProcesses } from "./hostProcesses";
import { untaintedNodes } from "./nodes";
import { crashLoopStatus } from "./kubeletWrites";
import type { KubectlTarget } from "./target";

// The real control plane of e2e/cluster (kube-apiserver, controllers, scheduler, kwok nodes, metrics-server)
// as its admin. kwok does not pull images: any image name runs; pods log from one CRI file and exec on this host.

/**
 * The lines kwok-config.sh writes into kwok's CRI log file, and the ones this suite appends. A kubelet counts
 * tailLines in file lines, so a tail can start at the second half ("parts by the runtime") of a split line.
 */
const kwokLogLine = /^(starting orrery-test-app version=|\{"level":"info"|warning: cache directory|(a long line written in two )?parts by the runtime$|GET \/|kc-follow-[0-9a-f]+ )/;

/** One CRI log line as a container runtime writes it: <RFC 3339 nano time> <stream> F <text>. */
export function criLine(date: Date, text: string): string {
  return `${date.toISOString().replace(/\.(\d{3})Z$/, ".$1000000Z")} stdout F ${text}\n`;
}

export async function startRealTarget(): Promise<KubectlTarget> {
  const env = readClusterEnv();
  const k = await KubectlRunner.create({ path: env.kubeconfigs.admin });
  const ready = await k.run(["get", "--raw", "/readyz"]);
  if (ready.stdout.trim() !== "ok") throw new Error(`the real cluster at ${env.apiUrl} is not ready: ${ready.stdout}${ready.stderr}`);
  return {
    name: "real",
    k,
    serverVersion: new RegExp(`^${env.version.replace(/\./g, "\\.")}$`),
    web: { image: "registry.k8s.io/pause:3.10", logLine: kwokLogLine },
    sidecar: { image: "registry.k8s.io/pause:3.10", logLine: kwokLogLine },
    crashImage: "registry.k8s.io/pause:3.10",
    previousLastLine: /^panic: out of memory \(previous container\)$/,
    servesPreviousOfEveryContainer: true,
    crashLoopAnnotations: {},
    // kwok's stages (pod-fast: ready, complete, delete) never restart a container: write what a kubelet would.
    crashLoop: (namespace, pod) => crashLoopStatus(k, namespace, pod),
    // Every kwok container reads the same CRI file; append one line to it as a runtime would.
    writeLogLine: async () => {
      const text = `kc-follow-${randomBytes(4).toString("hex")} written after kubectl logs -f started`;
      await appendFile(env.kwokLogFile, criLine(new Date(), text));
      return text;
    },
    // See e2e/contract/differences.ts "exec.exitCode": kwok wraps the exit error, the apiserver answers InternalError.
    execExit: (code) => ({ code: 1, stderr: `exit status ${code}` }),
    reapExec: (marker) => void killMarkedProcesses(marker),
    shellPrompt: /\$ $/,
    workerNodes: () => untaintedNodes(k),
    stop: () => k.stop(),
  };
}
