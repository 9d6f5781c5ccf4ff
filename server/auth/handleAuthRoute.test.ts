import { afterEach, describe, expect, test } from "vitest";
import { setAuthServices } from "./authState";
import { authenticateWith } from "./authenticate";
import { handleAuthRoute } from "./handleAuthRoute";
import { handleLogout } from "./logout";
import { basicSettings, servicesWith, TestClock } from "./testing/fixtures";
import type { AuthSettings } from "./settings";

const origin = "http://127.0.0.1:3000";

/** A browser's cookie jar for one origin, enough for next-auth's flows. */
class Jar {
  readonly cookies = new Map<string, string>();
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
  take(response: Response): string[] {
    const set = response.headers.getSetCookie();
    for (const line of set) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (/max-age=0/i.test(line) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return set;
  }
}

async function call(jar: Jar, path: string, init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<Response> {
  const headers: Record<string, string> = { host: "127.0.0.1:3000", cookie: jar.header(), ...init.headers };
  if (init.form) headers["content-type"] = "application/x-www-form-urlencoded";
  const request = new Request(`${origin}${path}`, { method: init.method ?? (init.form ? "POST" : "GET"), headers, body: init.form ? new URLSearchParams(init.form) : undefined });
  const segments = path.split("?")[0]!.replace(/^\/api\/auth\//, "").split("/");
  const response = path.startsWith("/api/auth/logout") ? await handleLogout(request) : await handleAuthRoute(request, segments);
  jar.take(response.clone());
  return response;
}

async function csrf(jar: Jar): Promise<string> {
  return ((await (await call(jar, "/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
}

async function signIn(jar: Jar, username: string, password: string, callbackUrl = "/pods"): Promise<{ status: number; url: string }> {
  const response = await call(jar, "/api/auth/callback/credentials", { form: { username, password, callbackUrl, csrfToken: await csrf(jar), json: "true" } });
  return { status: response.status, url: ((await response.json()) as { url: string }).url };
}

function install(overrides: Partial<AuthSettings> = {}) {
  const clock = new TestClock(Date.now());
  const settings = basicSettings(overrides);
  const services = servicesWith(settings, clock);
  setAuthServices(services);
  return { services, clock };
}

afterEach(() => setAuthServices(undefined));

describe("next-auth in Orrery (basic mode)", () => {
  test("signs in, shows only name, groups and expiry, and sets an HttpOnly SameSite=Lax cookie", async () => {
    const { services } = install();
    const jar = new Jar();
    expect(await signIn(jar, "alice", "alice-password")).toEqual({ status: 200, url: `${origin}/pods` });
    const sessionCookie = jar.cookies.get("orrery.session");
    expect(sessionCookie).toBeDefined();
    const response = await call(jar, "/api/auth/session");
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(["expires", "user"]);
    expect(body.user).toEqual({ name: "alice", groups: ["orrery:admins"] });
    const renewed = response.headers.getSetCookie().find((line) => line.startsWith("orrery.session="))!;
    expect(renewed).toMatch(/HttpOnly/i);
    expect(renewed).toMatch(/SameSite=Lax/i);
    expect(renewed).toMatch(/Path=\//);
    expect(renewed).not.toMatch(/Secure/i);
    expect(await authenticateWith(services, new Request(origin, { headers: { cookie: jar.header() } }))).toMatchObject({ name: "alice", via: "session" });
  });

  test("a wrong password and an unknown user get the same answer", async () => {
    install();
    const wrong = await signIn(new Jar(), "alice", "wrong");
    const unknown = await signIn(new Jar(), "nobody", "wrong");
    expect(wrong).toEqual({ status: 401, url: `${origin}/api/auth/error?error=CredentialsSignin&provider=credentials` });
    expect(unknown).toEqual(wrong);
  });

  test("too many failures from one address lock the name there, with a distinct code", async () => {
    install();
    for (let i = 0; i < 5; i++) await signIn(new Jar(), "bob", `guess-${i}`);
    expect((await signIn(new Jar(), "bob", "bob-password")).url).toBe(`${origin}/api/auth/error?error=TooManyAttempts`);
  });

  test("a login without the CSRF token is refused", async () => {
    install();
    const jar = new Jar();
    await csrf(jar);
    const response = await call(jar, "/api/auth/callback/credentials", { form: { username: "alice", password: "alice-password", csrfToken: "forged", json: "true" } });
    expect(((await response.json()) as { url: string }).url).toContain("csrf=true");
    expect(jar.cookies.has("orrery.session")).toBe(false);
  });

  test.each(["https://evil.example/", "//evil.example", "/\\evil.example", "/%2F%2Fevil.example"])("an open-redirect callbackUrl %j lands on Orrery's home", async (callbackUrl) => {
    install();
    expect((await signIn(new Jar(), "alice", "alice-password", callbackUrl)).url).toBe(`${origin}/`);
  });

  test("logout needs the CSRF token, clears the cookie and revokes the session", async () => {
    const { services } = install();
    const jar = new Jar();
    await signIn(jar, "alice", "alice-password");
    const stolen = jar.header();
    expect((await call(jar, "/api/auth/logout", { form: { csrfToken: "forged" } })).status).toBe(403);
    const response = await call(jar, "/api/auth/logout", { form: { csrfToken: await csrf(jar) } });
    expect(await response.json()).toEqual({ url: "/login?signedOut=1" });
    expect(jar.cookies.has("orrery.session")).toBe(false);
    expect(await authenticateWith(services, new Request(origin, { headers: { cookie: stolen } }))).toBeNull();
    const replay = await handleAuthRoute(new Request(`${origin}/api/auth/session`, { headers: { host: "127.0.0.1:3000", cookie: stolen } }), ["session"]);
    expect(await replay.json()).toEqual({});
  });

  test("under https every cookie is __Host- and Secure", async () => {
    install({ secureCookies: true, publicUrl: "https://orrery.example.com" });
    const jar = new Jar();
    const result = await signIn(jar, "alice", "alice-password");
    expect(result.url).toBe("https://orrery.example.com/pods");
    expect([...jar.cookies.keys()].sort()).toEqual(["__Host-orrery.callback-url", "__Host-orrery.csrf", "__Host-orrery.session"]);
    const lines = (await call(jar, "/api/auth/session")).headers.getSetCookie();
    expect(lines.every((line) => /; Secure/i.test(line) && /Path=\//.test(line) && !/Domain=/i.test(line))).toBe(true);
  });

  test("the session ends at the absolute timeout even while used", async () => {
    const { clock } = install({ timeouts: { idleMs: 60_000, maxMs: 150_000 } });
    const jar = new Jar();
    await signIn(jar, "alice", "alice-password");
    for (let i = 0; i < 2; i++) {
      clock.advance(50_000);
      expect(((await (await call(jar, "/api/auth/session")).json()) as { user?: unknown }).user).toBeDefined();
    }
    clock.advance(50_000);
    expect(await (await call(jar, "/api/auth/session")).json()).toEqual({});
    expect(jar.cookies.has("orrery.session")).toBe(false);
  });

  test("mode none has no login endpoints", async () => {
    install({ mode: "none", users: [] });
    expect((await call(new Jar(), "/api/auth/session")).status).toBe(404);
  });
});
