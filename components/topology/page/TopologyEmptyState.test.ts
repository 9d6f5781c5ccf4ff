import { describe, expect, test } from "vitest";
import { refusedKinds } from "./TopologyEmptyState";

describe("refusedKinds", () => {
  test("a person who may list nothing is refused every kind the view is drawn from", () => {
    expect(refusedKinds("hosts", { nodes: [], pods: [] }, []).map((r) => r.resource)).toEqual(["nodes", "pods"]);
    expect(refusedKinds("controllers", { pods: [], deployments: [], replicasets: [], statefulsets: [], daemonsets: [], jobs: [], cronjobs: [] }, [])[1]).toEqual({ verb: "list", resource: "deployments", group: "apps" });
  });

  test("rights in some namespaces cover the whole map, but not a picked namespace outside them", () => {
    expect(refusedKinds("containers", { pods: ["shop"] }, [])).toEqual([]);
    expect(refusedKinds("containers", { pods: ["shop"] }, ["shop", "kube-system"])).toEqual([{ verb: "list", resource: "pods", group: "", namespace: "kube-system" }]);
  });

  test("a person who may list everything is refused nothing: the map is simply empty", () => {
    expect(refusedKinds("services", { services: "all", pods: "all", endpointslices: "all" }, ["empty"])).toEqual([]);
  });
});
