import { describe, expect, test } from "vitest";
import { nodeRoles, summarizeNode } from "./nodeSummary";
import type { Node } from "./types";

const readyNode: Node = {
  metadata: { name: "n1", labels: { "node-role.kubernetes.io/control-plane": "", "node-role.kubernetes.io/worker": "true", "kubernetes.io/role": "master" } },
  status: {
    conditions: [{ type: "Ready", status: "True" }],
    allocatable: { cpu: "3800m", memory: "7Gi" },
    nodeInfo: { kubeletVersion: "v1.34.1" },
    addresses: [{ type: "InternalIP", address: "10.0.0.4" }],
  },
};

describe("summarizeNode", () => {
  test("reads readiness, roles, version and allocatable", () => {
    expect(summarizeNode(readyNode)).toEqual({
      status: "Ready",
      roles: "control-plane,master,worker",
      version: "v1.34.1",
      cpuAllocatable: "3800m",
      memoryAllocatable: "7Gi",
      internalIP: "10.0.0.4",
    });
  });

  test("a cordoned node that is not ready says both", () => {
    const node: Node = { metadata: { name: "n2" }, spec: { unschedulable: true }, status: { conditions: [{ type: "Ready", status: "False" }] } };
    expect(summarizeNode(node).status).toBe("NotReady,SchedulingDisabled");
  });

  test("a node without a Ready condition is Unknown with no roles", () => {
    const node: Node = { metadata: { name: "n3" } };
    expect(summarizeNode(node)).toMatchObject({ status: "Unknown", roles: "<none>" });
    expect(nodeRoles(node)).toEqual([]);
  });
});
