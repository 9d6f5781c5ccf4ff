import { describe, expect, test } from "vitest";
import { ObjectStore } from "../store";
import { ManualClock } from "./clock";
import type { Pod } from "./objects/types";
import { startSimulation } from "./startSimulation";

describe("scale", () => {
  test("seeds 1,000 nodes and about 10,000 pods, all placed, with a modest write rate", () => {
    const store = new ObjectStore();
    const clock = new ManualClock();
    const sim = startSimulation(store, { nodes: 1000, pods: 10_000, autoRun: false, clock });
    const pods = store.list("pods") as Pod[];
    expect(store.list("nodes")).toHaveLength(1000);
    expect(Math.abs(pods.length - 10_000)).toBeLessThanOrEqual(500);
    expect(pods.filter((p) => !p.spec.nodeName).length).toBeLessThan(50);
    expect(store.list("namespaces").length).toBeGreaterThan(30);
    const before = store.resourceVersion;
    for (let i = 0; i < 120; i++) {
      clock.advance(1_000);
      sim.tick();
    }
    // Tens of writes per second at most, not thousands.
    expect((store.resourceVersion - before) / 120).toBeLessThan(50);
    sim.stop();
  }, 120_000);
});
