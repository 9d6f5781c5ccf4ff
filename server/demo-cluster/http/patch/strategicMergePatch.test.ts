import { describe, expect, test } from "vitest";
import { applyStrategicMergePatch } from "./strategicMergePatch";

const podSpec = () => ({
  spec: {
    containers: [
      { name: "web", image: "nginx:1.27", ports: [{ containerPort: 80, protocol: "TCP" }], env: [{ name: "A", value: "1" }, { name: "B", value: "2" }] },
      { name: "sidecar", image: "envoy:1" },
    ],
    volumes: [{ name: "data", emptyDir: {} }],
    tolerations: [{ key: "x", operator: "Exists" }],
  },
});

describe("applyStrategicMergePatch", () => {
  test("merges containers by name and env by name, keeping the others", () => {
    const patched = applyStrategicMergePatch(podSpec(), { spec: { containers: [{ name: "web", image: "nginx:1.28", env: [{ name: "B", value: "3" }, { name: "C", value: "4" }] }] } }) as ReturnType<typeof podSpec>;
    expect(patched.spec.containers.map((c) => `${c.name}=${c.image}`)).toEqual(["web=nginx:1.28", "sidecar=envoy:1"]);
    expect(patched.spec.containers[0]!.env).toEqual([{ name: "A", value: "1" }, { name: "B", value: "3" }, { name: "C", value: "4" }]);
    expect(patched.spec.containers[0]!.ports).toEqual([{ containerPort: 80, protocol: "TCP" }]);
  });

  test("merges container ports by containerPort and service ports by port", () => {
    const pod = applyStrategicMergePatch(podSpec(), { spec: { containers: [{ name: "web", ports: [{ containerPort: 443 }] }] } }) as ReturnType<typeof podSpec>;
    expect(pod.spec.containers[0]!.ports!.map((p) => p.containerPort)).toEqual([80, 443]);
    const svc = applyStrategicMergePatch({ spec: { ports: [{ port: 80, name: "http" }] } }, { spec: { ports: [{ port: 80, targetPort: 8080 }] } });
    expect(svc).toEqual({ spec: { ports: [{ port: 80, name: "http", targetPort: 8080 }] } });
  });

  test("removes a list item with $patch: delete and a key with null", () => {
    const patched = applyStrategicMergePatch(podSpec(), { spec: { containers: [{ name: "sidecar", $patch: "delete" }], volumes: null } }) as { spec: Record<string, unknown> };
    expect((patched.spec.containers as { name: string }[]).map((c) => c.name)).toEqual(["web"]);
    expect(patched.spec).not.toHaveProperty("volumes");
  });

  test("deletes a map with $patch: delete and replaces one with $patch: replace", () => {
    const original = { metadata: { labels: { a: "1", b: "2" }, annotations: { x: "y" } } };
    expect(applyStrategicMergePatch(original, { metadata: { labels: { $patch: "replace", c: "3" }, annotations: { $patch: "delete" } } })).toEqual({ metadata: { labels: { c: "3" } } });
  });

  test("replaces lists without a merge key (tolerations, args)", () => {
    const patched = applyStrategicMergePatch(podSpec(), { spec: { tolerations: [{ key: "y", operator: "Exists" }] } }) as ReturnType<typeof podSpec>;
    expect(patched.spec.tolerations).toEqual([{ key: "y", operator: "Exists" }]);
  });

  test("merges conditions by type", () => {
    const original = { status: { conditions: [{ type: "Ready", status: "False" }, { type: "PodScheduled", status: "True" }] } };
    const patched = applyStrategicMergePatch(original, { status: { conditions: [{ type: "Ready", status: "True" }] } });
    expect(patched).toEqual({ status: { conditions: [{ type: "Ready", status: "True" }, { type: "PodScheduled", status: "True" }] } });
  });

  test("orders by $setElementOrder and drops the directive, as kubectl apply sends it", () => {
    const patch = { spec: { $unknownDirective: 1, "$setElementOrder/containers": [{ name: "sidecar" }, { name: "web" }], containers: [{ name: "web", image: "nginx:2" }] } };
    const patched = applyStrategicMergePatch(podSpec(), patch) as ReturnType<typeof podSpec>;
    expect(patched.spec.containers.map((c) => c.name)).toEqual(["sidecar", "web"]);
    expect(Object.keys(patched.spec).some((k) => k.startsWith("$"))).toBe(false);
  });

  test("merges finalizers as a set and removes with $deleteFromPrimitiveList", () => {
    const original = { metadata: { finalizers: ["a", "b"] } };
    expect(applyStrategicMergePatch(original, { metadata: { finalizers: ["b", "c"] } })).toEqual({ metadata: { finalizers: ["a", "b", "c"] } });
    expect(applyStrategicMergePatch(original, { metadata: { "$deleteFromPrimitiveList/finalizers": ["a"] } })).toEqual({ metadata: { finalizers: ["b"] } });
  });

  test("sets the restartedAt annotation as kubectl rollout restart does", () => {
    const patched = applyStrategicMergePatch({ spec: { template: { metadata: { labels: { app: "x" } } } } }, { spec: { template: { metadata: { annotations: { "kubectl.kubernetes.io/restartedAt": "2025-01-01T00:00:00Z" } } } } });
    expect(patched).toEqual({ spec: { template: { metadata: { labels: { app: "x" }, annotations: { "kubectl.kubernetes.io/restartedAt": "2025-01-01T00:00:00Z" } } } } });
  });

  test("rejects a non-object patch with 400", () => {
    expect(() => applyStrategicMergePatch({}, [1])).toThrowError(expect.objectContaining({ code: 400 }));
  });
});
