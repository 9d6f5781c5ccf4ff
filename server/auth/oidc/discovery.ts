import { z } from "zod";

/** The parts of an OpenID provider's metadata Orrery uses. */
export const discoverySchema = z.object({
  issuer: z.string(),
  authorization_endpoint: z.string(),
  token_endpoint: z.string(),
  jwks_uri: z.string(),
  userinfo_endpoint: z.string().optional(),
  end_session_endpoint: z.string().optional(),
});

export type ProviderMetadata = z.infer<typeof discoverySchema>;

const cacheMs = 5 * 60_000;
const cache = new Map<string, { metadata: ProviderMetadata; until: number }>();

export function wellKnownUrl(issuer: string): string {
  return `${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`;
}

/** The provider's discovery document, cached for a few minutes; the issuer in it must be the configured one. */
export async function discoverProvider(issuer: string, now: () => number = Date.now): Promise<ProviderMetadata> {
  const hit = cache.get(issuer);
  if (hit && hit.until > now()) return hit.metadata;
  const response = await fetch(wellKnownUrl(issuer), { headers: { accept: "application/json" }, signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`OpenID discovery at ${wellKnownUrl(issuer)} answered ${response.status}`);
  const metadata = discoverySchema.parse(await response.json());
  if (metadata.issuer.replace(/\/+$/, "") !== issuer.replace(/\/+$/, "")) throw new Error(`OpenID discovery names issuer ${metadata.issuer}, not ${issuer}`);
  cache.set(issuer, { metadata, until: now() + cacheMs });
  return metadata;
}
