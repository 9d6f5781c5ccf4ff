import { accessFor } from "@/server/access/accessFor";
import { withRoute } from "@/server/http/withRoute";
import { getRuntime } from "@/server/runtime";
import { lookupDetailsFor } from "./details";

export const dynamic = "force-dynamic";

/** Details of one cached object: the object, its YAML, owner chain and recent events. */
export const GET = withRoute<{ kind: string; path: string[] }>(async (_request, { params, person }) => {
  const { kind, path } = params;
  // Only what the person may get; anything else is a 404 like a missing object (see lookupDetailsFor). withRoute adds no-store.
  return Response.json(await lookupDetailsFor(accessFor(person), getRuntime().cache, kind, path));
});
