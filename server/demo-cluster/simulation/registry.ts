import type { ObjectStore } from "../store";
import { systemClock, type Clock } from "./clock";

/** What the metrics routes need to know about the simulation running on a store. */
export interface SimulationInfo {
  seed: number;
  clock: Clock;
}

const running = new WeakMap<ObjectStore, SimulationInfo>();

export function registerSimulation(store: ObjectStore, info: SimulationInfo): void {
  running.set(store, info);
}

export function unregisterSimulation(store: ObjectStore): void {
  running.delete(store);
}

/** The seed and clock of the simulation on this store; without one, seed 0 and the system clock. */
export function simulationInfo(store: ObjectStore): SimulationInfo {
  return running.get(store) ?? { seed: 0, clock: systemClock };
}
