import { describe, expect, test } from "vitest";
import type { KubeObject } from "@/server/kube/types";
import { pod } from "../testing/fixtures";
import { podPrinter, podSummary } from "./podTable";

const now = Date.parse("2025-06-01T12:00:00Z");

function withStatus(status: Record<string, unknown>, spec: Record<string, unknown> = {}): KubeObject {
  const base = pod("p");
  return { ...base, spec: { ...(base.spec as object), ...spec }, status: { ...(base.status as object), ...status } };
}

describe("podSummary", () => {
  test("a running ready pod", () => {
    expect(podSummary(pod("p"), now)).toEqual({ ready: "1/1", status: "Running", restarts: "0" });
  });

  test("CrashLoopBackOff with restarts and the time of the last one", () => {
    const crashing = withStatus({
      containerStatuses: [{ name: "app", ready: false, restartCount: 5, state: { waiting: { reason: "CrashLoopBackOff" } }, lastState: { terminated: { exitCode: 1, reason: "Error", finishedAt: "2025-06-01T11:58:00Z" } } }],
    });
    expect(podSummary(crashing, now)).toEqual({ ready: "0/1", status: "CrashLoopBackOff", restarts: "5 (2m ago)" });
  });

  test("OOMKilled and Completed come from the terminated reason", () => {
    const oom = withStatus({ containerStatuses: [{ name: "app", ready: false, restartCount: 1, state: { terminated: { exitCode: 137, reason: "OOMKilled" } } }] });
    expect(podSummary(oom, now).status).toBe("OOMKilled");
    const done = withStatus({ phase: "Succeeded", containerStatuses: [{ name: "app", ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: "Completed" } } }] });
    expect(podSummary(done, now).status).toBe("Completed");
    const signal = withStatus({ containerStatuses: [{ name: "app", ready: false, restartCount: 0, state: { terminated: { exitCode: 143, signal: 15 } } }] });
    expect(podSummary(signal, now).status).toBe("Signal:15");
  });

  test("Init:x/y while init containers run, Init:reason when one fails", () => {
    const spec = { initContainers: [{ name: "migrate", image: "m" }, { name: "seed", image: "s" }] };
    const running = withStatus({ phase: "Pending", initContainerStatuses: [{ name: "migrate", state: { terminated: { exitCode: 0 } } }, { name: "seed", state: { running: {} } }], containerStatuses: [] }, spec);
    expect(podSummary(running, now).status).toBe("Init:1/2");
    const failing = withStatus({ phase: "Pending", initContainerStatuses: [{ name: "migrate", restartCount: 3, state: { waiting: { reason: "CrashLoopBackOff" } } }] }, spec);
    expect(podSummary(failing, now).status).toBe("Init:CrashLoopBackOff");
  });

  test("Terminating once deleted, unless the phase is terminal", () => {
    expect(podSummary({ ...pod("p"), metadata: { ...pod("p").metadata, deletionTimestamp: "2025-06-01T12:00:30Z" } }, now).status).toBe("Terminating");
    const failed = withStatus({ phase: "Failed", reason: "Evicted", containerStatuses: [] });
    expect(podSummary({ ...failed, metadata: { ...failed.metadata, deletionTimestamp: "2025-06-01T12:00:30Z" } }, now).status).toBe("Evicted");
  });

  test("counts restartable init containers (sidecars) as containers", () => {
    const sidecar = withStatus(
      { initContainerStatuses: [{ name: "proxy", started: true, ready: true, restartCount: 2, state: { running: {} } }], conditions: [{ type: "Ready", status: "True" }, { type: "Initialized", status: "True" }] },
      { initContainers: [{ name: "proxy", image: "envoy", restartPolicy: "Always" }] },
    );
    expect(podSummary(sidecar, now)).toMatchObject({ ready: "2/2", status: "Running", restarts: "2" });
  });
});

describe("podPrinter", () => {
  test("has kubectl's columns, the wide ones with priority 1", () => {
    expect(podPrinter.columns.map((c) => `${c.name}:${c.priority}`)).toEqual([
      "Name:0", "Ready:0", "Status:0", "Restarts:0", "Age:0", "IP:1", "Node:1", "Nominated Node:1", "Readiness Gates:1",
    ]);
  });

  test("fills IP, node and <none> for absent wide cells", () => {
    const cells = podPrinter.cells({ ...pod("web"), metadata: { ...pod("web").metadata, creationTimestamp: "2025-06-01T11:00:00Z" } }, now);
    expect(cells).toEqual(["web", "1/1", "Running", "0", "60m", "10.244.0.9", "node-1", "<none>", "<none>"]);
  });
});
