import { describe, expect, test } from "vitest";
import { podStatusTone, summarizePod } from "./podStatus";
import type { ContainerStatusView, Pod } from "./types";

function pod(status: Pod["status"], extra: Partial<Pod> = {}): Pod {
  return { metadata: { name: "p", namespace: "ns" }, spec: { containers: [{ name: "app" }] }, status, ...extra };
}

const running: ContainerStatusView = { name: "app", ready: true, restartCount: 0, state: { running: { startedAt: "2025-01-01T00:00:00Z" } } };

describe("summarizePod", () => {
  test("a running ready pod is Running 1/1", () => {
    expect(summarizePod(pod({ phase: "Running", containerStatuses: [running] }))).toEqual({ status: "Running", ready: 1, total: 1, restarts: 0 });
  });

  test("a waiting container's reason wins: CrashLoopBackOff with restarts", () => {
    const crashing: ContainerStatusView = { name: "app", ready: false, restartCount: 7, state: { waiting: { reason: "CrashLoopBackOff" } } };
    expect(summarizePod(pod({ phase: "Running", containerStatuses: [crashing] }))).toEqual({ status: "CrashLoopBackOff", ready: 0, total: 1, restarts: 7 });
  });

  test("a container killed for memory shows OOMKilled", () => {
    const killed: ContainerStatusView = { name: "app", restartCount: 1, state: { terminated: { reason: "OOMKilled", exitCode: 137 } } };
    expect(summarizePod(pod({ phase: "Running", containerStatuses: [killed] })).status).toBe("OOMKilled");
  });

  test("a terminated container without a reason shows its exit code or signal", () => {
    expect(summarizePod(pod({ phase: "Running", containerStatuses: [{ name: "app", state: { terminated: { exitCode: 3 } } }] })).status).toBe("ExitCode:3");
    expect(summarizePod(pod({ phase: "Running", containerStatuses: [{ name: "app", state: { terminated: { exitCode: 0, signal: 9 } } }] })).status).toBe("Signal:9");
  });

  test("a creating container shows ContainerCreating", () => {
    const creating: ContainerStatusView = { name: "app", state: { waiting: { reason: "ContainerCreating" } } };
    expect(summarizePod(pod({ phase: "Pending", containerStatuses: [creating] })).status).toBe("ContainerCreating");
  });

  test("a pod with a deletion timestamp is Terminating unless it already finished", () => {
    const deleting = { metadata: { name: "p", deletionTimestamp: "2025-01-01T00:00:00Z" } };
    expect(summarizePod(pod({ phase: "Running", containerStatuses: [running] }, deleting)).status).toBe("Terminating");
    expect(summarizePod(pod({ phase: "Succeeded" }, deleting)).status).toBe("Succeeded");
    expect(summarizePod(pod({ phase: "Running", reason: "NodeLost" }, deleting)).status).toBe("Unknown");
  });

  test("init containers report progress, then failures", () => {
    const spec = { containers: [{ name: "app" }], initContainers: [{ name: "a" }, { name: "b" }] };
    const done: ContainerStatusView = { name: "a", state: { terminated: { exitCode: 0, reason: "Completed" } } };
    const runningInit: ContainerStatusView = { name: "b", state: { running: {} } };
    expect(summarizePod(pod({ phase: "Pending", initContainerStatuses: [done, runningInit] }, { spec })).status).toBe("Init:1/2");
    const failed: ContainerStatusView = { name: "b", restartCount: 2, state: { terminated: { exitCode: 1, reason: "Error" } } };
    expect(summarizePod(pod({ phase: "Pending", initContainerStatuses: [done, failed] }, { spec }))).toMatchObject({ status: "Init:Error", restarts: 2 });
    const backoff: ContainerStatusView = { name: "a", state: { waiting: { reason: "CrashLoopBackOff" } } };
    expect(summarizePod(pod({ phase: "Pending", initContainerStatuses: [backoff] }, { spec })).status).toBe("Init:CrashLoopBackOff");
  });

  test("a started sidecar counts as a container and does not block", () => {
    const spec = { containers: [{ name: "app" }], initContainers: [{ name: "proxy", restartPolicy: "Always" }] };
    const sidecar: ContainerStatusView = { name: "proxy", started: true, ready: true, restartCount: 1, state: { running: {} } };
    expect(summarizePod(pod({ phase: "Running", initContainerStatuses: [sidecar], containerStatuses: [running] }, { spec }))).toEqual({
      status: "Running",
      ready: 2,
      total: 2,
      restarts: 1,
    });
  });

  test("Completed with a container still running reads Running or NotReady", () => {
    const spec = { containers: [{ name: "app" }, { name: "job" }] };
    const finished: ContainerStatusView = { name: "job", state: { terminated: { exitCode: 0, reason: "Completed" } } };
    const readyCondition = [{ type: "Ready", status: "True" }];
    expect(summarizePod(pod({ phase: "Running", containerStatuses: [finished, running], conditions: readyCondition }, { spec })).status).toBe("Running");
    expect(summarizePod(pod({ phase: "Running", containerStatuses: [finished, running] }, { spec })).status).toBe("NotReady");
  });

  test("a pod's own reason (Evicted) and a scheduling gate are shown", () => {
    expect(summarizePod(pod({ phase: "Failed", reason: "Evicted" })).status).toBe("Evicted");
    expect(summarizePod(pod({ phase: "Pending", conditions: [{ type: "PodScheduled", status: "False", reason: "SchedulingGated" }] })).status).toBe("SchedulingGated");
    expect(summarizePod({ metadata: { name: "bare" } }).status).toBe("Unknown");
  });
});

describe("podStatusTone", () => {
  test("classifies statuses", () => {
    expect(podStatusTone("Running")).toBe("ok");
    expect(podStatusTone("Init:0/2")).toBe("progress");
    expect(podStatusTone("ContainerCreating")).toBe("progress");
    expect(podStatusTone("NotReady")).toBe("warning");
    expect(podStatusTone("CrashLoopBackOff")).toBe("error");
    expect(podStatusTone("Init:Error")).toBe("error");
  });
});
