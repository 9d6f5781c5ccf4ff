import type { KubectlTarget, TargetName } from "./target";

/**
 * Where the kubectl suite does not run the same thing the same way on both targets:
 * - fixture: the same test body, with something the target must provide differently (a target fixture);
 * - demo-bug: the demo cluster does not yet do what the real apiserver does; the suite checks it still fails
 *   there, so the entry has to go once the demo is fixed;
 * - kwok-gap: the real test cluster's kwok nodes do not do what a kubelet does; checked the same way;
 * - demo-only: a whole file that needs the demo's internals or its seeded objects and does not run on real.
 */
export interface KubectlDifference {
  id: string;
  target: TargetName;
  kind: "fixture" | "demo-bug" | "kwok-gap" | "demo-only";
  what: string;
  reason: string;
}

export const differences: readonly KubectlDifference[] = [
  {
    id: "crashLoop", target: "real", kind: "fixture", what: "the crash-looping pod (describe pod, get pods, logs --previous)",
    reason: "kwok's stage config (e2e/cluster/kwok-config.sh loads kwok's pod-fast stages: pod-ready, pod-complete, pod-delete) has no stage that restarts a container; the suite writes the status a kubelet reports after a crash (patch --subresource=status: restartCount 4, waiting CrashLoopBackOff, last state Terminated Error exit 1) and the kubelet's Warning BackOff event. On the demo its simulated kubelet crash-loops the pod (sim.orrery.dev/behavior: crashloop)",
  },
  {
    id: "logs.content", target: "real", kind: "fixture", what: "log lines (logs --tail, -c, --previous)",
    reason: "kwok serves every container's log from the one CRI file kwok-config.sh writes (current.log, previous.log for --previous); the demo writes per-image logs (nginx, busybox, a Go panic). Tests check each line against the target's pattern, not exact text",
  },
  {
    id: "logs.follow", target: "real", kind: "fixture", what: "logs -f sees a line written after it started",
    reason: "kwok's log file does not grow by itself: the suite appends one CRI line (kc-follow-<hex> …) to $ORRERY_CLUSTER_STATE/kwok/logs/current.log as a runtime would; demo containers keep logging every 0.5–5 s",
  },
  {
    id: "logs.previousWithoutRestart", target: "real", kind: "fixture", what: "logs --previous of a container that never restarted",
    reason: "a kubelet (and the demo) answers 'previous terminated container … not found'; kwok serves previous.log for every container. The test expects the error on the demo and the file's content on real",
  },
  {
    id: "exec.exitCode", target: "real", kind: "fixture", what: "kubectl exec exit code of a failing command",
    reason: "kwok's local exec wraps the command's exit error, so the apiserver answers InternalError ('… exit status 3', kubectl exits 1) instead of NonZeroExitCode (kubectl exits 3, 'command terminated with exit code 3'); see e2e/contract/differences.ts exec.exitCode",
  },
  {
    id: "exec.stdinEof", target: "real", kind: "kwok-gap", what: "exec -i: the end of stdin reaches the command",
    reason: "kwok v0.7.0's local exec never closes the command's stdin when kubectl half-closes it, so `kubectl exec -i … -- cat` hangs until killed; the demo (like a kubelet with a CRI runtime) ends cat. Stdin itself is forwarded on both (head -n 1 test)",
  },
  {
    id: "exec.shell", target: "real", kind: "fixture", what: "exec -it prompt and `ls /`",
    reason: "kwok runs the command on this host as nobody (prompt '$ ', the host's /); the demo's shell runs as root in its simulated filesystem (prompt '# ')",
  },
  {
    id: "pvc.binding", target: "real", kind: "fixture", what: "a PVC of StorageClass standard: STATUS",
    reason: "e2e/cluster has no StorageClass or provisioner, so the claim stays Pending; the demo binds it. The test accepts Bound or Pending and checks the other columns",
  },
  {
    id: "node.leaseHolder", target: "real", kind: "fixture", what: "describe node: Lease HolderIdentity",
    reason: "kwok renews node leases with its own identity (vm_<uuid>), a kubelet (and the demo) with the node's name; the test checks that a holder and a renew time are shown",
  },
  {
    id: "file:api.test.ts", target: "real", kind: "demo-only", what: "e2e/kubectl/api.test.ts",
    reason: "writes exact statuses straight into the demo's object store (no simulation) to pin kubectl's rendering of them; the same commands run against objects kubectl creates in the shared files",
  },
  {
    id: "file:demo-seed.test.ts", target: "real", kind: "demo-only", what: "e2e/kubectl/demo-seed.test.ts",
    reason: "checks the demo's seeded workloads (shop/frontend, checkout crash loop, leaky OOMKilled, redis PVCs, cronjob report, ingress, podCIDRs, control-plane taint), which exist only in the demo",
  },
];

export function differenceFor(id: string, target: TargetName): KubectlDifference | undefined {
  return differences.find((d) => d.id === id && d.target === target);
}

/** Runs a shared expectation; where a demo-bug or kwok-gap difference names it for this target, requires it to still fail. */
export async function conforms(t: KubectlTarget, id: string, body: () => Promise<void>): Promise<void> {
  const difference = differenceFor(id, t.name);
  if (!difference || (difference.kind !== "demo-bug" && difference.kind !== "kwok-gap")) return body();
  const failed = await body().then(() => false, () => true);
  if (!failed) throw new Error(`difference "${id}" no longer holds on ${t.name}: the shared expectation passes; remove it from e2e/kubectl/target/differences.ts`);
}

/** Every difference as a fixed-width text table; `current` marks the ones that apply to this run. */
export function differencesTable(current: TargetName): string {
  const lines = differences.map((d) => {
    const mark = d.target === current ? "*" : " ";
    return `${mark} ${d.kind.padEnd(9)} ${d.target.padEnd(4)} ${d.id.padEnd(27)} ${d.what}\n${" ".repeat(46)}why: ${d.reason}`;
  });
  return [`kubectl suite: ${differences.length} deliberate differences between the demo and the real control plane (* = applies to this run on ${current})`, "  kind      on   id                          what", ...lines].join("\n");
}
