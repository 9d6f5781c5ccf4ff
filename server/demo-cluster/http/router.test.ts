import { describe, expect, test } from "vitest";
import { matchPattern, RouteTable, splitPath } from "./router";

describe("matchPattern", () => {
  test("binds :param segments and decodes them", () => {
    expect(matchPattern(splitPath("/api/v1/namespaces/:namespace/pods/:name/log"), splitPath("/api/v1/namespaces/dev/pods/web%2D1/log"))).toEqual({ namespace: "dev", name: "web-1" });
  });

  test("refuses a different length or literal", () => {
    expect(matchPattern(splitPath("/api/v1/nodes/:name"), splitPath("/api/v1/nodes"))).toBeUndefined();
    expect(matchPattern(splitPath("/api/v1/nodes/:name/proxy"), splitPath("/api/v1/nodes/n1/status"))).toBeUndefined();
  });

  test("refuses an empty parameter", () => {
    expect(matchPattern(splitPath("/api/v1/nodes/:name"), splitPath("/api/v1/nodes//"))).toBeUndefined();
  });
});

describe("RouteTable", () => {
  test("matches by method, first registration first", () => {
    const routes = new RouteTable();
    const first = () => undefined;
    const second = () => undefined;
    routes.http("GET", "/api/v1/nodes/:name/proxy/stats/summary", first);
    routes.http("GET", "/api/v1/nodes/:node/proxy/stats/summary", second);
    const match = routes.matchHttp("GET", "/api/v1/nodes/n1/proxy/stats/summary");
    expect(match?.handler).toBe(first);
    expect(match?.params).toEqual({ name: "n1" });
    expect(routes.matchHttp("POST", "/api/v1/nodes/n1/proxy/stats/summary")).toBeUndefined();
  });

  test("keeps upgrade routes apart from HTTP routes", () => {
    const routes = new RouteTable();
    routes.upgrade("/api/v1/namespaces/:namespace/pods/:name/exec", () => undefined);
    expect(routes.matchUpgrade("/api/v1/namespaces/a/pods/b/exec")?.params).toEqual({ namespace: "a", name: "b" });
    expect(routes.matchHttp("GET", "/api/v1/namespaces/a/pods/b/exec")).toBeUndefined();
  });

  test("rejects a pattern without a leading slash", () => {
    expect(() => new RouteTable().http("GET", "api/v1", () => undefined)).toThrow(/must start/);
  });
});
