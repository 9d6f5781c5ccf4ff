import { describe, expect, test } from "vitest";
import { requestAttributes } from "./requestAttributes";

const at = (method: string, path: string) => requestAttributes(method, new URL(path, "https://demo.invalid"));

describe("requestAttributes", () => {
  test.each([
    ["GET", "/api/v1/namespaces/shop/pods", { verb: "list", resource: "pods", namespace: "shop", name: "", apiGroup: "" }],
    ["GET", "/api/v1/pods?watch=true", { verb: "watch", resource: "pods", namespace: "" }],
    ["GET", "/api/v1/namespaces/shop/pods?watch=1&fieldSelector=metadata.name%3Dweb", { verb: "watch", name: "web" }],
    ["GET", "/api/v1/namespaces/shop/pods?fieldSelector=status.phase%3DRunning,metadata.name%3D%3Dweb", { verb: "list", name: "web" }],
    ["GET", "/api/v1/namespaces/shop/pods?fieldSelector=metadata.name!%3Dweb", { verb: "list", name: "" }],
    ["GET", "/api/v1/namespaces/shop/pods/web/log", { verb: "get", resource: "pods", name: "web", subresource: "log" }],
    ["POST", "/api/v1/namespaces/shop/pods/web/exec", { verb: "create", subresource: "exec" }],
    ["DELETE", "/api/v1/namespaces/shop/pods", { verb: "deletecollection" }],
    ["DELETE", "/api/v1/namespaces/shop/pods/web", { verb: "delete", name: "web" }],
    ["PATCH", "/apis/apps/v1/namespaces/shop/deployments/web/scale", { verb: "patch", apiGroup: "apps", apiVersion: "v1", resource: "deployments", subresource: "scale" }],
    ["PUT", "/api/v1/nodes/node-1/status", { verb: "update", resource: "nodes", name: "node-1", subresource: "status", namespace: "" }],
    ["GET", "/api/v1/nodes/node-1/proxy/stats/summary", { verb: "get", resource: "nodes", name: "node-1", subresource: "proxy" }],
    // The namespace of a Namespace object is its own name, so RoleBindings inside it can grant reading it.
    ["GET", "/api/v1/namespaces/shop", { verb: "get", resource: "namespaces", name: "shop", namespace: "shop" }],
    ["PUT", "/api/v1/namespaces/shop/finalize", { verb: "update", resource: "namespaces", name: "shop", subresource: "finalize", namespace: "shop" }],
    ["GET", "/api/v1/namespaces", { verb: "list", resource: "namespaces", namespace: "" }],
    ["GET", "/api/v1/watch/namespaces/shop/pods", { verb: "watch", resource: "pods", namespace: "shop" }],
    ["GET", "/apis/metrics.k8s.io/v1beta1/namespaces/shop/pods", { verb: "list", apiGroup: "metrics.k8s.io", resource: "pods", namespace: "shop" }],
  ])("%s %s", (method, path, expected) => {
    expect(at(method, path)).toMatchObject({ resourceRequest: true, ...expected });
  });

  test.each([
    ["GET", "/api", "get"],
    ["GET", "/api/v1", "get"],
    ["GET", "/apis/apps/v1", "get"],
    ["GET", "/healthz", "get"],
    ["POST", "/version", "post"],
  ])("%s %s is a non-resource request", (method, path, verb) => {
    expect(at(method, path)).toMatchObject({ resourceRequest: false, verb, path });
  });
});
