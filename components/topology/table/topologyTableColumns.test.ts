import { describe, expect, test } from "vitest";
import type { TopologyNode } from "@/lib/wire/topology";
import { TABLE_COLUMN_IDS } from "./tableSort";
import { memberCountText, MISSING, TOPOLOGY_COLUMNS } from "./topologyTableColumns";

const column = (id: string) => TOPOLOGY_COLUMNS.find((c) => c.id === id)!;
const pod: TopologyNode = { id: "p", kind: "Pod", name: "web-1", namespace: "shop", status: "running", node: "host-1", metrics: { cpuMillicores: 250, memoryBytes: 118 * 2 ** 20, restarts: 3 } };
const bare: TopologyNode = { id: "d", kind: "Deployment", name: "web", status: "unknown", namespace: "" };
const shop: TopologyNode = { id: "g", kind: "Group", name: "shop", status: "running", group: { by: "namespace", key: "shop", count: 412, worst: "crashlooping" } };

describe("memberCountText", () => {
  test("counts a group's members, singular for one", () => {
    expect(memberCountText(shop)).toBe("412 pods");
    expect(memberCountText({ ...shop, group: { ...shop.group!, count: 1 } })).toBe("1 pod");
    expect(memberCountText({ ...shop, group: { ...shop.group!, count: 12000 } }, "controllers")).toBe("12,000 controllers");
  });

  test("hosts count pods whatever the group noun; plain nodes have no count", () => {
    const host: TopologyNode = { id: "h", kind: "Node", name: "host-1", status: "running", group: { by: "node", key: "host-1", count: 7, worst: "running" } };
    expect(memberCountText(host, "controllers")).toBe("7 pods");
    expect(memberCountText(pod)).toBeUndefined();
  });
});

describe("TOPOLOGY_COLUMNS", () => {
  test("has a column for every sortable id, in order", () => {
    expect(TOPOLOGY_COLUMNS.map((c) => c.id)).toEqual([...TABLE_COLUMN_IDS]);
  });

  test("formats a pod's values", () => {
    expect(TOPOLOGY_COLUMNS.map((c) => c.text(pod))).toEqual(["Pod", "web-1", "shop", "running", "host-1", "250m", "118 MiB", "3"]);
  });

  test("shows missing values as a dash and sorts them as undefined", () => {
    expect(TOPOLOGY_COLUMNS.map((c) => c.text(bare))).toEqual(["Deployment", "web", MISSING, "unknown", MISSING, MISSING, MISSING, MISSING]);
    expect(column("namespace").value(bare)).toBeUndefined();
    expect(column("memory").value(bare)).toBeUndefined();
    expect(column("cpu").value({ ...pod, metrics: { cpuMillicores: Number.NaN } })).toBeUndefined();
  });

  test("a group shows its worst status", () => {
    expect(column("status").text(shop)).toBe("crashlooping");
  });
});
