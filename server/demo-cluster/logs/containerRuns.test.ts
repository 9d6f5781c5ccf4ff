import { describe, expect, test } from "vitest";
import { finishedVersionOf, resolveContainerName, resolveLogRun } from "./containerRuns";
import { toPodView } from "./podView";
import { makePod, runningStatus, terminated } from "./testing/podFixtures";

const t0 = Date.parse("2025-03-01T10:00:00Z");
const twoContainers = () => toPodView(makePod({
  name: "web-7d9",
  containers: [{ name: "app", image: "shop/web:1" }, { name: "proxy", image: "envoyproxy/envoy:v1.30" }],
  initContainers: [{ name: "migrate", image: "shop/migrate:1" }],
  statuses: [runningStatus("app", t0), { name: "proxy", state: { waiting: { reason: "ContainerCreating" } }, restartCount: 0 }],
  initStatuses: [{ name: "migrate", state: terminated("Completed", 0, t0 - 60_000, t0 - 5_000), restartCount: 0 }],
}));

describe("resolveContainerName", () => {
  test("needs a name when the pod has several containers, listing init containers first", () => {
    expect(() => resolveContainerName(twoContainers(), undefined)).toThrowError("a container name must be specified for pod web-7d9, choose one of: [migrate app proxy]");
  });

  test("rejects a container the pod does not have", () => {
    expect(() => resolveContainerName(twoContainers(), "db")).toThrowError(expect.objectContaining({ code: 400, message: "container db is not valid for pod web-7d9" }));
  });

  test("takes the only container when none is named", () => {
    const pod = toPodView(makePod({ name: "solo", containers: [{ name: "main" }], statuses: [runningStatus("main", t0)] }));
    expect(resolveContainerName(pod, undefined)).toBe("main");
  });
});

describe("resolveLogRun", () => {
  test("reads the running run from state.running.startedAt", () => {
    const run = resolveLogRun(twoContainers(), "app", false);
    expect(run).toMatchObject({ startMs: t0, outcome: "running", image: "shop/web:1" });
    expect(run.endMs).toBeUndefined();
  });

  test("reads an init container's finished run by name", () => {
    const run = resolveLogRun(twoContainers(), "migrate", false);
    expect(run).toMatchObject({ startMs: t0 - 60_000, endMs: t0 - 5_000, outcome: "completed" });
  });

  test("says a waiting container has no log yet, with the kubelet's words", () => {
    expect(() => resolveLogRun(twoContainers(), "proxy", false)).toThrowError('container "proxy" in pod "web-7d9" is waiting to start: ContainerCreating');
  });

  test("a crash-looping container shows its last terminated run, and previous needs one", () => {
    const pod = toPodView(makePod({
      name: "api", containers: [{ name: "api", image: "shop/api:2" }],
      statuses: [{ name: "api", state: { waiting: { reason: "CrashLoopBackOff" } }, lastState: terminated("Error", 2, t0, t0 + 9_000), restartCount: 4 }],
    }));
    expect(resolveLogRun(pod, "api", false)).toMatchObject({ outcome: "crashed", exitCode: 2, endMs: t0 + 9_000 });
    expect(resolveLogRun(pod, "api", true)).toMatchObject({ outcome: "crashed", startMs: t0 });
    expect(() => resolveLogRun(twoContainers(), "app", true)).toThrowError('previous terminated container "app" in pod "web-7d9" not found');
  });

  test("a run after an OOM kill is marked as leaking memory", () => {
    const pod = toPodView(makePod({
      name: "cache", containers: [{ name: "c", image: "redis:7" }],
      statuses: [runningStatus("c", t0 + 10_000, 1, terminated("OOMKilled", 137, t0 - 50_000, t0))],
    }));
    expect(resolveLogRun(pod, "c", false).oomProne).toBe(true);
    expect(resolveLogRun(pod, "c", true)).toMatchObject({ outcome: "oomKilled", oomProne: true });
  });

  test("a run is the same run (same seed) whether read while running or after it ended", () => {
    const running = resolveLogRun(toPodView(makePod({ name: "p", containers: [{ name: "c" }], statuses: [runningStatus("c", t0)] })), "c", false);
    const after = toPodView(makePod({ name: "p", containers: [{ name: "c" }], statuses: [runningStatus("c", t0 + 70_000, 1, terminated("Error", 1, t0, t0 + 60_000))] }));
    expect(resolveLogRun(after, "c", true).seed).toBe(running.seed);
  });
});

describe("finishedVersionOf", () => {
  const runningPod = makePod({ name: "p", containers: [{ name: "c" }], statuses: [runningStatus("c", t0)] });
  const run = resolveLogRun(toPodView(runningPod), "c", false);

  test("is undefined while the run is still running", () => {
    expect(finishedVersionOf(toPodView(runningPod), run, t0 + 5_000)).toBeUndefined();
  });

  test("finds the run in lastState after a restart", () => {
    const restarted = makePod({ name: "p", containers: [{ name: "c" }], statuses: [runningStatus("c", t0 + 40_000, 1, terminated("OOMKilled", 137, t0, t0 + 30_000))] });
    expect(finishedVersionOf(toPodView(restarted), run, t0 + 41_000)).toMatchObject({ endMs: t0 + 30_000, outcome: "oomKilled", seed: run.seed });
  });

  test("finds the run in state.terminated when the container stops", () => {
    const stopped = makePod({ name: "p", containers: [{ name: "c" }], statuses: [{ name: "c", state: terminated("Completed", 0, t0, t0 + 20_000), restartCount: 0 }] });
    expect(finishedVersionOf(toPodView(stopped), run, t0 + 21_000)).toMatchObject({ endMs: t0 + 20_000, outcome: "completed" });
  });
});
