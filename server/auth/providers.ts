import CredentialsProvider from "next-auth/providers/credentials";
import type { Provider } from "next-auth/providers/index";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { Profile } from "next-auth";
import type { AuthServices } from "./authState";
import { clientAddress } from "./clientAddress";
import { judgeClaims } from "./oidc/claims";
import { wellKnownUrl } from "./oidc/discovery";
import type { OidcSettings } from "./settings";
import type { OrreryUser } from "./sessionCallbacks";

export const oidcProviderId = "oidc";
export const credentialsProviderId = "credentials";
/** The error code the login page shows as "too many attempts". */
export const throttledErrorCode = "TooManyAttempts";

function credentialsProvider(services: AuthServices): Provider {
  return CredentialsProvider({
    id: credentialsProviderId,
    name: "Orrery",
    credentials: { username: { label: "User name", type: "text" }, password: { label: "Password", type: "password" } },
    async authorize(credentials, req): Promise<OrreryUser | null> {
      const name = credentials?.username ?? "";
      const password = credentials?.password ?? "";
      if (name === "" || password === "" || name.length > 253 || password.length > 1024) return null;
      const result = await services.guard.attempt(name, password, clientAddress({ headers: req.headers ?? {} }));
      if (result.ok) return { id: result.user.name, name: result.user.name, groups: result.user.groups };
      if (result.reason === "throttled") throw new Error(throttledErrorCode);
      return null;
    },
  });
}

/** The ID token's claims, with userinfo's added when the groups claim is not in the ID token. */
async function claimsWithUserinfo(settings: OidcSettings, context: { tokens: { claims(): Record<string, unknown> }; client: { userinfo(tokens: unknown): Promise<Record<string, unknown>>; issuer: { metadata: { userinfo_endpoint?: string } } } }): Promise<Profile> {
  const claims = context.tokens.claims();
  if (settings.groupsClaim in claims || !context.client.issuer.metadata.userinfo_endpoint) return claims as Profile;
  const userinfo = await context.client.userinfo(context.tokens);
  // The ID token was verified; userinfo only adds what it lacks and must be about the same subject.
  if (userinfo.sub !== claims.sub) return claims as Profile;
  return { ...userinfo, ...claims } as Profile;
}

function oidcProvider(settings: OidcSettings): OAuthConfig<Profile> {
  return {
    id: oidcProviderId,
    name: settings.displayName,
    type: "oauth",
    wellKnown: wellKnownUrl(settings.issuer),
    clientId: settings.clientId,
    clientSecret: settings.clientSecret ?? "",
    client: { token_endpoint_auth_method: settings.clientSecret ? "client_secret_basic" : "none" },
    authorization: { params: { scope: settings.scopes } },
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    userinfo: { request: (context) => claimsWithUserinfo(settings, context as unknown as Parameters<typeof claimsWithUserinfo>[1]) },
    profile(profile) {
      const verdict = judgeClaims(profile as Record<string, unknown>, settings);
      return { id: String(profile.sub), name: verdict.ok ? verdict.identity.name : String(profile.sub) };
    },
  };
}

/** The login providers of the configured mode: Credentials for basic, the OpenID provider for oidc. */
export function providersFor(services: AuthServices): Provider[] {
  const { settings } = services;
  if (settings.mode === "basic") return [credentialsProvider(services)];
  if (settings.mode === "oidc" && settings.oidc) return [oidcProvider(settings.oidc)];
  return [];
}
