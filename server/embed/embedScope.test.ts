import { describe, expect, test } from "vitest";
import { EmbedScopeError, formatEmbedScope, parseEmbedScope, scopeAllowsRequest, scopeAllowsResource } from "./embedScope";

describe("parseEmbedScope", () => {
  test("accepts a view path with fixed parameters and spells it canonically", () => {
    expect(formatEmbedScope(parseEmbedScope("/pods?sort=name&ns=shop"))).toBe("/pods?ns=shop&sort=name");
  });

  test.each([
    ["https://evil.example/pods", /view path/],
    ["//evil.example/pods", /view path/],
    ["/pods#x", /view path/],
    ["/\\evil", /view path/],
    ["/api/resources/pods/shop/x", /not an embeddable view/],
    ["/pods?ns=a&ns=b", /repeats/],
    ["/pods?embed=x", /embed/],
  ])("refuses %s", (scope, message) => {
    expect(() => parseEmbedScope(scope)).toThrow(EmbedScopeError);
    expect(() => parseEmbedScope(scope)).toThrow(message);
  });
});

describe("scopeAllowsRequest", () => {
  const scope = "/pods?ns=shop";

  test("opens the view with its fixed parameters and any others", () => {
    expect(scopeAllowsRequest(scope, "/pods?ns=shop")).toBe(true);
    expect(scopeAllowsRequest(scope, "/pods?ns=shop&embed=t&sort=age")).toBe(true);
  });

  test("keeps the viewer from changing a fixed parameter or the view", () => {
    expect(scopeAllowsRequest(scope, "/pods")).toBe(false);
    expect(scopeAllowsRequest(scope, "/pods?ns=kube-system")).toBe(false);
    expect(scopeAllowsRequest(scope, "/pods?ns=shop&ns=kube-system")).toBe(false);
    expect(scopeAllowsRequest(scope, "/nodes?ns=shop")).toBe(false);
    expect(scopeAllowsRequest(scope, "/api/embed")).toBe(false);
  });

  test("allows the details of objects the view shows, in its namespace only", () => {
    expect(scopeAllowsRequest(scope, "/api/resources/pods/shop/web-1")).toBe(true);
    expect(scopeAllowsRequest(scope, "/api/resources/pods/kube-system/etcd")).toBe(false);
    expect(scopeAllowsRequest(scope, "/api/resources/deployments/shop/web")).toBe(false);
    expect(scopeAllowsRequest(scope, "/api/resources/pods/%E0%A4%A")).toBe(false);
  });

  test("allows the stream socket (its subscriptions are checked with scopeAllowsResource)", () => {
    expect(scopeAllowsRequest(scope, "/api/stream")).toBe(true);
  });
});

describe("scopeAllowsResource", () => {
  test("limits kinds to the view's and namespaced kinds to the pinned namespace", () => {
    expect(scopeAllowsResource("/workloads?ns=shop", "deployments", "shop")).toBe(true);
    expect(scopeAllowsResource("/workloads?ns=shop", "deployments", "batch")).toBe(false);
    expect(scopeAllowsResource("/workloads?ns=shop", "namespaces", undefined)).toBe(true);
    expect(scopeAllowsResource("/workloads", "deployments", "batch")).toBe(true);
    expect(scopeAllowsResource("/pods", "nodes", undefined)).toBe(false);
    expect(scopeAllowsResource("/nope", "pods", "shop")).toBe(false);
  });
});
