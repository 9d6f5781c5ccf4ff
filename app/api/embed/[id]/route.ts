import { currentEmbedApiDeps, revokeEmbedTokenAs } from "@/server/embed/embedApi";
import { withRoute } from "@/server/http/withRoute";

export const dynamic = "force-dynamic";

/** Revokes one embed token; views and sockets opened with it stop working. */
export const DELETE = withRoute<{ id: string }>(async (_req, { person, params }) => Response.json(await revokeEmbedTokenAs(currentEmbedApiDeps(), person, params.id)));
