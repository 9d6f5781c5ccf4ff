import type { ClusterConnection } from "@/server/kube/connect";

export type TargetName = "demo" | "real";

/** What differs between targets in ways the expectations must know about, not paper over. */
export interface TargetCapabilities {
  /** A user with rights in one namespace only, to impersonate (on the test cluster: bob, edit in team-a). */
  limitedUser: { name: string; namespace: string };
  /** Longest wait for metrics of a new pod: metrics-server scrapes every 15 s, the demo answers at once. */
  metricsWaitMs: number;
  /** Longest wait for a Deployment's pods to run. */
  podsWaitMs: number;
  /** The identity Orrery runs as in production (read rights and impersonation); impersonating requests go through it. */
  impersonator?: ClusterConnection;
}

/** One apiserver the contract runs against, with a fresh namespace to work in. */
export interface ContractTarget {
  name: TargetName;
  /** Orrery's own client, with the identity the target's setup uses (admin on the test cluster, the token on the demo). */
  connection: ClusterConnection;
  kubeconfigPath: string;
  /** Created fresh for this run; the expectations create what they need inside it. */
  namespace: string;
  capabilities: TargetCapabilities;
}

/** One behaviour of the Kubernetes API that Orrery relies on, asserted through Orrery's own client. */
export interface Expectation {
  /** Stable id, e.g. "watch.bookmarks"; the differences table refers to it. */
  id: string;
  title: string;
  /** Throws (vitest `expect`) when the target does not behave so. */
  run(target: ContractTarget): Promise<void>;
  /** Longer than the default for expectations that wait on controllers or scrapes. */
  timeoutMs?: number;
}
