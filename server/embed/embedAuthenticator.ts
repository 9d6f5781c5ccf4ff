import type { Person } from "../auth/person";
import { headerOf, targetOf, type AnyRequest } from "../http/requestHeaders";
import { EMBED_TOKEN_TYPE, verifyEmbedToken } from "./embedTokens";

/** The embed token a request carries: `?embed=<token>`, or `Authorization: Bearer <token>` when that bearer is an embed token. */
export function embedTokenOf(req: AnyRequest): string | undefined {
  const target = targetOf(req);
  const query = target.indexOf("?");
  if (query >= 0) {
    const fromQuery = new URLSearchParams(target.slice(query + 1)).get("embed");
    if (fromQuery) return fromQuery;
  }
  const bearer = /^Bearer\s+([A-Za-z0-9._-]+)$/.exec(headerOf(req, "authorization") ?? "")?.[1];
  return bearer && isEmbedTokenShaped(bearer) ? bearer : undefined;
}

// Other bearer tokens (an OIDC token, say) are not ours to refuse: only a JWT typed as an embed token is.
function isEmbedTokenShaped(token: string): boolean {
  const header = token.split(".")[0] ?? "";
  try {
    const parsed = JSON.parse(Buffer.from(header, "base64url").toString("utf8")) as { typ?: unknown };
    return parsed.typ === EMBED_TOKEN_TYPE;
  } catch {
    return false;
  }
}

/**
 * For the login code's `addRequestAuthenticator`: undefined when the request carries no embed token,
 * the read-only Person when its token is valid for this path, and null (refused outright) otherwise.
 */
export async function authenticateEmbedToken(req: AnyRequest, verify = verifyEmbedToken, loginIsOff = false): Promise<Person | null | undefined> {
  const token = embedTokenOf(req);
  if (token === undefined) return undefined;
  const person = await verify(token, targetOf(req));
  // A token the local person made while login was off would act with the kubeconfig's identity: not once login is on.
  if (person?.madeByLocal && !loginIsOff) return null;
  return person;
}
