import type { KubectlRunner } from "../kubectlRunner";

// One kubectl suite, two clusters: the embedded demo cluster and the real control plane of e2e/cluster.
// Test bodies use only this interface; what must differ between the two lives in the target's fixtures.

export type TargetName = "demo" | "real";

export function selectedTarget(): TargetName {
  const value = process.env.ORRERY_KUBECTL_TARGET ?? "demo";
  if (value !== "demo" && value !== "real") throw new Error(`ORRERY_KUBECTL_TARGET must be demo or real, not "${value}"`);
  return value;
}

/** A container the suite creates, and what its log looks like on this target. */
export interface ContainerKind {
  image: string;
  /** Every line of this container's log matches. */
  logLine: RegExp;
}

export interface KubectlTarget {
  name: TargetName;
  /** kubectl as a cluster administrator. */
  k: KubectlRunner;
  /** Version prefix `kubectl version` reports for the server. */
  serverVersion: RegExp;
  /** A long-running web container and a sidecar. */
  web: ContainerKind;
  sidecar: ContainerKind;
  /** The image of the crash-looping container (the demo picks its log profile from the image). */
  crashImage: string;
  /** The last line of a crashed container's previous run (`logs --previous`). */
  previousLastLine: RegExp;
  /** Whether `logs --previous` of a container that never restarted answers with a log (kwok) instead of "not found". */
  servesPreviousOfEveryContainer: boolean;
  /**
   * Makes the first container of the pod `pod` crash-loop: restartCount > 0, last state Terminated/Error exit 1,
   * and a Warning BackOff event from the kubelet. Resolves once kubectl can see all of that.
   */
  crashLoop(namespace: string, pod: string): Promise<void>;
  /** Pod annotations that make a pod's first container crash-loop (empty where crashLoop does all the work). */
  crashLoopAnnotations: Record<string, string>;
  /**
   * For `logs -f`: makes a new line appear in the log of `namespace/pod` and returns it, or returns undefined
   * when the target's containers write new lines by themselves.
   */
  writeLogLine(namespace: string, pod: string): Promise<string | undefined>;
  /** What kubectl exec does when the remote command exits with `code`. */
  execExit(code: number): { code: number; stderr: string };
  /** Ends commands started by exec whose command line holds `marker` and that outlived their kubectl (kwok leaves them running). */
  reapExec(marker: string): void;
  /** The shell prompt of `kubectl exec -it … -- sh`. */
  shellPrompt: RegExp;
  /** Nodes a suite pod may be scheduled on (no NoSchedule taint). */
  workerNodes(): Promise<string[]>;
  stop(): Promise<void>;
}
