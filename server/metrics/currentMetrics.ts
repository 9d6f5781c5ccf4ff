import { getRuntime } from "../runtime";
import type { MetricsRuntime } from "./metricsRuntime";

/** The running metrics engine: the store, the engine and the Prometheus API's settings of this process. */
export function metricsRuntime(): MetricsRuntime {
  return getRuntime().metrics;
}
