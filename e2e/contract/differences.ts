import type { TargetName } from "./target";

/** An expectation a target deliberately does not meet, and why; the runner checks it still fails there. */
export interface Difference {
  id: string;
  target: TargetName;
  /** Says what differs and where a reader can check it. */
  reason: string;
}

export const differences: readonly Difference[] = [
  {
    id: "exec.exitCode",
    target: "real",
    reason:
      "kwok's local exec (sigs.k8s.io/kwok@v0.7.0 pkg/utils/exec/exec.go:250) wraps the command's exit error with fmt.Errorf(\"cmd wait: …: %w\"), " +
      "and the kubelet streaming code kwok serves (k8s.io/kubelet@v0.33.13 pkg/cri/streaming/remotecommand/exec.go:55) recognises only an unwrapped " +
      "utilexec.ExitError, so the test cluster answers a non-zero exit with an InternalError Status; a real kubelet with a CRI runtime sends NonZeroExitCode " +
      "with an ExitCode cause, which the demo matches",
  },
];

export function differenceFor(id: string, target: TargetName): Difference | undefined {
  return differences.find((d) => d.id === id && d.target === target);
}
