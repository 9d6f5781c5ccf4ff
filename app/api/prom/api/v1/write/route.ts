import { withRoute } from "@/server/http/withRoute";
import { metricsRuntime } from "@/server/metrics/currentMetrics";
import { receiveRemoteWrite } from "@/server/metrics/api/remoteWrite/receiveWrite";
import { checkWriter } from "@/server/metrics/api/remoteWrite/writerAuth";

export const dynamic = "force-dynamic";

/** Prometheus remote write 1.0 (protobuf + snappy) from agents, for the writers --remote-write-receiver names; off by default. */
export const POST = withRoute(
  async (req, { person }) => {
    const metrics = metricsRuntime();
    checkWriter(metrics.writer, person, req.headers.get("authorization"));
    return receiveRemoteWrite(req, metrics.storage, metrics.receiveLimits);
  },
  // Machine to machine: the writer rule authenticates, and the protobuf content type keeps cross-site forms out.
  { public: true, post: "machine", rawBody: true },
);
