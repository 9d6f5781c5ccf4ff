import type { ContainerSpec, PodSpec, Toleration } from "./types";

// Field defaults the apiserver fills in, so stored objects look like a real cluster's and stay stable across writes.

function defaultContainer(container: ContainerSpec): ContainerSpec {
  const latest = !container.image.includes(":") || container.image.endsWith(":latest");
  return {
    ...container,
    ...(container.ports ? { ports: container.ports.map((p) => ({ ...p, protocol: p.protocol ?? "TCP" })) } : {}),
    resources: container.resources ?? {},
    terminationMessagePath: container.terminationMessagePath ?? "/dev/termination-log",
    terminationMessagePolicy: container.terminationMessagePolicy ?? "File",
    imagePullPolicy: container.imagePullPolicy ?? (latest ? "Always" : "IfNotPresent"),
  };
}

/** Defaults of a PodSpec inside a template (what a Deployment stores). */
export function defaultPodSpec(spec: PodSpec): PodSpec {
  return {
    ...spec,
    containers: spec.containers.map(defaultContainer),
    ...(spec.initContainers ? { initContainers: spec.initContainers.map(defaultContainer) } : {}),
    restartPolicy: spec.restartPolicy ?? "Always",
    terminationGracePeriodSeconds: spec.terminationGracePeriodSeconds ?? 30,
    dnsPolicy: spec.dnsPolicy ?? (spec.hostNetwork ? "ClusterFirstWithHostNet" : "ClusterFirst"),
    securityContext: spec.securityContext ?? {},
    schedulerName: spec.schedulerName ?? "default-scheduler",
  };
}

const notReadyTolerations: Toleration[] = [
  { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
  { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
];

/** What admission adds to a Pod on top of the template defaults. */
export function admitPodSpec(spec: PodSpec): PodSpec {
  const defaulted = defaultPodSpec(spec);
  const tolerations = [...(defaulted.tolerations ?? [])];
  for (const extra of notReadyTolerations) if (!tolerations.some((t) => t.key === extra.key && t.effect === extra.effect)) tolerations.push(extra);
  return {
    ...defaulted,
    serviceAccountName: defaulted.serviceAccountName ?? "default",
    serviceAccount: defaulted.serviceAccountName ?? "default",
    enableServiceLinks: defaulted.enableServiceLinks ?? true,
    preemptionPolicy: defaulted.preemptionPolicy ?? "PreemptLowerPriority",
    priority: defaulted.priority ?? (defaulted.priorityClassName === "system-node-critical" ? 2000001000 : defaulted.priorityClassName === "system-cluster-critical" ? 2000000000 : 0),
    tolerations,
  };
}

/** The pod's QoS class from its containers' requests and limits. */
export function qosClassOf(spec: PodSpec): "Guaranteed" | "Burstable" | "BestEffort" {
  const containers = spec.containers;
  const none = containers.every((c) => Object.keys(c.resources?.requests ?? {}).length === 0 && Object.keys(c.resources?.limits ?? {}).length === 0);
  if (none) return "BestEffort";
  const guaranteed = containers.every((c) =>
    ["cpu", "memory"].every((r) => {
      const limit = c.resources?.limits?.[r];
      const request = c.resources?.requests?.[r] ?? limit;
      return limit !== undefined && request === limit;
    }),
  );
  return guaranteed ? "Guaranteed" : "Burstable";
}
