import { createEngine } from "@/server/metrics/promql/engine/createEngine";
import { createMemoryStorage } from "@/server/metrics/tsdb";
import type { Backend } from "./runScript";

/** Orrery's in-memory store and its engine with the experimental syntax the scripts use (as Prometheus's test engine enables it). */
export const backend: Backend = {
  newStorage: () => createMemoryStorage(),
  newEngine: (storage) => createEngine(storage, { enableExperimental: true }),
};
