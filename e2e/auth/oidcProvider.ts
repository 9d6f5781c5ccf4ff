// A real OpenID provider (the oidc-provider package) on 127.0.0.1 for the login end-to-end tests.
// Run: tsx e2e/auth/oidcProvider.ts --redirect-uri <uri> --post-logout-uri <uri> [--access-ttl 20]
// Prints one JSON line {"issuer": ...} when ready. GET /__test/stats answers what happened at the provider.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import { exportJWK, generateKeyPair } from "jose";
import Provider, { type OidcContext } from "oidc-provider";

/** The provider's people: the login name typed on its sign-in page is the account id. */
export const oidcUsers: Record<string, { email: string; name: string; groups: string[]; emailVerified?: boolean }> = {
  alice: { email: "alice@example.test", name: "Alice Admin", groups: ["orrery:admins", "team-a"] },
  dev: { email: "dev@example.test", name: "Dev Eloper", groups: ["team-shop"] },
  // Identities an attacker could get a careless provider to issue: Orrery must log neither in.
  mallory: { email: "mallory@example.test", name: "Mallory", groups: ["team-a", "system:masters"] },
  unverified: { email: "alice@example.test", name: "Not Alice", groups: ["orrery:admins"], emailVerified: false },
};

export const oidcClient = { id: "orrery-e2e", secret: "orrery-e2e-client-secret" };

interface Stats {
  grants: Record<string, number>;
  endSessions: number;
  sessionsDestroyed: number;
}

function readOptions() {
  const { values } = parseArgs({
    options: {
      "redirect-uri": { type: "string" },
      "post-logout-uri": { type: "string" },
      "access-ttl": { type: "string", default: "20" },
    },
  });
  if (!values["redirect-uri"] || !values["post-logout-uri"]) throw new Error("--redirect-uri and --post-logout-uri are required");
  return { redirectUri: values["redirect-uri"], postLogoutUri: values["post-logout-uri"], accessTtl: Number(values["access-ttl"]) };
}

async function configuration(options: ReturnType<typeof readOptions>) {
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  return {
    clients: [
      {
        client_id: oidcClient.id,
        client_secret: oidcClient.secret,
        redirect_uris: [options.redirectUri],
        post_logout_redirect_uris: [options.postLogoutUri],
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    async findAccount(_ctx: unknown, id: string) {
      const user = oidcUsers[id];
      if (!user) return undefined;
      return { accountId: id, claims: () => ({ sub: id, email: user.email, email_verified: user.emailVerified ?? true, name: user.name, groups: user.groups }) };
    },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    scopes: ["openid", "offline_access", "profile", "email", "groups"],
    // Claims go into the ID token, as Dex and Keycloak put groups there.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    issueRefreshToken: async (_ctx: unknown, client: { grantTypeAllowed(type: string): boolean }) => client.grantTypeAllowed("refresh_token"),
    ttl: { AccessToken: options.accessTtl, IdToken: options.accessTtl, AuthorizationCode: 60, RefreshToken: 3600, Session: 3600, Grant: 3600, Interaction: 600 },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    jwks: { keys: [{ ...(await exportJWK(privateKey)), kid: "e2e", alg: "RS256", use: "sig" }] },
    cookies: { keys: ["orrery-e2e-cookie-key"] },
  };
}

async function main(): Promise<void> {
  const options = readOptions();
  const stats: Stats = { grants: {}, endSessions: 0, sessionsDestroyed: 0 };
  const handlers: { provider?: (req: IncomingMessage, res: ServerResponse) => void } = {};
  const server = createServer((req, res) => {
    if (req.url === "/__test/stats") return void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(stats));
    handlers.provider!(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, await configuration(options));
  provider.on("grant.success", (ctx: OidcContext) => {
    const type = String(ctx.oidc.params?.grant_type ?? "unknown");
    stats.grants[type] = (stats.grants[type] ?? 0) + 1;
  });
  provider.on("end_session.success", () => void (stats.endSessions += 1));
  provider.on("session.destroyed", () => void (stats.sessionsDestroyed += 1));
  handlers.provider = provider.callback();
  process.stdout.write(`${JSON.stringify({ issuer })}\n`);
  const stop = () => server.close(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

void main().catch((error: unknown) => {
  process.stderr.write(`oidc provider failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
