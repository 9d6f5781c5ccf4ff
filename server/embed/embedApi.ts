import { z } from "zod";
import type { Person } from "../auth/person";
import { audit } from "../audit/audit";
import { ApiError } from "../http/errors";
import { mayManageEmbedTokens } from "./embedAdmin";
import { EmbedScopeError } from "./embedScope";
import { currentSecuritySettings } from "../http/securitySettings";
import { StateSecretError } from "../state/secretStateStore";
import { StateTooLargeError } from "../state/stateStore";
import { EMBED_MAX_TTL_SECONDS, embedTokensFor, type EmbedTokenInfo, type EmbedTokens } from "./embedTokens";
import type { EmbedListing } from "@/lib/wire/embed";

export const createEmbedTokenBody = z.object({
  /** The view the token opens, e.g. "/pods?ns=shop". */
  scope: z.string().min(1).max(512),
  /** Lifetime in seconds, at most 30 days (default 7 days). */
  ttlSeconds: z.number().int().min(60).max(EMBED_MAX_TTL_SECONDS).optional(),
});

export interface EmbedApiDeps {
  tokens: EmbedTokens;
  adminGroup: string | undefined;
  basePath: string;
  dataDir: string;
  /** --frame-ancestors: who may frame an embedded view; the dialog says so before it hands out iframe code. */
  frameAncestors: readonly string[];
}

/** The running server's tokens and settings. */
export function currentEmbedApiDeps(): EmbedApiDeps {
  const settings = currentSecuritySettings();
  return { tokens: embedTokensFor(settings.dataDir), adminGroup: settings.embedAdminGroup, basePath: settings.basePath, dataDir: settings.dataDir, frameAncestors: settings.frameAncestors };
}

const target = (name?: string) => ({ kind: "embedtokens", ...(name ? { name } : {}) });

async function requireManager(deps: EmbedApiDeps, person: Person, action: string, name?: string): Promise<void> {
  if (mayManageEmbedTokens(person, deps.adminGroup)) return;
  if (action !== "embed-token.list") await audit({ person, action, target: target(name), result: "denied" }, deps.dataDir);
  throw ApiError.forbidden(
    deps.adminGroup
      ? `managing embed tokens needs membership in the group "${deps.adminGroup}" (--embed-admin-group)`
      : "managing embed tokens is turned off: an operator names the allowed group with --embed-admin-group",
  );
}

export async function listEmbedTokensAs(deps: EmbedApiDeps, person: Person): Promise<EmbedTokenInfo[]> {
  await requireManager(deps, person, "embed-token.list");
  return deps.tokens.list();
}

/** The GET answer: the tokens, and the origins that may frame Orrery now, so the dialog never offers an iframe every browser refuses. */
export async function embedListingAs(deps: EmbedApiDeps, person: Person): Promise<EmbedListing> {
  return { tokens: await listEmbedTokensAs(deps, person), frameAncestors: [...deps.frameAncestors] };
}

/** Creates a token and the relative URL that opens its view; the token is shown once and never stored. */
export async function createEmbedTokenAs(deps: EmbedApiDeps, person: Person, body: unknown): Promise<{ token: string; url: string; info: EmbedTokenInfo }> {
  await requireManager(deps, person, "embed-token.create");
  const input = createEmbedTokenBody.parse(body);
  let created: { token: string; info: EmbedTokenInfo };
  try {
    created = await deps.tokens.create(person, input);
  } catch (error) {
    if (error instanceof EmbedScopeError) throw ApiError.badRequest(error.message);
    throw storeFailure(error);
  }
  await audit({ person, action: "embed-token.create", target: target(created.info.id), result: "success", detail: `scope ${created.info.scope} until ${created.info.expiresAt}` }, deps.dataDir);
  const separator = created.info.scope.includes("?") ? "&" : "?";
  return { ...created, url: `${deps.basePath}${created.info.scope}${separator}embed=${encodeURIComponent(created.token)}` };
}

export async function revokeEmbedTokenAs(deps: EmbedApiDeps, person: Person, id: string): Promise<EmbedTokenInfo> {
  await requireManager(deps, person, "embed-token.revoke", id);
  const revoked = await deps.tokens.revoke(id, person).catch((error: unknown) => Promise.reject(storeFailure(error)));
  if (!revoked) throw ApiError.notFound(`embed token ${JSON.stringify(id)} not found; it may have expired and been removed`);
  await audit({ person, action: "embed-token.revoke", target: target(id), result: "success", detail: `scope ${revoked.scope}` }, deps.dataDir);
  return revoked;
}

// A full or unreachable state Secret is said as it is, not hidden behind a 500.
function storeFailure(error: unknown): unknown {
  if (error instanceof StateTooLargeError || error instanceof StateSecretError) return new ApiError(503, "unavailable", error.message);
  return error;
}
