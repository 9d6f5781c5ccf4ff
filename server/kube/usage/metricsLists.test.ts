import { describe, expect, test } from "vitest";
import { parseNodeMetricsList, parsePodMetricsList } from "./metricsLists";
import { list, nodeItem, podItem } from "./testing/fakeMetricsApi";

describe("parsePodMetricsList", () => {
  test("sums each pod's containers, keyed by namespace/name", () => {
    const result = parsePodMetricsList(list("PodMetricsList", [
      podItem("shop", "web-1", [{ cpu: "1234567n", memory: "1000Ki" }, { cpu: "5m", memory: "24Ki" }]),
      podItem("kube-system", "dns", [{ cpu: "0", memory: "0" }]),
    ]));
    expect(result).toEqual({
      ok: true,
      skipped: 0,
      samples: new Map([
        ["shop/web-1", { cpuMillicores: 6.234567, memoryBytes: 1024 * 1024 }],
        ["kube-system/dns", { cpuMillicores: 0, memoryBytes: 0 }],
      ]),
    });
  });

  test("skips malformed items and keeps the rest", () => {
    const result = parsePodMetricsList(list("PodMetricsList", [
      podItem("shop", "good", [{ cpu: "5m", memory: "1Mi" }]),
      podItem("shop", "bad-quantity", [{ cpu: "5m", memory: "1Mi" }, { cpu: "lots", memory: "1Mi" }]),
      { metadata: { name: "no-namespace" }, containers: [] },
      { metadata: { name: "no-containers", namespace: "shop" } },
      "not an object",
      null,
      podItem("shop", "negative", [{ cpu: "-5m", memory: "1Mi" }]),
    ]));
    expect(result.ok && [...result.samples.keys()]).toEqual(["shop/good"]);
    expect(result.ok && result.skipped).toBe(6);
  });

  test("a pod without container samples has no sample rather than zero", () => {
    const result = parsePodMetricsList(list("PodMetricsList", [podItem("shop", "starting", [])]));
    expect(result).toEqual({ ok: true, skipped: 0, samples: new Map() });
  });

  test("an answer that is not a list is a problem, not an empty list", () => {
    expect(parsePodMetricsList({ kind: "Status" })).toEqual({ ok: false, problem: expect.stringContaining("items") });
    expect(parsePodMetricsList(undefined).ok).toBe(false);
  });
});

describe("parseNodeMetricsList", () => {
  test("reads each node's usage by name and skips malformed items", () => {
    const result = parseNodeMetricsList(list("NodeMetricsList", [
      nodeItem("node-1", "250000000n", "2Gi"),
      nodeItem("node-2", "1.5", "123456Ki"),
      { metadata: { name: "node-3" }, usage: { cpu: 5 } },
    ]));
    expect(result).toEqual({
      ok: true,
      skipped: 1,
      samples: new Map([
        ["node-1", { cpuMillicores: 250, memoryBytes: 2 * 2 ** 30 }],
        ["node-2", { cpuMillicores: 1500, memoryBytes: 123456 * 1024 }],
      ]),
    });
  });
});
