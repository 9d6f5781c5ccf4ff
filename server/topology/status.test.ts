import { describe, expect, test } from "vitest";
import { containerTopologyStatus, nodeTopologyStatus, podTopologyStatus, worstStatus } from "./status";
import { host, pod } from "./testing/fixtures";

describe("pod status", () => {
  test("maps kubectl's status to the map's", () => {
    expect(podTopologyStatus(pod("a", "x"))).toBe("running");
    expect(podTopologyStatus(pod("a", "x", { ready: false }))).toBe("notready");
    expect(podTopologyStatus(pod("a", "x", { waiting: "CrashLoopBackOff", restarts: 4 }))).toBe("crashlooping");
    expect(podTopologyStatus(pod("a", "x", { waiting: "ContainerCreating", phase: "Pending" }))).toBe("pending");
    expect(podTopologyStatus(pod("a", "x", { waiting: "ImagePullBackOff", phase: "Pending" }))).toBe("failed");
    expect(podTopologyStatus(pod("a", "x", { deleting: true }))).toBe("terminating");
    expect(podTopologyStatus({ ...pod("a", "x"), status: { phase: "Succeeded" } })).toBe("succeeded");
    expect(podTopologyStatus({ ...pod("a", "x"), status: { phase: "Failed" } })).toBe("failed");
  });

  test("a container's status comes from its state", () => {
    const crashing = pod("a", "x", { waiting: "CrashLoopBackOff" });
    expect(containerTopologyStatus(crashing, crashing.status!.containerStatuses![0])).toBe("crashlooping");
    expect(containerTopologyStatus(pod("a", "x"), { name: "app", ready: true, state: { terminated: { exitCode: 137 } } })).toBe("failed");
    expect(containerTopologyStatus(pod("a", "x"), { name: "app", ready: true, state: { terminated: { exitCode: 0 } } })).toBe("succeeded");
  });
});

describe("host status and worst", () => {
  test("NotReady and cordoned hosts are not ready", () => {
    expect(nodeTopologyStatus(host("n1"))).toBe("running");
    expect(nodeTopologyStatus(host("n1", { ready: false }))).toBe("notready");
    expect(nodeTopologyStatus(host("n1", { cordoned: true }))).toBe("notready");
  });

  test("the worst status wins, with a fallback for none", () => {
    expect(worstStatus(["running", "pending", "succeeded"])).toBe("pending");
    expect(worstStatus(["running", "crashlooping", "failed"])).toBe("failed");
    expect(worstStatus([], "running")).toBe("running");
  });
});
