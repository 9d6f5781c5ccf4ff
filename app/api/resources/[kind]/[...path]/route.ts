import { getRuntime } from "@/server/runtime";
import { lookupDetails } from "./details";

export const dynamic = "force-dynamic";

/** Details of one cached object: the object, its YAML, owner chain and recent events. */
export async function GET(_request: Request, context: { params: Promise<{ kind: string; path: string[] }> }): Promise<Response> {
  const { kind, path } = await context.params;
  const answer = lookupDetails(getRuntime().cache, kind, path);
  return Response.json(answer.body, { status: answer.status, headers: { "Cache-Control": "no-store" } });
}
