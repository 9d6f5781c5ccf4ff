// CPU and memory for the resource lists on /api/stream: the same samples the map shows, per person.

/** Subscribes to usage for the lists, optionally of pods in one namespace (nodes' usage is cluster-wide). */
export interface UsageSubscribe {
  type: "subscribe";
  id: string;
  resource: "usage";
  namespace?: string;
  /** Only pods' or only nodes' samples (the Nodes list needs no pod's); both when absent. */
  only?: "pods" | "nodes";
}

/** One sample: [CPU in millicores, memory in bytes]. */
export type WireUsageSample = [number, number];

/** The latest samples this person may see; a whole frame after every poll that changed them. */
export interface UsageFrame {
  type: "usage";
  id: string;
  /** Keyed by "namespace/name"; a pod without a sample is absent, never 0. */
  pods: Record<string, WireUsageSample>;
  /** Keyed by node name. */
  nodes: Record<string, WireUsageSample>;
  /** Where this person may see usage: pods' everywhere (true) or in these namespaces; nodes' or not. */
  visible: { pods: true | string[]; nodes: boolean };
  /** Why no samples come from the metrics API right now, as a sentence for a person. */
  unavailable?: string;
}

export const podUsageKey = (namespace: string, name: string): string => `${namespace}/${name}`;
