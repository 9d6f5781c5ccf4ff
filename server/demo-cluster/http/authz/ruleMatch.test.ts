import { describe, expect, test } from "vitest";
import { nonResourceURLMatches, resourceMatches, ruleAllows } from "./ruleMatch";
import type { RequestAttributes } from "./rbacTypes";

const podsIn = (verb: string, extra: Partial<RequestAttributes> = {}): RequestAttributes => ({
  verb, resourceRequest: true, path: "", apiGroup: "", apiVersion: "v1", resource: "pods", subresource: "", namespace: "shop", name: "", ...extra,
});

describe("rule matching", () => {
  test("a plain resource never covers its subresources; */sub and * do", () => {
    expect(resourceMatches({ resources: ["pods"] }, "pods/exec", "exec")).toBe(false);
    expect(resourceMatches({ resources: ["pods/exec"] }, "pods/exec", "exec")).toBe(true);
    expect(resourceMatches({ resources: ["*/exec"] }, "pods/exec", "exec")).toBe(true);
    expect(resourceMatches({ resources: ["*/exec"] }, "pods", "")).toBe(false);
    expect(resourceMatches({ resources: ["*/scale"] }, "pods/exec", "exec")).toBe(false);
    expect(resourceMatches({ resources: ["*"] }, "pods/exec", "exec")).toBe(true);
  });

  test("non-resource URLs match exactly, by * or by a prefix ending in *", () => {
    expect(nonResourceURLMatches({ nonResourceURLs: ["/apis/*"] }, "/apis/apps/v1")).toBe(true);
    expect(nonResourceURLMatches({ nonResourceURLs: ["/apis/*"] }, "/apis")).toBe(false);
    expect(nonResourceURLMatches({ nonResourceURLs: ["/healthz"] }, "/healthz/etcd")).toBe(false);
    expect(nonResourceURLMatches({ nonResourceURLs: ["*"] }, "/metrics")).toBe(true);
  });

  test("verbs, groups and resourceNames must all match", () => {
    const rule = { verbs: ["get"], apiGroups: [""], resources: ["pods"], resourceNames: ["web"] };
    expect(ruleAllows(podsIn("get", { name: "web" }), rule)).toBe(true);
    expect(ruleAllows(podsIn("get", { name: "db" }), rule)).toBe(false);
    expect(ruleAllows(podsIn("list"), { ...rule, verbs: ["list"] })).toBe(false);
    expect(ruleAllows(podsIn("get", { name: "web", apiGroup: "apps" }), rule)).toBe(false);
    expect(ruleAllows(podsIn("delete", { name: "web" }), { ...rule, verbs: ["*"] })).toBe(true);
    expect(ruleAllows(podsIn("get", { name: "web", apiGroup: "apps" }), { ...rule, apiGroups: ["*"] })).toBe(true);
  });

  test("a resource rule never allows a non-resource request and the other way round", () => {
    const nonResource: RequestAttributes = { ...podsIn("get"), resourceRequest: false, path: "/apis", resource: "" };
    expect(ruleAllows(nonResource, { verbs: ["*"], apiGroups: ["*"], resources: ["*"] })).toBe(false);
    expect(ruleAllows(podsIn("get"), { verbs: ["*"], nonResourceURLs: ["*"] })).toBe(false);
  });
});
