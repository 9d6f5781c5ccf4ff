import { describe, expect, test } from "vitest";
import type { Node } from "@/lib/k8s/types";
import type { NodeRelated } from "@/lib/wire/resources";
import { nodeResourceRows } from "./nodeResources";

const node: Node = { kind: "Node", metadata: { name: "n1" }, status: { capacity: { cpu: "4", memory: "16Gi", pods: "110" }, allocatable: { cpu: "3800m", memory: "15Gi", pods: "110" } } };
const related = (usage: NodeRelated["usage"]): NodeRelated => ({
  kind: "node",
  pods: { pods: [{ namespace: "shop", name: "a", status: "Running", ready: "1/1", restarts: 0 }, { namespace: "batch", name: "b", status: "Completed", ready: "0/1", restarts: 0 }] },
  requested: { cpuMillicores: 1900, memoryBytes: 3 * 2 ** 30 },
  usage,
});

describe("nodeResourceRows", () => {
  test("puts capacity, allocatable, requested and used side by side, as shares of allocatable", () => {
    const [cpu, memory, pods] = nodeResourceRows(node, related({ state: "shown", used: { cpuMillicores: 950, memoryBytes: 1.5 * 2 ** 30 } }));
    expect(cpu).toEqual({ resource: "CPU", capacity: "4", allocatable: "3.8", requested: "1.9 (50%)", used: "950m (25%)" });
    expect(memory).toEqual({ resource: "Memory", capacity: "16 GiB", allocatable: "15 GiB", requested: "3 GiB (20%)", used: "1.5 GiB (10%)" });
    expect(pods).toMatchObject({ capacity: "110", requested: "1" });
  });

  test("usage the person may not see reads as hidden, not as zero", () => {
    expect(nodeResourceRows(node, related({ state: "forbidden", reason: "you may not list nodes.metrics.k8s.io" }))[0]!.used).toBe("hidden");
  });
});
