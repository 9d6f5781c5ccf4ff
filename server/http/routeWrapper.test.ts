import { describe, expect, test } from "vitest";
import type { Person } from "../auth/person";
import { CSRF_HEADER } from "./csrf";
import { OriginPolicy } from "./originPolicy";
import { createRouteWrapper, type Authenticate } from "./routeWrapper";

const alice: Person = { name: "alice", groups: ["team-a"], via: "session", readOnly: false };
const viewer: Person = { name: "embed:1", groups: [], via: "embed", readOnly: true, scope: "/pods" };
const policy = new OriginPolicy({ listenHost: "127.0.0.1", port: 3000, allowedOrigins: [] });

// Recognises "Authorization: Test <name>" so each test chooses who is asking.
const byHeader: Authenticate = async (req) => {
  const who = req.headers.get("authorization")?.replace(/^Test /, "");
  return who === "alice" ? alice : who === "viewer" ? viewer : null;
};

function wrapper(readOnly = false) {
  return createRouteWrapper({ authenticate: byHeader, originPolicy: () => policy, readOnly: () => readOnly });
}

function request(path: string, init: RequestInit & { who?: string } = {}): Request {
  const headers = new Headers(init.headers);
  headers.set("host", "127.0.0.1:3000");
  if (init.who) headers.set("authorization", `Test ${init.who}`);
  return new Request(`http://127.0.0.1:3000${path}`, { ...init, headers, ...(init.body ? { duplex: "half" } : {}) } as RequestInit);
}

const noParams = { params: Promise.resolve({}) };
const mutationHeaders = { origin: "http://127.0.0.1:3000", [CSRF_HEADER]: "1", "content-type": "application/json" };

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

describe("withRoute", () => {
  const echo = wrapper()(async (req, { person, params }) => Response.json({ person: person.name, params, body: req.method === "GET" ? null : await req.text() }));

  test("hands the person and the awaited params to the handler", async () => {
    const handler = wrapper()<{ kind: string }>(async (_req, { person, params }) => Response.json({ who: person.name, kind: params.kind }));
    const response = await handler(request("/api/x", { who: "alice" }), { params: Promise.resolve({ kind: "pods" }) });
    expect(await response.json()).toEqual({ who: "alice", kind: "pods" });
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  test("answers 401 with a clear JSON message when nobody is logged in", async () => {
    const response = await echo(request("/api/x"), noParams);
    expect(response.status).toBe(401);
    expect(await errorOf(response)).toEqual({ code: "unauthenticated", message: expect.stringMatching(/login required/) });
  });

  test("lets a public route answer without login", async () => {
    const health = wrapper()(async (_req, { person }) => Response.json({ person: person?.name ?? null }), { public: true });
    expect(await (await health(request("/api/healthz"), noParams)).json()).toEqual({ person: null });
  });

  test("refuses a cross-site form POST before anything else", async () => {
    const response = await echo(request("/api/x", { method: "POST", who: "alice", headers: { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" }, body: "a=1" }), noParams);
    expect(response.status).toBe(403);
    expect((await errorOf(response)).message).toMatch(/origin "https:\/\/evil.example" is not allowed/);
  });

  test("refuses a same-origin change without the CSRF header", async () => {
    const response = await echo(request("/api/x", { method: "DELETE", who: "alice", headers: { origin: "http://127.0.0.1:3000" } }), noParams);
    expect(response.status).toBe(403);
    expect((await errorOf(response)).message).toMatch(/x-orrery-csrf/);
  });

  test("accepts a same-origin change with the CSRF header and passes the body on", async () => {
    const response = await echo(request("/api/x", { method: "POST", who: "alice", headers: mutationHeaders, body: '{"replicas":3}' }), noParams);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ person: "alice", body: '{"replicas":3}' });
  });

  test("refuses changes by read-only persons and in --read-only mode", async () => {
    const asViewer = await echo(request("/api/x", { method: "POST", who: "viewer", headers: mutationHeaders, body: "{}" }), noParams);
    expect(asViewer.status).toBe(403);
    expect((await errorOf(asViewer)).message).toMatch(/read-only/);
    const readOnlyEcho = wrapper(true)(async () => Response.json({}));
    const asAlice = await readOnlyEcho(request("/api/x", { method: "PATCH", who: "alice", headers: mutationHeaders, body: "{}" }), noParams);
    expect(asAlice.status).toBe(403);
    expect((await readOnlyEcho(request("/api/x", { who: "viewer" }), noParams)).status).toBe(200);
  });

  test("refuses a declared body over the limit with 413", async () => {
    const small = wrapper()(async () => Response.json({}), { maxBodyBytes: 10 });
    const response = await small(request("/api/x", { method: "POST", who: "alice", headers: { ...mutationHeaders, "content-length": "11" }, body: "12345678901" }), noParams);
    expect(response.status).toBe(413);
  });

  test("refuses a streamed body that grows past the limit with 413", async () => {
    const small = wrapper()(async (req) => Response.json({ got: (await req.text()).length }), { maxBodyBytes: 1024 });
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 4; i++) controller.enqueue(new Uint8Array(512));
        controller.close();
      },
    });
    const response = await small(request("/api/x", { method: "POST", who: "alice", headers: mutationHeaders, body: chunks }), noParams);
    expect(response.status).toBe(413);
  });

  test("refuses a query string over 8 KiB with 414", async () => {
    const response = await echo(request(`/api/x?q=${"a".repeat(9000)}`, { who: "alice" }), noParams);
    expect(response.status).toBe(414);
  });

  test("maps what the handler throws, logging nothing internal into the answer", async () => {
    const failing = wrapper()(async () => {
      throw Object.assign(new Error("HTTP-Code: 403"), { code: 403, body: { kind: "Status", reason: "Forbidden", message: "deployments.apps is forbidden" } });
    });
    const response = await failing(request("/api/x", { who: "alice" }), noParams);
    expect(response.status).toBe(403);
    expect(await errorOf(response)).toEqual({ code: "forbidden", message: "deployments.apps is forbidden" });
  });

  test("a read POST (a query form) needs no CSRF header and is open to read-only persons, but a foreign Origin is refused", async () => {
    const query = wrapper()(async (req) => Response.json({ body: await req.text() }), { post: "read" });
    const form = { "content-type": "application/x-www-form-urlencoded" };
    const plain = await query(request("/api/x", { method: "POST", who: "viewer", headers: form, body: "query=up" }), noParams);
    expect(await plain.json()).toEqual({ body: "query=up" });
    const sameSite = await query(request("/api/x", { method: "POST", who: "alice", headers: { ...form, origin: "http://127.0.0.1:3000" }, body: "query=up" }), noParams);
    expect(sameSite.status).toBe(200);
    const crossSite = await query(request("/api/x", { method: "POST", who: "alice", headers: { ...form, origin: "https://evil.example" }, body: "query=up" }), noParams);
    expect(crossSite.status).toBe(403);
  });

  test("a raw-body route reads the body itself, even one declared larger than the limit", async () => {
    const raw = wrapper()(async (req) => Response.json({ length: (await req.arrayBuffer()).byteLength }), { post: "machine", rawBody: true, maxBodyBytes: 4 });
    const response = await raw(request("/api/x", { method: "POST", who: "alice", headers: { "content-length": "8" }, body: "12345678" }), noParams);
    expect(await response.json()).toEqual({ length: 8 });
  });
});
