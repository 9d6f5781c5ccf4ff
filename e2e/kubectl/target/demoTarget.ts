import { BEHAVIOR_ANNOTATION } from "@/server/demo-cluster/simulation/kubelet/behavior";
import { startDemoCluster } from "@/server/demo-cluster/start";
import { KubectlRunner } from "../kubectlRunner";
import { pollUntil } from "../poll";
import { untaintedNodes } from "./nodes";
import type { KubectlTarget } from "./target";

// The embedded demo cluster (3 nodes, simulation running) on an ephemeral loopback port, reached only through kubectl.

/** Lines of the demo's nginx log profile: entrypoint banner, error-log levels, access log. */
const nginxLine = /docker-entrypoint|by-default\.sh|\[(notice|error|warn|alert|emerg)\]|HTTP\/1\.1" \d{3} /;
/** Lines of the demo's busybox loop profile: `date`, INFO/WARN/ERROR lines. */
const shellLoopLine = /^(starting worker loop|INFO: processed batch|WARN: |ERROR: |\w{3} \w{3} \d\d \d\d:\d\d:\d\d UTC \d{4}$)/;

interface CrashState {
  status?: { containerStatuses?: { restartCount?: number; lastState?: { terminated?: { exitCode?: number } } }[] };
}

export async function startDemoTarget(): Promise<KubectlTarget> {
  const cluster = await startDemoCluster({ port: 0 });
  const k = await KubectlRunner.create({ yaml: cluster.kubeconfig });
  return {
    name: "demo",
    k,
    serverVersion: /^v1\.32\.\d+-orrery-demo$/,
    web: { image: "nginx:1.27", logLine: nginxLine },
    sidecar: { image: "busybox:1.36", logLine: shellLoopLine },
    crashImage: "example/orders-go:1",
    // The demo's Go profile ends a crashed run with a panic's stack trace.
    previousLastLine: /^\t\/usr\/local\/go\/src\/net\/http\/server\.go:\d+ \+0x[0-9a-f]+$/,
    servesPreviousOfEveryContainer: false,
    crashLoopAnnotations: { [BEHAVIOR_ANNOTATION]: "crashloop" },
    // The simulated kubelet crashes the annotated container a few seconds after each start.
    crashLoop: async (namespace, pod) => {
      await pollUntil(`pod ${namespace}/${pod} to restart after exit code 1 and a BackOff event`, async () => {
        const state = await k.json<CrashState>(["get", "pod", pod, "-n", namespace]);
        const container = state.status?.containerStatuses?.[0];
        const events = await k.ok(["get", "events", "-n", namespace, "--field-selector", `involvedObject.name=${pod},reason=BackOff`, "-o", "name"]);
        const done = (container?.restartCount ?? 0) > 0 && container?.lastState?.terminated?.exitCode === 1 && events.trim() !== "";
        return { value: done ? true : undefined, seen: JSON.stringify(container) + `\nBackOff events: ${events.trim() || "none"}` };
      }, { timeoutMs: 60_000 });
    },
    // Demo containers keep logging on their own (one line every 0.5–5 s).
    writeLogLine: async () => undefined,
    execExit: (code) => ({ code, stderr: `command terminated with exit code ${code}` }),
    // The demo's exec sessions end with their stream.
    reapExec: () => undefined,
    shellPrompt: /# $/,
    workerNodes: () => untaintedNodes(k),
    stop: async () => {
      await k.stop();
      await cluster.stop();
    },
  };
}
