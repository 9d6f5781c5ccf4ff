import { describe, expect, test } from "vitest";
import type { Node, Pod } from "@/lib/k8s/types";
import type { UsageFrame } from "@/lib/wire/usage";
import { nodeUsage, podUsage, sumUsage, usageReference, usageSortValue } from "./usageModel";

const MiB = 2 ** 20;
const pod = (name: string, namespace: string, resources: { requests?: Record<string, string>; limits?: Record<string, string> }[]): Pod => ({
  metadata: { name, namespace },
  spec: { containers: resources.map((r, i) => ({ name: `c${i}`, resources: r })) },
});
const frame = (partial: Partial<UsageFrame>): UsageFrame => ({ type: "usage", id: "u", pods: {}, nodes: {}, visible: { pods: true, nodes: true }, ...partial });

describe("podUsage", () => {
  test("shows the sample against the summed requests, and the limit only when every container has one", () => {
    const web = pod("web", "shop", [{ requests: { cpu: "100m", memory: "64Mi" }, limits: { cpu: "500m" } }, { requests: { cpu: "50m" } }]);
    const usage = podUsage(web, { frame: frame({ pods: { "shop/web": [120, 80 * MiB] } }) });
    expect(usage.cpu).toEqual({ used: 120, request: 150 });
    expect(usage.memory).toEqual({ used: 80 * MiB, request: 64 * MiB });
    expect(usageReference(usage.cpu)).toEqual({ value: 150, name: "request" });
  });

  test("a limit without a request counts as the request, as Kubernetes defaults it", () => {
    const usage = podUsage(pod("w", "shop", [{ limits: { cpu: "1", memory: "128Mi" } }]), { frame: frame({ pods: { "shop/w": [250, MiB] } }) });
    expect(usage.cpu).toEqual({ used: 250, request: 1000, limit: 1000 });
    expect(usageReference(usage.memory)).toEqual({ value: 128 * MiB, name: "limit" });
  });

  test("says why a pod has no sample: waiting, not allowed in its namespace, or the metrics API is down", () => {
    const p = pod("a", "batch", [{}]);
    expect(podUsage(p, {}).cpu.missing).toBe("waiting for usage");
    expect(podUsage(p, { frame: frame({ visible: { pods: ["shop"], nodes: false } }) }).cpu.missing).toBe("you may not list pods.metrics.k8s.io in namespace batch");
    expect(podUsage(p, { frame: frame({ unavailable: "metrics.k8s.io is not served" }) }).memory.missing).toBe("metrics.k8s.io is not served");
    expect(podUsage(p, { frame: frame({}) }).cpu.used).toBeUndefined();
  });
});

describe("sumUsage", () => {
  test("a workload uses the sum over the pods under it that have a sample", () => {
    const f = { frame: frame({ pods: { "shop/a": [100, 10 * MiB], "shop/b": [30.5, 5 * MiB] } }) };
    const children = ["a", "b", "c"].map((name) => podUsage(pod(name, "shop", [{ requests: { cpu: "100m" }, limits: { cpu: "200m" } }]), f));
    const total = sumUsage(children);
    expect(total.cpu).toEqual({ used: 130.5, request: 300, limit: 600 });
    expect(total.memory.used).toBe(15 * MiB);
  });

  test("a workload with no visible sample carries its pods' reason", () => {
    const f = { frame: frame({ visible: { pods: [], nodes: false } }) };
    expect(sumUsage([podUsage(pod("a", "shop", [{}]), f)]).cpu).toEqual({ missing: "you may not list pods.metrics.k8s.io in namespace shop" });
  });
});

describe("nodeUsage", () => {
  test("measures a node against its allocatable, and rows without a sample sort last", () => {
    const node: Node = { metadata: { name: "n1" }, status: { allocatable: { cpu: "4", memory: "8Gi" } } };
    const usage = nodeUsage(node, { frame: frame({ nodes: { n1: [900, 2048 * MiB] } }) });
    expect(usage.cpu).toEqual({ used: 900, allocatable: 4000 });
    expect(usageReference(usage.memory)).toEqual({ value: 8192 * MiB, name: "allocatable" });
    const hidden = nodeUsage(node, { frame: frame({ visible: { pods: true, nodes: false } }) });
    expect(hidden.cpu.missing).toBe("you may not list nodes.metrics.k8s.io");
    expect(usageSortValue(hidden.cpu)).toBeLessThan(usageSortValue(usage.cpu));
  });
});
