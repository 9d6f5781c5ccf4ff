import type { Config } from "./config";
import type { ClusterConnection } from "./kube/connect";
import type { ClusterCache } from "./kube/cache";
import type { UsagePoller } from "./kube/usage/usagePoller";
import type { MetricsRuntime } from "./metrics/metricsRuntime";

/** The process-wide singletons, shared by the custom server and the modules inside Next's bundle. */
export interface Runtime {
  config: Config;
  connection: ClusterConnection;
  cache: ClusterCache;
  /** CPU and memory of pods and nodes from metrics.k8s.io, polled with Orrery's own identity. */
  usage: UsagePoller;
  /** The metrics store, PromQL engine and the Prometheus API's settings. */
  metrics: MetricsRuntime;
}

const key = Symbol.for("orrery.runtime");
type Holder = { [key]?: Runtime };

export function setRuntime(runtime: Runtime): void {
  (globalThis as Holder)[key] = runtime;
}

/** The running Orrery's cache and connection; throws when called before start-up finished. */
export function getRuntime(): Runtime {
  const runtime = (globalThis as Holder)[key];
  if (!runtime) throw new Error("Orrery runtime is not initialised: the custom server (server/main.ts) must start first");
  return runtime;
}
