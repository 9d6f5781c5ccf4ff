import { describe, expect, test } from "vitest";
import { apiVersionOf, kindInfo, resourceKinds } from "./resources";

describe("resourceKinds", () => {
  test("builds core, grouped and namespaced paths", () => {
    expect(kindInfo("pods").listPath()).toBe("/api/v1/pods");
    expect(kindInfo("pods").listPath("kube-system")).toBe("/api/v1/namespaces/kube-system/pods");
    expect(kindInfo("deployments").listPath("a b")).toBe("/apis/apps/v1/namespaces/a%20b/deployments");
    expect(kindInfo("nodes").listPath("ignored")).toBe("/api/v1/nodes");
    expect(apiVersionOf(kindInfo("endpointslices"))).toBe("discovery.k8s.io/v1");
  });

  test("lists all fourteen kinds once", () => {
    expect(new Set(resourceKinds.map((k) => k.kind)).size).toBe(14);
  });
});
