import { expect } from "vitest";
import { call, names, ok, resourcePath, type ObjectList } from "../http";
import { eventually } from "../poll";
import type { ContractTarget, Expectation } from "../target";
import { sharedPods, sharedSelector } from "../workloads";

interface Usage {
  cpu: string;
  memory: string;
}

interface NodeMetrics {
  kind?: string;
  apiVersion?: string;
  metadata: { name: string };
  timestamp: string;
  window: string;
  usage: Usage;
}

interface PodMetrics extends Omit<NodeMetrics, "usage" | "metadata"> {
  metadata: { name: string; namespace: string };
  containers: { name: string; usage: Usage }[];
}

const metricsPath = (namespace: string | undefined, plural: string, name?: string) => resourcePath("metrics.k8s.io", "v1beta1", namespace, plural, name);
const quantity = /^\d+(\.\d+)?(n|u|m|k|Ki|Mi|Gi|Ti|M|G|T|e\d+)?$/;
const duration = /^\d+(\.\d+)?(ns|us|ms|s|m|h)$/;

function expectUsageShape(usage: Usage): void {
  expect(usage.cpu).toMatch(quantity);
  expect(usage.memory).toMatch(quantity);
}

function expectSampleShape(sample: { timestamp: string; window: string }): void {
  expect(Number.isNaN(Date.parse(sample.timestamp)), `timestamp ${sample.timestamp}`).toBe(false);
  expect(sample.window).toMatch(duration);
}

async function nodeMetrics(target: ContractTarget): Promise<void> {
  const nodes = await ok<ObjectList>(target, "/api/v1/nodes");
  const list = await eventually("node metrics for every node", async () => {
    const answer = await call<ObjectList<NodeMetrics>>(target, metricsPath(undefined, "nodes"));
    const complete = answer.status === 200 && answer.body.items.length === nodes.items.length;
    return { value: complete ? answer.body : undefined, seen: `HTTP ${answer.status}, ${answer.body.items?.length ?? 0} of ${nodes.items.length} nodes` };
  }, { timeoutMs: target.capabilities.metricsWaitMs, intervalMs: 2000 });
  expect({ kind: list.kind, apiVersion: list.apiVersion }).toEqual({ kind: "NodeMetricsList", apiVersion: "metrics.k8s.io/v1beta1" });
  expect(names(list.items)).toEqual(names(nodes.items));
  for (const item of list.items) {
    expectSampleShape(item);
    expectUsageShape(item.usage);
  }
  const one = await ok<NodeMetrics>(target, metricsPath(undefined, "nodes", list.items[0]!.metadata.name));
  expect({ kind: one.kind, apiVersion: one.apiVersion, name: one.metadata.name }).toEqual({ kind: "NodeMetrics", apiVersion: "metrics.k8s.io/v1beta1", name: list.items[0]!.metadata.name });
}

async function podMetrics(target: ContractTarget): Promise<void> {
  const pods = await sharedPods(target);
  const path = `${metricsPath(target.namespace, "pods")}?labelSelector=${encodeURIComponent(sharedSelector)}`;
  const list = await eventually("pod metrics of both contract-web pods", async () => {
    const answer = await call<ObjectList<PodMetrics>>(target, path);
    const complete = answer.status === 200 && answer.body.items.length === pods.length;
    return { value: complete ? answer.body : undefined, seen: `HTTP ${answer.status}, ${answer.body.items?.length ?? 0} items` };
  }, { timeoutMs: target.capabilities.metricsWaitMs, intervalMs: 2000 });
  expect({ kind: list.kind, apiVersion: list.apiVersion }).toEqual({ kind: "PodMetricsList", apiVersion: "metrics.k8s.io/v1beta1" });
  expect(names(list.items)).toEqual(names(pods));
  for (const item of list.items) {
    expect(item.metadata.namespace).toBe(target.namespace);
    expectSampleShape(item);
    expect(item.containers.map((c) => c.name)).toEqual(["app"]);
    expectUsageShape(item.containers[0]!.usage);
  }
  const one = await ok<PodMetrics>(target, metricsPath(target.namespace, "pods", pods[0]!.metadata.name));
  expect({ kind: one.kind, apiVersion: one.apiVersion }).toEqual({ kind: "PodMetrics", apiVersion: "metrics.k8s.io/v1beta1" });
}

export const metricsExpectations: Expectation[] = [
  { id: "metrics.nodes", title: "metrics.k8s.io NodeMetricsList and NodeMetrics: timestamp, window, usage.cpu/memory quantities", run: nodeMetrics, timeoutMs: 150_000 },
  { id: "metrics.pods", title: "metrics.k8s.io PodMetricsList (label-selected) and PodMetrics with per-container usage", run: podMetrics, timeoutMs: 150_000 },
];
