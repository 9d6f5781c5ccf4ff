import { describe, expect, test } from "vitest";
import { ingressServiceNames, servicesGraph } from "./services";
import { topologySource } from "./source";
import { pod, uidOf } from "./testing/fixtures";

const api = pod("api-1", "shop");
const apiDown = pod("api-2", "shop", { ready: false });
const lonely = pod("other", "shop");
const service = { kind: "Service", metadata: { name: "api", namespace: "shop", uid: "svc-api" } };
const slice = {
  kind: "EndpointSlice",
  metadata: { name: "api-xyz", namespace: "shop", uid: "slice-1", labels: { "kubernetes.io/service-name": "api" } },
  endpoints: [{ targetRef: { kind: "Pod", uid: uidOf(api) } }, { targetRef: { kind: "Pod", uid: uidOf(apiDown) } }, { targetRef: { kind: "Pod", uid: "gone" } }],
};
const ingress = {
  kind: "Ingress",
  metadata: { name: "front", namespace: "shop", uid: "ing-front" },
  spec: { rules: [{ http: { paths: [{ backend: { service: { name: "api" } } }, { backend: { service: { name: "missing" } } }] } }] },
};

describe("services view", () => {
  test("services select the pods of their EndpointSlices; ingresses route to services", () => {
    const graph = servicesGraph(topologySource({ pods: [api, apiDown, lonely], services: [service], endpointslices: [slice], ingresses: [ingress] }));
    expect(graph.nodes.map((n) => n.id).sort()).toEqual(["ing-front", uidOf(api), uidOf(apiDown), "svc-api"].sort());
    expect(graph.edges.map((e) => `${e.kind} ${e.source} ${e.target}`).sort()).toEqual([
      `routes ing-front svc-api`,
      `selects svc-api ${uidOf(api)}`,
      `selects svc-api ${uidOf(apiDown)}`,
    ]);
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    expect(byId.get("svc-api")).toMatchObject({ kind: "Service", status: "notready" });
    expect(byId.get("ing-front")).toMatchObject({ kind: "Ingress", status: "notready" });
  });

  test("an ingress's default backend counts too, once", () => {
    expect(ingressServiceNames({ metadata: { name: "i" }, spec: { defaultBackend: { service: { name: "a" } }, rules: [{ http: { paths: [{ backend: { service: { name: "a" } } }] } }] } })).toEqual(["a"]);
  });
});
