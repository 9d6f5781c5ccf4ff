import type { KubectlRunner } from "../kubectlRunner";
import { pollUntil } from "../poll";

// On the real control plane nothing crash-loops by itself (kwok's stages have no restart), so the suite writes,
// through the pod's status subresource and the events API, exactly what a kubelet reports for a crash loop.

interface PodState {
  metadata: { uid: string };
  spec: { nodeName?: string; containers: { name: string; image: string }[] };
  status?: { phase?: string; podIP?: string };
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, "Z");

async function runningPod(k: KubectlRunner, namespace: string, pod: string): Promise<PodState> {
  return pollUntil(`pod ${namespace}/${pod} Running on a kwok node`, async () => {
    const state = await k.json<PodState>(["get", "pod", pod, "-n", namespace]);
    return { value: state.status?.phase === "Running" && state.status.podIP ? state : undefined, seen: JSON.stringify(state.status) };
  }, { timeoutMs: 60_000 });
}

/** The status a kubelet writes after the 4th crash: waiting in CrashLoopBackOff, last run Terminated Error exit 1. */
function crashStatus(state: PodState, now: number): unknown {
  const [first, ...rest] = state.spec.containers;
  const crashed = {
    name: first!.name, image: first!.image, imageID: "", ready: false, started: false, restartCount: 4,
    state: { waiting: { reason: "CrashLoopBackOff", message: `back-off 40s restarting failed container=${first!.name} pod=${state.metadata.uid}` } },
    lastState: { terminated: { exitCode: 1, reason: "Error", startedAt: iso(now - 65_000), finishedAt: iso(now - 60_000) } },
  };
  const steady = rest.map((c) => ({ name: c.name, image: c.image, imageID: "", ready: true, started: true, restartCount: 0, state: { running: { startedAt: iso(now - 300_000) } } }));
  return {
    status: {
      conditions: [{ type: "Ready", status: "False", reason: "ContainersNotReady" }, { type: "ContainersReady", status: "False", reason: "ContainersNotReady" }],
      containerStatuses: [crashed, ...steady],
    },
  };
}

/** The kubelet's BackOff event for the crashing container. */
function backOffEvent(namespace: string, pod: string, state: PodState, now: number): string {
  const container = state.spec.containers[0]!.name;
  return JSON.stringify({
    apiVersion: "v1", kind: "Event",
    metadata: { name: `${pod}.backoff`, namespace },
    involvedObject: { apiVersion: "v1", kind: "Pod", name: pod, namespace, uid: state.metadata.uid, fieldPath: `spec.containers{${container}}` },
    reason: "BackOff", type: "Warning", count: 7,
    message: `Back-off restarting failed container ${container} in pod ${pod}_${namespace}(${state.metadata.uid})`,
    source: { component: "kubelet", host: state.spec.nodeName },
    firstTimestamp: iso(now - 240_000), lastTimestamp: iso(now - 20_000),
  });
}

export async function crashLoopStatus(k: KubectlRunner, namespace: string, pod: string): Promise<void> {
  const state = await runningPod(k, namespace, pod);
  const now = Date.now();
  await k.ok(["patch", "pod", pod, "-n", namespace, "--subresource=status", "--type=strategic", "-p", JSON.stringify(crashStatus(state, now))]);
  await k.ok(["create", "-f", "-"], { stdin: backOffEvent(namespace, pod, state, now) });
  // kwok only acts on pods without a podIP or with a deletionTimestamp: the written status stays.
  await pollUntil(`pod ${namespace}/${pod} to show CrashLoopBackOff`, async () => {
    const row = await k.ok(["get", "pod", pod, "-n", namespace, "--no-headers"]);
    return { value: /\sCrashLoopBackOff\s/.test(row) ? row : undefined, seen: row };
  }, { timeoutMs: 20_000 });
}
