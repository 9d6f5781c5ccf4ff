import { ApiError } from "../http/errors";
import { getRuntime } from "../runtime";
import type { MetricsRuntime } from "./metricsRuntime";

/** The running metrics engine; a 503 while it is not started (the store opens before Orrery serves). */
export function metricsRuntime(): MetricsRuntime {
  const metrics = getRuntime().metrics;
  if (!metrics) throw new ApiError(503, "unavailable", "the metrics engine is not running; see the server log");
  return metrics;
}
