import type { KubeObject } from "@/server/kube/types";
import { ObjectStore } from "../store";
import { ManualClock } from "./clock";
import type { Pod } from "./objects/types";
import { startSimulation, type Simulation, type SimulationOptions } from "./startSimulation";

/** A demo cluster on a manual clock, for tests: time moves only through advance(). */
export interface Harness {
  store: ObjectStore;
  clock: ManualClock;
  sim: Simulation;
  /** Moves time forward in steps, ticking the controllers at each one. */
  advance(ms: number, stepMs?: number): void;
  /** Advances until `check` holds (or fails after `maxMs` of simulated time). */
  advanceUntil(check: () => boolean, maxMs: number, stepMs?: number): number;
  podsOf(namespace: string, prefix: string): Pod[];
}

export function startHarness(options: SimulationOptions = {}): Harness {
  const store = new ObjectStore();
  const clock = new ManualClock();
  const sim = startSimulation(store, { autoRun: false, clock, ...options });
  const advance = (ms: number, stepMs = 1000) => {
    for (let elapsed = 0; elapsed < ms; elapsed += stepMs) {
      clock.advance(Math.min(stepMs, ms - elapsed));
      sim.tick();
    }
  };
  const advanceUntil = (check: () => boolean, maxMs: number, stepMs = 1000) => {
    for (let elapsed = 0; elapsed <= maxMs; elapsed += stepMs) {
      if (check()) return elapsed;
      advance(stepMs, stepMs);
    }
    throw new Error(`condition not reached within ${maxMs} ms of simulated time`);
  };
  const podsOf = (namespace: string, prefix: string) => store.list("pods", namespace).filter((p: KubeObject) => p.metadata.name.startsWith(prefix)) as Pod[];
  return { store, clock, sim, advance, advanceUntil, podsOf };
}
