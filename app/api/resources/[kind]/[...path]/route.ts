import { accessFor } from "@/server/access/accessFor";
import { withRoute } from "@/server/http/withRoute";
import { getRuntime } from "@/server/runtime";
import { lookupDetailsFor } from "./details";

export const dynamic = "force-dynamic";

/** Details of one cached object: the object, its YAML, owner chain, recent events and related objects (endpoints, pods, usage). */
export const GET = withRoute<{ kind: string; path: string[] }>(async (_request, { params, person }) => {
  const { kind, path } = params;
  // Only what the person may get; anything else is a 404 like a missing object (see lookupDetailsFor). withRoute adds no-store.
  const { cache, usage } = getRuntime();
  const status = usage.status();
  return Response.json(await lookupDetailsFor(accessFor(person), cache, kind, path, { lookup: usage.lookup(), unavailable: status.state === "unavailable" ? status.reason : undefined }));
});
