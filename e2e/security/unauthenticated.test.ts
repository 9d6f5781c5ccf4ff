import { describe, expect, test } from "vitest";
import { api, openSocket, sameOriginChange } from "./harness/http";
import { kubectl } from "./harness/kubectl";
import { pagePaths, routeFiles } from "./harness/routes";
import { noteOutcome, suite } from "./harness/suiteContext";

const routes = routeFiles();
const bodyless = new Set(["GET", "HEAD", "DELETE"]);

function isNextAuthRoute(urlPath: string): boolean {
  return urlPath.startsWith("/api/auth/");
}

describe("requests without login on every API route", () => {
  test("finds the route files to attack", () => {
    expect(routes.map((route) => route.urlPath)).toEqual(expect.arrayContaining(["/api/healthz", "/api/resources/pods/shop/example", "/api/embed", "/api/prom/api/v1/a/b", "/api/prom/api/v1/write"]));
  });

  for (const route of routes) {
    for (const method of route.methods) {
      const label = `${method} ${route.urlPath} (${route.file})`;
      test(label, async ({ task }) => {
        const init: RequestInit = bodyless.has(method) ? { method, headers: method === "DELETE" ? sameOriginChange() : {} } : { method, headers: sameOriginChange(), body: "{}" };
        const response = await api(route.urlPath, init);
        const body = method === "HEAD" ? "" : await response.text();
        noteOutcome(task, `${response.status} ${body.slice(0, 80)}`);
        expect(body).not.toMatch(/"name"\s*:\s*"(alice|dev)"|orrery-demo-admin/);
        if (route.urlPath === "/api/healthz") {
          // Public by design for probes: it says only whether the cache synced.
          expect([200, 503]).toContain(response.status);
          if (method === "GET") expect(Object.keys(JSON.parse(body) as object)).toEqual(["status"]);
        } else if (isNextAuthRoute(route.urlPath)) {
          // next-auth's own endpoints are open by design; without a session they hand out nobody.
          expect(response.status).toBeLessThan(500);
          expect(body).not.toMatch(/"user"\s*:/);
        } else {
          expect(response.status).toBe(401);
          if (method !== "HEAD") expect(JSON.parse(body)).toEqual({ error: { code: "unauthenticated", message: expect.stringMatching(/login required/) } });
        }
      });
    }
  }
});

describe("pages without login", () => {
  for (const page of pagePaths()) {
    test(`GET ${page} shows no cluster data`, async ({ task }) => {
      const podNames = (await kubectl(["get", "pods", "-A", "-o", "jsonpath={.items[*].metadata.name}"])).split(/\s+/).filter(Boolean);
      const response = await api(page);
      const body = await response.text();
      noteOutcome(task, `${response.status}${response.headers.get("location") ? ` → ${response.headers.get("location")}` : ""}`);
      expect(response.status).toBeLessThan(500);
      const location = response.headers.get("location");
      if (location) expect(new URL(location, suite().baseUrl).origin).toBe(suite().baseUrl);
      expect(podNames.length).toBeGreaterThan(0);
      for (const name of podNames) expect(body).not.toContain(name);
    });
  }
});

describe("websocket upgrades without login", () => {
  test("upgrade to /api/stream without a session", async ({ task }) => {
    const attempt = await openSocket("/api/stream", { origin: suite().baseUrl });
    noteOutcome(task, attempt.opened ? "OPENED" : `HTTP ${attempt.status}`);
    expect(attempt).toMatchObject({ opened: false, status: 401 });
  });

  test("upgrade to /api/stream with a wrong HTTP Basic password", async ({ task }) => {
    const attempt = await openSocket("/api/stream", { authorization: `Basic ${Buffer.from("alice:wrong").toString("base64")}` });
    noteOutcome(task, attempt.opened ? "OPENED" : `HTTP ${attempt.status}`);
    expect(attempt).toMatchObject({ opened: false, status: 401 });
  });

  test("upgrade to /api/exec without a session", async ({ task }) => {
    const attempt = await openSocket("/api/exec?namespace=shop&pod=any&command=id", { origin: suite().baseUrl });
    noteOutcome(task, attempt.opened ? "OPENED" : `HTTP ${attempt.status}`);
    expect(attempt).toMatchObject({ opened: false, status: 401 });
  });

  test("upgrade to /api/exec with a wrong HTTP Basic password", async ({ task }) => {
    const attempt = await openSocket("/api/exec?namespace=shop&pod=any&command=id", { authorization: `Basic ${Buffer.from("alice:wrong").toString("base64")}` });
    noteOutcome(task, attempt.opened ? "OPENED" : `HTTP ${attempt.status}`);
    expect(attempt).toMatchObject({ opened: false, status: 401 });
  });

  for (const path of ["/api/exec/", "/api/other", "/", "/pods", "/_next/webpack-hmr", "/api/stream/", "/api/stream/../stream", "/API/STREAM"]) {
    test(`upgrade to unknown path ${path}`, async ({ task }) => {
      const attempt = await openSocket(path, { origin: suite().baseUrl });
      noteOutcome(task, attempt.opened ? "OPENED" : attempt.closedWithoutAnswer ? "closed" : `HTTP ${attempt.status}`);
      expect(attempt.opened).toBe(false);
      if (!attempt.opened && !attempt.closedWithoutAnswer) expect([400, 401, 404]).toContain(attempt.status);
    });
  }
});
