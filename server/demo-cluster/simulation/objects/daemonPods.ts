import { computeTemplateHash } from "./templateHash";
import { buildPod } from "./podBuilder";
import { REVISION_HASH_LABEL } from "./revisions";
import type { Node, Pod, Toleration, Workload } from "./types";
import { matchesNodeSelection, untoleratedTaint } from "../scheduler/nodeFit";

/** Tolerations the DaemonSet controller adds so its pods run through node trouble and cordons. */
const daemonTolerations: Toleration[] = [
  { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute" },
  { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute" },
  { key: "node.kubernetes.io/disk-pressure", operator: "Exists", effect: "NoSchedule" },
  { key: "node.kubernetes.io/memory-pressure", operator: "Exists", effect: "NoSchedule" },
  { key: "node.kubernetes.io/pid-pressure", operator: "Exists", effect: "NoSchedule" },
  { key: "node.kubernetes.io/unschedulable", operator: "Exists", effect: "NoSchedule" },
];

export const daemonSetHash = (ds: Workload) => computeTemplateHash(ds.spec.template);

function withDaemonTolerations(existing: readonly Toleration[] | undefined, hostNetwork: boolean | undefined): Toleration[] {
  const extra = hostNetwork ? [...daemonTolerations, { key: "node.kubernetes.io/network-unavailable", operator: "Exists", effect: "NoSchedule" }] : daemonTolerations;
  const out = [...(existing ?? [])];
  for (const t of extra) if (!out.some((o) => o.key === t.key && o.effect === t.effect)) out.push(t);
  return out;
}

/** The pod a DaemonSet wants on `node`: pinned there by node affinity on metadata.name. */
export function buildDaemonPod(ds: Workload, node: Node, name: string, hash: string, createdMs: number): Pod {
  const spec = ds.spec.template.spec;
  return buildPod({
    namespace: ds.metadata.namespace ?? "default",
    name,
    template: ds.spec.template,
    owner: ds,
    labels: { [REVISION_HASH_LABEL]: hash, "pod-template-generation": String(ds.metadata.generation ?? 1) },
    specPatch: {
      affinity: {
        ...spec.affinity,
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: [node.metadata.name] }] }],
          },
        },
      },
      tolerations: withDaemonTolerations(spec.tolerations, spec.hostNetwork),
    },
    createdMs,
  });
}

/** Whether the DaemonSet should run a pod on the node (selector, affinity and taints; not cordons or resources). */
export function shouldRunOn(ds: Workload, node: Node): boolean {
  const spec = ds.spec.template.spec;
  const probe = { metadata: { name: "" }, spec: { ...spec, containers: spec.containers } } as Pod;
  if (!matchesNodeSelection(probe, node)) return false;
  return untoleratedTaint(withDaemonTolerations(spec.tolerations, spec.hostNetwork), node.spec?.taints) === undefined;
}

/** The node a DaemonSet pod belongs to: where it runs, or where its affinity pins it. */
export function daemonPodNode(pod: Pod): string | undefined {
  if (pod.spec.nodeName) return pod.spec.nodeName;
  const terms = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  return terms[0]?.matchFields?.find((f) => f.key === "metadata.name")?.values?.[0];
}
