import { withRoute } from "@/server/http/withRoute";
import { metricsRuntime } from "@/server/metrics/currentMetrics";
import { handlePromApi } from "@/server/metrics/api/promApi";
import { promRequesterFor } from "@/server/metrics/api/promRequester";

export const dynamic = "force-dynamic";

/**
 * Prometheus's HTTP API (query, query_range, series, labels, label/<name>/values, metadata, format_query,
 * status/buildinfo) over Orrery's store, for Grafana and promtool; a POSTed query form changes nothing.
 */
const handle = withRoute<{ endpoint: string[] }>(
  async (req, { person, params }) => {
    const metrics = metricsRuntime();
    return handlePromApi(metrics.api, metrics.concurrency, req, params.endpoint, promRequesterFor(person));
  },
  { post: "read", maxBodyBytes: () => metricsRuntime().queryMaxBodyBytes },
);

export const GET = handle;
export const POST = handle;
