import { describe, expect, test } from "vitest";
import { ObjectStore } from "../store";
import type { Pod } from "./objects/types";
import { startSimulation } from "./startSimulation";

describe("startSimulation", () => {
  test("seeds synchronously with defaults and runs on its own timer until stopped", async () => {
    const store = new ObjectStore();
    const sim = startSimulation(store, { tickMs: 50 });
    expect(store.list("nodes")).toHaveLength(3);
    expect(store.list("pods").length).toBeGreaterThan(30);
    store.create("pods", { apiVersion: "v1", kind: "Pod", metadata: { name: "live", namespace: "default" }, spec: { containers: [{ name: "c", image: "busybox:1.36" }] }, status: { phase: "Pending" } });
    const deadline = Date.now() + 10_000;
    while ((store.get("pods", "default", "live") as Pod).status?.phase !== "Running") {
      if (Date.now() > deadline) throw new Error("the pod never started");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    sim.stop();
    const rv = store.resourceVersion;
    store.create("pods", { apiVersion: "v1", kind: "Pod", metadata: { name: "after-stop", namespace: "default" }, spec: { containers: [{ name: "c", image: "busybox:1.36" }] }, status: { phase: "Pending" } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(store.resourceVersion).toBe(rv + 1);
    expect((store.get("pods", "default", "after-stop") as Pod).spec.nodeName).toBeUndefined();
  });
});
