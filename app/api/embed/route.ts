import { createEmbedTokenAs, currentEmbedApiDeps, embedListingAs } from "@/server/embed/embedApi";
import { ApiError } from "@/server/http/errors";
import { withRoute } from "@/server/http/withRoute";

export const dynamic = "force-dynamic";

/** Embed tokens issued so far (never the tokens themselves) and the origins that may frame Orrery, for people allowed to manage them. */
export const GET = withRoute(async (_req, { person }) => Response.json(await embedListingAs(currentEmbedApiDeps(), person)));

/** Issues a read-only token for one view: body `{ scope: "/pods?ns=shop", ttlSeconds?: number }`. */
export const POST = withRoute(async (req, { person }) => {
  const body: unknown = await req.json().catch(() => {
    throw ApiError.badRequest('the body must be JSON like {"scope":"/pods?ns=shop","ttlSeconds":86400}');
  });
  return Response.json(await createEmbedTokenAs(currentEmbedApiDeps(), person, body), { status: 201 });
});
