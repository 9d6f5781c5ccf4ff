import { describe, expect, test } from "vitest";
import { mergeSamples, sumUsage, UsageSamples } from "./usageLookup";

describe("sumUsage", () => {
  test("adds the samples present and is undefined when there are none", () => {
    expect(sumUsage([{ cpuMillicores: 0.1, memoryBytes: 10 }, undefined, { cpuMillicores: 0.2, memoryBytes: 5 }])).toEqual({ cpuMillicores: 0.3, memoryBytes: 15 });
    expect(sumUsage([undefined, undefined])).toBeUndefined();
    expect(sumUsage([])).toBeUndefined();
    expect(sumUsage([{ cpuMillicores: 0, memoryBytes: 0 }])).toEqual({ cpuMillicores: 0, memoryBytes: 0 });
  });
});

describe("mergeSamples", () => {
  const a = { cpuMillicores: 5, memoryBytes: 100 };
  const previous = new Map([["shop/a", a]]);

  test("keeps the previous map and objects when nothing changed", () => {
    const merged = mergeSamples(previous, new Map([["shop/a", { cpuMillicores: 5, memoryBytes: 100 }]]));
    expect(merged.changed).toBe(false);
    expect(merged.samples).toBe(previous);
  });

  test("reports a changed value, an added and a removed key", () => {
    const b = { cpuMillicores: 1, memoryBytes: 1 };
    const changedValue = mergeSamples(previous, new Map([["shop/a", { cpuMillicores: 6, memoryBytes: 100 }]]));
    expect(changedValue.changed).toBe(true);
    expect(changedValue.samples.get("shop/a")).toEqual({ cpuMillicores: 6, memoryBytes: 100 });
    const added = mergeSamples(previous, new Map([["shop/a", { ...a }], ["shop/b", b]]));
    expect(added.changed).toBe(true);
    // The unchanged sample keeps its identity, so its pod's cached map node is reused.
    expect(added.samples.get("shop/a")).toBe(a);
    expect(mergeSamples(previous, new Map()).changed).toBe(true);
  });
});

describe("UsageSamples", () => {
  test("looks pods up by namespace and name, nodes by name", () => {
    const usage = new UsageSamples(new Map([["shop/web", { cpuMillicores: 1, memoryBytes: 2 }]]), new Map([["node-1", { cpuMillicores: 3, memoryBytes: 4 }]]));
    expect(usage.pod("shop", "web")).toEqual({ cpuMillicores: 1, memoryBytes: 2 });
    expect(usage.pod("other", "web")).toBeUndefined();
    expect(usage.node("node-1")).toEqual({ cpuMillicores: 3, memoryBytes: 4 });
    expect(usage.node("node-2")).toBeUndefined();
  });
});
