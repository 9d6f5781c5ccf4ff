import { accessFor } from "@/server/access/accessFor";
import { clusterIdentityOf } from "@/server/auth/whoAmI";
import { currentSecuritySettings } from "@/server/http/securitySettings";
import { withRoute } from "@/server/http/withRoute";
import { connectionFor } from "@/server/kube/asPerson";
import { getRuntime } from "@/server/runtime";
import { answerMe, parseKinds } from "./me";

export const dynamic = "force-dynamic";

/** Who Orrery asks the cluster as for this person, whether they may make embed links, and (?kinds=pods,nodes) where they may list. */
export const GET = withRoute(async (req, { person }) => {
  const kinds = parseKinds(new URL(req.url).searchParams.get("kinds"));
  const answer = await answerMe(person, {
    access: accessFor(person),
    identity: () => clusterIdentityOf(person, () => connectionFor(getRuntime().connection, person)),
    embedAdminGroup: currentSecuritySettings().embedAdminGroup,
  }, kinds);
  return Response.json(answer);
});
