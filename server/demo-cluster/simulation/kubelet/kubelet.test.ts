import { describe, expect, test } from "vitest";
import type { Pod } from "../objects/types";
import { startHarness } from "../testHarness";

const mainStatus = (pod: Pod | undefined) => pod?.status?.containerStatuses?.[0];

describe("kubelet", () => {
  test("a new pod goes Pending → ContainerCreating → Running → Ready with honest statuses", () => {
    const h = startHarness();
    h.store.create("pods", { apiVersion: "v1", kind: "Pod", metadata: { name: "web", namespace: "default" }, spec: { containers: [{ name: "nginx", image: "nginx:1.27", readinessProbe: { httpGet: { path: "/", port: 80 }, initialDelaySeconds: 2, periodSeconds: 2 } }] }, status: { phase: "Pending" } });
    h.sim.settle();
    const get = () => h.store.get("pods", "default", "web") as Pod;
    expect(get().spec.nodeName).toMatch(/^node-[23]$/);
    h.advanceUntil(() => mainStatus(get())?.state.waiting?.reason === "ContainerCreating", 5_000, 200);
    expect(get().status?.phase).toBe("Pending");
    h.advanceUntil(() => get().status?.phase === "Running", 5_000, 200);
    const running = mainStatus(get())!;
    expect(running).toMatchObject({ ready: false, started: true, restartCount: 0, image: "docker.io/library/nginx:1.27" });
    expect(running.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(running.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(get().status?.podIP).toMatch(/^10\.244\.\d+\.\d+$/);
    h.advanceUntil(() => get().status?.conditions?.find((c) => c.type === "Ready")?.status === "True", 10_000, 200);
    expect(get().status?.conditions?.map((c) => c.type)).toEqual(["PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled"]);
    const reasons = h.store.list("events", "default").filter((e) => (e.involvedObject as { name: string }).name === "web").map((e) => e.reason);
    expect(reasons).toEqual(expect.arrayContaining(["Scheduled", "Pulling", "Pulled", "Created", "Started"]));
  });

  test("the crash-looping checkout pod restarts with growing back-off and shows CrashLoopBackOff", () => {
    const h = startHarness();
    const pod = () => h.podsOf("shop", "checkout-")[0];
    const startRestarts = mainStatus(pod())!.restartCount;
    expect(startRestarts).toBeGreaterThan(3);
    expect(mainStatus(pod())!.state.waiting?.reason).toBe("CrashLoopBackOff");
    expect(mainStatus(pod())!.lastState.terminated).toMatchObject({ exitCode: 1, reason: "Error" });
    h.advanceUntil(() => mainStatus(pod())!.restartCount > startRestarts, 6 * 60_000, 2_000);
    expect(mainStatus(pod())!.state.running).toBeDefined();
    h.advanceUntil(() => mainStatus(pod())!.state.waiting?.reason === "CrashLoopBackOff", 60_000, 1_000);
    expect(mainStatus(pod())!.state.waiting?.message).toMatch(/^back-off 5m0s restarting failed container=server pod=checkout-\w+-\w+_shop\([0-9a-f-]{36}\)$/);
    expect(pod()!.status?.phase).toBe("Running");
    const backOff = h.store.list("events", "shop").find((e) => e.reason === "BackOff");
    expect(backOff).toMatchObject({ type: "Warning", source: { component: "kubelet" } });
  });

  test("a fresh crash-looping pod restarts at once, then backs off 10s, 20s, 40s", () => {
    const h = startHarness();
    h.store.create("pods", { apiVersion: "v1", kind: "Pod", metadata: { name: "crashy", namespace: "default", annotations: { "sim.orrery.dev/behavior": "crashloop" } }, spec: { containers: [{ name: "app", image: "busybox:1.36" }] }, status: { phase: "Pending" } });
    const get = () => h.store.get("pods", "default", "crashy") as Pod;
    /** Seconds from each crash to the restart that followed it. */
    const delays = new Map<number, number>();
    h.advanceUntil(() => {
      const status = mainStatus(get());
      const finished = status?.lastState.terminated?.finishedAt;
      if (status?.state.running && finished) delays.set(status.restartCount, (Date.parse(status.state.running.startedAt) - Date.parse(finished)) / 1000);
      return delays.size >= 4;
    }, 5 * 60_000, 250);
    expect(delays.get(1)).toBeLessThanOrEqual(3);
    expect(delays.get(2)).toBe(10);
    expect(delays.get(3)).toBe(20);
    expect(delays.get(4)).toBe(40);
    expect(get().status?.phase).toBe("Running");
  });

  test("the leaky pod is OOM-killed with exit code 137 and restarts", () => {
    const h = startHarness();
    const pod = () => h.podsOf("shop", "leaky-")[0];
    const before = mainStatus(pod())!.restartCount;
    h.advanceUntil(() => mainStatus(pod())!.restartCount > before, 6 * 60_000, 2_000);
    h.advanceUntil(() => mainStatus(pod())!.state.terminated?.reason === "OOMKilled" || mainStatus(pod())!.state.waiting?.reason === "CrashLoopBackOff", 4 * 60_000, 1_000);
    const terminated = mainStatus(pod())!.state.terminated ?? mainStatus(pod())!.lastState.terminated;
    expect(terminated).toMatchObject({ exitCode: 137, reason: "OOMKilled" });
    const oom = h.store.list("events").filter((e) => e.reason === "OOMKilling");
    expect(oom.length).toBeGreaterThan(0);
    expect(oom[0]).toMatchObject({ type: "Warning", involvedObject: { kind: "Node" } });
  });

  test("a run-once pod (kubectl run --restart=Never -- sleep 10) finishes Succeeded after its sleep", () => {
    const h = startHarness();
    h.store.create("pods", { apiVersion: "v1", kind: "Pod", metadata: { name: "tmp", namespace: "default" }, spec: { restartPolicy: "Never", containers: [{ name: "tmp", image: "busybox:1.36", args: ["sleep", "10"] }] }, status: { phase: "Pending" } });
    const get = () => h.store.get("pods", "default", "tmp") as Pod;
    h.advanceUntil(() => get().status?.phase === "Running", 10_000, 500);
    const startedAt = Date.parse(mainStatus(get())!.state.running!.startedAt);
    h.advanceUntil(() => get().status?.phase === "Succeeded", 30_000, 500);
    const terminated = mainStatus(get())!.state.terminated!;
    expect(terminated).toMatchObject({ exitCode: 0, reason: "Completed" });
    expect(Date.parse(terminated.finishedAt) - startedAt).toBeGreaterThanOrEqual(10_000);
    expect(Date.parse(terminated.finishedAt) - startedAt).toBeLessThanOrEqual(11_000);
    expect(get().status?.conditions?.find((c) => c.type === "Ready")).toMatchObject({ status: "False", reason: "PodCompleted" });
  });

  test("a pod deleted through the API is left for the API to remove, with Killing events", () => {
    const h = startHarness();
    const victim = h.podsOf("shop", "frontend-")[0]!;
    h.store.mutate("pods", "shop", victim.metadata.name, (p) => {
      p.metadata.deletionTimestamp = new Date(h.clock.now() + 30_000).toISOString();
    });
    h.advance(60_000);
    expect(h.store.get("pods", "shop", victim.metadata.name)).toBeDefined();
    expect(h.store.list("events", "shop").some((e) => e.reason === "Killing" && (e.involvedObject as { name: string }).name === victim.metadata.name)).toBe(true);
  });
});
