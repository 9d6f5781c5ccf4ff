import { IncomingMessage } from "node:http";
import { Socket } from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import { addRequestAuthenticator, authenticateWith } from "./authenticate";
import { newSessionClaims, type SessionClaims } from "./sessionClaims";
import { onSessionEnded } from "./sessions";
import { basicSettings, servicesWith, sessionCookieFor, TestClock } from "./testing/fixtures";
import type { AuthSettings } from "./settings";

function nodeRequest(headers: Record<string, string>): IncomingMessage {
  const req = new IncomingMessage(new Socket());
  req.headers = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return req;
}

function fetchRequest(headers: Record<string, string>, url = "http://127.0.0.1:3000/api/x"): Request {
  return new Request(url, { headers });
}

function basicHeader(name: string, password: string): string {
  return `Basic ${Buffer.from(`${name}:${password}`).toString("base64")}`;
}

function setup(overrides: Partial<AuthSettings> = {}) {
  const clock = new TestClock();
  const settings = basicSettings(overrides);
  const services = servicesWith(settings, clock);
  const claims = newSessionClaims({ name: "alice", groups: ["orrery:admins"], method: "basic" }, clock.time, settings.timeouts);
  return { clock, settings, services, claims };
}

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

describe("authenticateRequest", () => {
  test("mode none: the local person on loopback, nobody otherwise", async () => {
    const local = setup({ mode: "none", localAllowed: true, users: [] });
    expect(await authenticateWith(local.services, fetchRequest({}), local.clock.time)).toEqual({ name: "local", groups: [], via: "local", readOnly: false });
    const exposed = setup({ mode: "none", localAllowed: false, users: [] });
    expect(await authenticateWith(exposed.services, nodeRequest({}), exposed.clock.time)).toBeNull();
  });

  test("never the local person in basic mode", async () => {
    const { services, clock } = setup({ localAllowed: true });
    expect(await authenticateWith(services, fetchRequest({}), clock.time)).toBeNull();
  });

  test.each([
    ["a route handler's Request", fetchRequest],
    ["a websocket upgrade's IncomingMessage", nodeRequest],
  ])("reads the session cookie from %s", async (_kind, make) => {
    const { services, settings, clock, claims } = setup();
    const person = await authenticateWith(services, make({ cookie: `theme=dark; ${await sessionCookieFor(claims, settings)}` }), clock.time);
    expect(person).toEqual({ name: "alice", groups: ["orrery:admins"], via: "session", sessionId: claims.sid, expiresAt: claims.absoluteExpiresAt, readOnly: false });
  });

  test("refuses a revoked session's cookie (a replay after logout)", async () => {
    const { services, settings, clock, claims } = setup();
    const cookie = await sessionCookieFor(claims, settings);
    services.sessions.end(claims.sid, "logout", claims.absoluteExpiresAt);
    expect(await authenticateWith(services, fetchRequest({ cookie }), clock.time)).toBeNull();
  });

  test("refuses a session past its idle or absolute timeout and reports it ended", async () => {
    const { services, settings, clock, claims } = setup();
    const ended: string[] = [];
    cleanups.push(onSessionEnded((sid) => ended.push(sid)));
    const cookie = await sessionCookieFor(claims, settings);
    clock.advance(settings.timeouts.idleMs);
    expect(await authenticateWith(services, fetchRequest({ cookie }), clock.time)).toBeNull();
    expect(ended).toEqual([claims.sid]);
    const late: SessionClaims = { ...claims, sid: "another-session-id-0001", idleExpiresAt: claims.absoluteExpiresAt };
    clock.time = claims.absoluteExpiresAt;
    expect(await authenticateWith(services, fetchRequest({ cookie: await sessionCookieFor(late, settings) }), clock.time)).toBeNull();
  });

  test("refuses forged cookies and cookies sealed with another secret", async () => {
    const { services, settings, clock, claims } = setup();
    expect(await authenticateWith(services, fetchRequest({ cookie: "orrery.session=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..x.y.z" }), clock.time)).toBeNull();
    const foreign = await sessionCookieFor(claims, { ...settings, secret: "another-secret-that-is-also-long-enough-42" });
    expect(await authenticateWith(services, fetchRequest({ cookie: foreign }), clock.time)).toBeNull();
  });

  test("takes the session only from the cookie, not from an Authorization: Bearer header", async () => {
    const { services, settings, clock, claims } = setup();
    const token = (await sessionCookieFor(claims, settings)).split("=")[1]!;
    expect(await authenticateWith(services, fetchRequest({ authorization: `Bearer ${token}` }), clock.time)).toBeNull();
  });

  test("over TLS only the __Host- cookie counts", async () => {
    const { services, settings, clock, claims } = setup({ secureCookies: true });
    expect(await authenticateWith(services, fetchRequest({ cookie: await sessionCookieFor(claims, settings) }), clock.time)).toBeNull();
    const hostCookie = await sessionCookieFor(claims, settings, "__Host-orrery.session");
    expect((await authenticateWith(services, fetchRequest({ cookie: hostCookie }), clock.time))?.name).toBe("alice");
  });

  test("per-request security: the __Host- name when the request came over https", async () => {
    const { services, settings, clock, claims } = setup({ secureCookies: "per-request" });
    const hostCookie = await sessionCookieFor(claims, settings, "__Host-orrery.session");
    expect((await authenticateWith(services, fetchRequest({ cookie: hostCookie, "x-forwarded-proto": "https" }), clock.time))?.name).toBe("alice");
    expect(await authenticateWith(services, fetchRequest({ cookie: hostCookie }), clock.time)).toBeNull();
  });

  test("basic mode accepts HTTP Basic for API clients, rate-limited like the form", async () => {
    const { services, clock } = setup();
    expect(await authenticateWith(services, nodeRequest({ authorization: basicHeader("bob", "bob-password") }), clock.time)).toEqual({ name: "bob", groups: [], via: "basic", readOnly: false });
    for (let i = 0; i < 5; i++) expect(await authenticateWith(services, nodeRequest({ authorization: basicHeader("alice", `guess-${i}`) }), clock.time)).toBeNull();
    expect(await authenticateWith(services, nodeRequest({ authorization: basicHeader("alice", "alice-password") }), clock.time)).toBeNull();
  });

  test("oidc mode ignores HTTP Basic and passes the ID token through only with --identity token", async () => {
    const { services, settings, clock } = setup({ mode: "oidc", identity: "token" });
    expect(await authenticateWith(services, nodeRequest({ authorization: basicHeader("bob", "bob-password") }), clock.time)).toBeNull();
    const oidc = { accessToken: "at", accessTokenExpiresAt: clock.time + 60_000, refreshAt: clock.time + 45_000, idToken: "id-token" };
    const claims = newSessionClaims({ name: "carol@example.com", groups: ["team-a"], method: "oidc", oidc }, clock.time, settings.timeouts);
    const person = await authenticateWith(services, fetchRequest({ cookie: await sessionCookieFor(claims, settings) }), clock.time);
    expect(person).toMatchObject({ name: "carol@example.com", groups: ["team-a"], bearerToken: "id-token" });
    const impersonating = servicesWith({ ...settings, identity: "impersonate" }, clock);
    expect((await authenticateWith(impersonating, fetchRequest({ cookie: await sessionCookieFor(claims, settings) }), clock.time))?.bearerToken).toBeUndefined();
  });

  test("an added authenticator (embed tokens) is asked first, in every mode", async () => {
    const { services, clock } = setup({ mode: "none", localAllowed: true, users: [] });
    cleanups.push(addRequestAuthenticator(async (req) => (req instanceof Request && req.headers.has("x-embed") ? { name: "embed", groups: [], via: "embed", readOnly: true } : undefined)));
    expect(await authenticateWith(services, fetchRequest({ "x-embed": "1" }), clock.time)).toMatchObject({ via: "embed", readOnly: true });
    expect(await authenticateWith(services, fetchRequest({}), clock.time)).toMatchObject({ via: "local" });
  });
});
