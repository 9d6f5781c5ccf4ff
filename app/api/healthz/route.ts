import { withRoute } from "@/server/http/withRoute";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

// Probes read this without login, so it says only whether the cache has synced, nothing about the cluster.
export const GET = withRoute(
  () => {
    const statuses = getRuntime().cache.statuses();
    const synced = statuses.length > 0 && statuses.every((s) => s.state === "live" || s.state === "stale");
    return Response.json({ status: synced ? "ok" : "syncing" }, { status: synced ? 200 : 503 });
  },
  { public: true },
);
