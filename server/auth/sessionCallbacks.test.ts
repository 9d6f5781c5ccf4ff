import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from "jose";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { continueSession, createCallbacks, sessionView, SessionEndedError } from "./sessionCallbacks";
import { newSessionClaims, type SessionClaims } from "./sessionClaims";
import { onSessionEnded } from "./sessions";
import { basicSettings, servicesWith, TestClock } from "./testing/fixtures";
import type { OidcSettings } from "./settings";

// A token endpoint that records refresh grants; its answer is set per test.
let server: Server;
let issuer: string;
let privateKey: CryptoKey;
let jwk: Record<string, unknown>;
const grants: URLSearchParams[] = [];
let answer: (body: URLSearchParams) => { status: number; json: unknown } = () => ({ status: 500, json: {} });

beforeAll(async () => {
  const keys = await generateKeyPair("RS256");
  privateKey = keys.privateKey;
  jwk = { ...(await exportJWK(keys.publicKey)), kid: "k1", alg: "RS256", use: "sig" };
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      const send = (status: number, json: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(json));
      if (req.url === "/.well-known/openid-configuration") return send(200, { issuer, authorization_endpoint: `${issuer}/auth`, token_endpoint: `${issuer}/token`, jwks_uri: `${issuer}/jwks` });
      if (req.url === "/jwks") return send(200, { keys: [jwk] });
      const params = new URLSearchParams(body);
      params.set("authorization", req.headers.authorization ?? "");
      grants.push(params);
      const reply = answer(params);
      send(reply.status, reply.json);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const cleanups: (() => void)[] = [];
afterEach(() => {
  grants.length = 0;
  cleanups.splice(0).forEach((cleanup) => cleanup());
});

function idToken(sub: string, claims: Record<string, unknown> = {}): Promise<string> {
  return new SignJWT({ ...claims, sub }).setProtectedHeader({ alg: "RS256", kid: "k1" }).setIssuer(issuer).setAudience("orrery").setIssuedAt().setExpirationTime("5m").sign(privateKey);
}

function oidcSettings(): OidcSettings {
  return { issuer, clientId: "orrery", clientSecret: "s3cret", scopes: "openid", usernameClaim: "email", groupsClaim: "groups", groupPrefix: "", displayName: "idp" };
}

async function setup() {
  const clock = new TestClock(Date.now());
  const settings = basicSettings({ mode: "oidc", oidc: oidcSettings() });
  const services = servicesWith(settings, clock);
  const tokens = { accessToken: "at-1", accessTokenExpiresAt: clock.time + 20_000, refreshAt: clock.time + 15_000, refreshToken: "rt-1", idToken: await idToken("alice") };
  const claims: SessionClaims = newSessionClaims({ name: "alice@example.com", groups: ["team-a"], method: "oidc", oidc: tokens }, clock.time, settings.timeouts);
  return { clock, services, claims };
}

describe("continueSession with OIDC tokens", () => {
  test("does not refresh before the refresh time", async () => {
    const { clock, services, claims } = await setup();
    clock.advance(14_000);
    const next = await continueSession(services, claims, clock.now);
    expect(next.oidc?.accessToken).toBe("at-1");
    expect(grants).toHaveLength(0);
    expect(next.idleExpiresAt).toBe(clock.time + services.settings.timeouts.idleMs);
  });

  test("refreshes with the refresh_token grant and client authentication when due", async () => {
    const { clock, services, claims } = await setup();
    const newIdToken = await idToken("alice");
    answer = () => ({ status: 200, json: { access_token: "at-2", refresh_token: "rt-2", id_token: newIdToken, expires_in: 20, token_type: "Bearer" } });
    clock.advance(15_000);
    const next = await continueSession(services, claims, clock.now);
    expect(grants).toHaveLength(1);
    expect(grants[0]!.get("grant_type")).toBe("refresh_token");
    expect(grants[0]!.get("refresh_token")).toBe("rt-1");
    expect(grants[0]!.get("authorization")).toBe(`Basic ${Buffer.from("orrery:s3cret").toString("base64")}`);
    expect(next.oidc).toMatchObject({ accessToken: "at-2", refreshToken: "rt-2", idToken: newIdToken, accessTokenExpiresAt: clock.time + 20_000 });
    expect(next.sid).toBe(claims.sid);
    expect(next.absoluteExpiresAt).toBe(claims.absoluteExpiresAt);
  });

  test("tabs asking together share one refresh", async () => {
    const { clock, services, claims } = await setup();
    answer = () => ({ status: 200, json: { access_token: "at-3", expires_in: 20 } });
    clock.advance(16_000);
    const results = await Promise.all([continueSession(services, claims, clock.now), continueSession(services, claims, clock.now), continueSession(services, claims, clock.now)]);
    expect(grants).toHaveLength(1);
    expect(results.map((r) => r.oidc?.accessToken)).toEqual(["at-3", "at-3", "at-3"]);
    expect(results[0]!.oidc?.refreshToken).toBe("rt-1");
  });

  test("a refused refresh ends the session: revoked, and listeners told", async () => {
    const { clock, services, claims } = await setup();
    const ended: string[] = [];
    cleanups.push(onSessionEnded((sid) => ended.push(sid)));
    answer = () => ({ status: 400, json: { error: "invalid_grant" } });
    clock.advance(15_000);
    await expect(continueSession(services, claims, clock.now)).rejects.toThrow(SessionEndedError);
    expect(ended).toEqual([claims.sid]);
    expect(services.sessions.isRevoked(claims.sid)).toBe(true);
  });

  test("a refreshed ID token for another subject ends the session", async () => {
    const { clock, services, claims } = await setup();
    const forged = await idToken("mallory");
    answer = () => ({ status: 200, json: { access_token: "at-4", id_token: forged, expires_in: 20 } });
    clock.advance(15_000);
    await expect(continueSession(services, claims, clock.now)).rejects.toThrow(/another subject/);
  });

  test("a refreshed ID token that names system:masters ends the session", async () => {
    const { clock, services, claims } = await setup();
    const escalated = await idToken("alice", { email: "alice@example.com", email_verified: true, groups: ["team-a", "system:masters"] });
    answer = () => ({ status: 200, json: { access_token: "at-5", id_token: escalated, expires_in: 20 } });
    clock.advance(15_000);
    await expect(continueSession(services, claims, clock.now)).rejects.toThrow(/refused: Orrery does not act as the Kubernetes group "system:masters"/);
    expect(services.sessions.isRevoked(claims.sid)).toBe(true);
  });

  test("a revoked session is not continued", async () => {
    const { clock, services, claims } = await setup();
    services.sessions.end(claims.sid, "revoked", claims.absoluteExpiresAt);
    await expect(continueSession(services, claims, clock.now)).rejects.toThrow("session ended (revoked)");
  });
});

describe("sessionView", () => {
  test("shows name, groups and times, never a token", async () => {
    const { claims } = await setup();
    const view = sessionView(claims);
    expect(view).toEqual({ user: { name: "alice@example.com", groups: ["team-a"] }, expires: new Date(claims.idleExpiresAt).toISOString(), renewBy: new Date(claims.oidc!.refreshAt).toISOString() });
    expect(JSON.stringify(view)).not.toMatch(/at-1|rt-1|eyJ/);
  });
});

describe("signing in with an ID token", () => {
  const account = { type: "oauth", provider: "oidc", providerAccountId: "x", access_token: "at", id_token: "it", expires_in: 60 } as const;
  const signIn = async (profile: Record<string, unknown>) => {
    const { services } = await setup();
    const callbacks = createCallbacks(services, "http://127.0.0.1");
    return callbacks.signIn!({ user: { id: "x" }, account: account as never, profile: profile as never });
  };

  test("a verified email logs in", async () => {
    await expect(signIn({ sub: "a1", email: "alice@example.com", email_verified: true, groups: ["team-a"] })).resolves.toBe(true);
  });

  test("an unverified or unstated email is refused with the code the login page words", async () => {
    await expect(signIn({ sub: "a1", email: "alice@example.com", email_verified: false })).rejects.toThrow(/^EmailNotVerified$/);
    await expect(signIn({ sub: "a1", email: "alice@example.com" })).rejects.toThrow(/^EmailNotVerified$/);
  });

  test("groups: [system:masters] logs nobody in", async () => {
    await expect(signIn({ sub: "a1", email: "alice@example.com", email_verified: true, groups: ["system:masters"] })).rejects.toThrow(/^ReservedIdentity$/);
  });
});
