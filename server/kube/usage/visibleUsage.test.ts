import { describe, expect, test } from "vitest";
import { allUsage, noUsage } from "@/server/access/types";
import { UsageSamples } from "./usageLookup";
import { visibleUsage } from "./visibleUsage";

const a = { cpuMillicores: 120, memoryBytes: 150 * 2 ** 20 };
const b = { cpuMillicores: 10, memoryBytes: 20 * 2 ** 20 };
const n1 = { cpuMillicores: 900, memoryBytes: 2 ** 30 };
const samples = new UsageSamples(new Map([["shop/a", a], ["batch/b", b]]), new Map([["n1", n1]]));

describe("visibleUsage", () => {
  test("a person with no metrics rights sees no pod's and no node's usage", () => {
    const seen = visibleUsage(samples, noUsage);
    expect([seen.pod("shop", "a"), seen.pod("batch", "b"), seen.node("n1")]).toEqual([undefined, undefined, undefined]);
  });

  test("pod usage shows only in the namespaces granted, node usage only with the node right", () => {
    const seen = visibleUsage(samples, { pods: { all: false, namespaces: new Set(["shop"]) }, nodes: false });
    expect([seen.pod("shop", "a"), seen.pod("batch", "b"), seen.node("n1")]).toEqual([a, undefined, undefined]);
    const nodesOnly = visibleUsage(samples, { pods: { all: false, namespaces: new Set() }, nodes: true });
    expect([nodesOnly.pod("shop", "a"), nodesOnly.node("n1")]).toEqual([undefined, n1]);
  });

  test("full rights see every sample, the very objects polled", () => {
    const seen = visibleUsage(samples, allUsage);
    expect(seen.pod("shop", "a")).toBe(a);
    expect(seen.pod("batch", "b")).toBe(b);
    expect(seen.node("n1")).toBe(n1);
  });
});
