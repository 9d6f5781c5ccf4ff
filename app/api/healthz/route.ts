import { healthReport } from "@/server/http/healthReport";
import { withRoute } from "@/server/http/withRoute";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

// Probes read this without login: whether the cache has synced and what ails the metrics store (file names and
// error codes, never series data), nothing about the cluster.
export const GET = withRoute(
  () => {
    const runtime = getRuntime();
    const statuses = runtime.cache.statuses();
    const synced = statuses.length > 0 && statuses.every((s) => s.state === "live" || s.state === "stale");
    const report = healthReport(synced, runtime.metrics.health().problems);
    return Response.json(report.body, { status: report.status });
  },
  { public: true },
);
